import type { ReactNode } from "react";

/**
 * A table wider than a phone scrolls inside this box instead of widening the page. The box is a labelled
 * region that takes focus, so keyboard users can scroll it too. It is the containing block (relative) of
 * what is absolutely placed inside, such as sr-only labels, which would otherwise widen the page.
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    // A scrollable region must be reachable by keyboard: it takes focus.
    <div role="region" aria-label={label} tabIndex={0} className="relative max-w-full overflow-x-auto focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500">
      {children}
    </div>
  );
}
