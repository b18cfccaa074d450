import type { ReactNode } from "react";

/** A grey placeholder block while a page loads; `className` sets its size. */
export function Skeleton({ className = "" }: { className?: string }) {
  return <div aria-hidden="true" className={`animate-pulse rounded-md bg-slate-200 ${className}`} />;
}

/** Says "Loading" to screen readers while the skeleton shows the page's shape. */
export function LoadingRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div role="status" aria-live="polite" aria-label={label} className="space-y-4">
      <span className="sr-only">{label}</span>
      {children}
    </div>
  );
}
