import Link from "next/link";
import { queueCountLabel } from "@/lib/tickets/queue-count";
import { queueHref } from "@/lib/tickets/queue-url";
import { QUEUE_VIEWS, type QueueQuery, type QueueTier, type QueueView } from "@/lib/validation/queue";
import { viewLabel } from "./labels";

const CHIP = "inline-flex max-w-full items-center gap-2 rounded-full border px-3 py-0.5 text-sm focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500";
const chipTone = (active: boolean) => (active ? "border-indigo-700 bg-indigo-700 text-white" : "border-slate-300 bg-white text-slate-800 hover:bg-slate-100");
const countTone = (active: boolean) => `rounded-full px-2 text-xs font-semibold ${active ? "bg-white text-indigo-800" : "bg-slate-200 text-slate-800"}`;

/** A view's count; a capped one reads "10,000+" and says "more than 10,000 tickets" on hover. */
function CountBadge({ testId, count, capped, active }: { testId: string; count: number; capped: boolean; active: boolean }) {
  return (
    <span data-testid={testId} className={countTone(active)} title={capped ? `More than ${count.toLocaleString("en-US")} tickets` : undefined}>
      {queueCountLabel(count, capped)}
    </span>
  );
}

/**
 * The built-in views as links that keep the filters and search, then this person's saved views; each
 * shows how many tickets it holds. A saved view opens its own query (and columns) by id.
 */
export function QueueViewNav({
  query,
  current,
  tier,
  counts,
  cappedCounts,
  saved,
  currentSaved,
}: {
  query: Partial<QueueQuery>;
  current: QueueView;
  tier: QueueTier;
  counts: Record<QueueView, number>;
  /** Views holding more tickets than their count says (shown "10,000+"). */
  cappedCounts: QueueView[];
  saved: { id: number; name: string; count: number; countCapped: boolean }[];
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
                <CountBadge testId={`count-${view}`} count={counts[view]} capped={cappedCounts.includes(view)} active={active} />
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
                <CountBadge testId={`count-saved-${view.id}`} count={view.count} capped={view.countCapped} active={active} />
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
