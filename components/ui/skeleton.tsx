import type { ReactNode } from "react";

/** A grey placeholder block while a page loads; `className` sets its size. */
export function Skeleton({ className = "" }: { className?: string }) {
  return <div aria-hidden="true" className={`animate-pulse rounded-md bg-slate-200 ${className}`} />;
}

/**
 * Says "Loading" to screen readers while the skeleton shows the page's shape. Not a live "status" region:
 * the page's own status messages keep that role to themselves.
 */
export function LoadingRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div aria-busy="true" className="space-y-4">
      <p className="sr-only">{label}…</p>
      {children}
    </div>
  );
}
