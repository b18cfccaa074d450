import Link from "next/link";
import { queueHref } from "@/lib/tickets/queue-url";
import { QUEUE_VIEWS, type QueueQuery, type QueueTier, type QueueView } from "@/lib/validation/queue";
import { viewLabel } from "./labels";

/** The views as links that keep the filters and search; each shows how many tickets it holds. */
export function QueueViewNav({ query, current, tier, counts }: { query: Partial<QueueQuery>; current: QueueView; tier: QueueTier; counts: Record<QueueView, number> }) {
  return (
    <nav aria-label="Queue views" className="mb-4">
      <ul className="flex flex-wrap gap-2">
        {QUEUE_VIEWS.map((view) => {
          const active = view === current;
          return (
            <li key={view}>
              <Link
                href={queueHref(query, { view, cursor: undefined })}
                aria-current={active ? "page" : undefined}
                className={`inline-flex items-center gap-2 rounded-full border px-3 py-1 text-sm focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500 ${
                  active ? "border-indigo-700 bg-indigo-700 text-white" : "border-slate-300 bg-white text-slate-800 hover:bg-slate-100"
                }`}
              >
                {viewLabel(view, tier)}
                <span data-testid={`count-${view}`} className={`rounded-full px-2 text-xs font-semibold ${active ? "bg-white text-indigo-800" : "bg-slate-200 text-slate-800"}`}>
                  {counts[view]}
                </span>
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
