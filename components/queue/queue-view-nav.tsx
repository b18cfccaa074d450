import Link from "next/link";
import { queueHref } from "@/lib/tickets/queue-url";
import { QUEUE_VIEWS, type QueueQuery, type QueueTier, type QueueView } from "@/lib/validation/queue";
import { viewLabel } from "./labels";

const CHIP = "inline-flex max-w-full items-center gap-2 rounded-full border px-3 py-0.5 text-sm focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500";
const chipTone = (active: boolean) => (active ? "border-indigo-700 bg-indigo-700 text-white" : "border-slate-300 bg-white text-slate-800 hover:bg-slate-100");
const countTone = (active: boolean) => `rounded-full px-2 text-xs font-semibold ${active ? "bg-white text-indigo-800" : "bg-slate-200 text-slate-800"}`;

/**
 * The built-in views as links that keep the filters and search, then this person's saved views; each
 * shows how many tickets it holds. A saved view opens its own query (and columns) by id.
 */
export function QueueViewNav({
  query,
  current,
  tier,
  counts,
  saved,
  currentSaved,
}: {
  query: Partial<QueueQuery>;
  current: QueueView;
  tier: QueueTier;
  counts: Record<QueueView, number>;
  saved: { id: number; name: string; count: number }[];
  currentSaved: number | null;
}) {
  return (
    <nav aria-label="Queue views">
      <ul className="flex flex-wrap gap-1.5">
        {QUEUE_VIEWS.map((view) => {
          const active = view === current && currentSaved === null;
          return (
            <li key={view}>
              <Link
                href={queueHref(query, { view, cursor: undefined })}
                aria-current={active ? "page" : undefined}
                className={`${CHIP} ${chipTone(active)}`}
              >
                {viewLabel(view, tier)}
                <span data-testid={`count-${view}`} className={countTone(active)}>
                  {counts[view]}
                </span>
              </Link>
            </li>
          );
        })}
        {saved.map((view) => {
          const active = view.id === currentSaved;
          return (
            <li key={`saved-${view.id}`} className="min-w-0 max-w-full">
              <Link href={`/queue?saved=${view.id}`} aria-current={active ? "page" : undefined} className={`${CHIP} ${chipTone(active)}`}>
                <span className="truncate" title={view.name}>
                  {view.name}
                </span>
                <span data-testid={`count-saved-${view.id}`} className={countTone(active)}>
                  {view.count}
                </span>
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
