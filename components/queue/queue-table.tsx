import Link from "next/link";
import type { RefObject } from "react";
import { PRIORITY_TONE, STATUS_LABEL, formatAge } from "@/components/tickets/labels";
import { Badge } from "@/components/ui/badge";
import { Countdown } from "@/components/ui/countdown";
import type { QueueRow } from "@/lib/tickets/find-queue";
import { ticketHref } from "./labels";

const TH = "px-3 py-2 font-semibold";
const TD = "px-3 py-2 align-top";

/** The queue's rows; `selected` is the row the keyboard is on. Row links carry data-ticket for focus by number. */
export function QueueTable({
  caption,
  rows,
  nowMs,
  selected,
  tableRef,
  onPointerEnter,
  onPointerLeave,
}: {
  caption: string;
  rows: QueueRow[];
  nowMs: number;
  selected: string | null;
  tableRef: RefObject<HTMLTableElement | null>;
  onPointerEnter: () => void;
  onPointerLeave: () => void;
}) {
  const now = new Date(nowMs);
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white" onPointerEnter={onPointerEnter} onPointerLeave={onPointerLeave}>
      <table ref={tableRef} className="min-w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-100 text-xs uppercase text-slate-700">
          <tr>
            <th scope="col" className={TH}>Number</th>
            <th scope="col" className={TH}>Title</th>
            <th scope="col" className={TH}>Priority</th>
            <th scope="col" className={TH}>Tier</th>
            <th scope="col" className={TH}>Status</th>
            <th scope="col" className={TH}>Customer</th>
            <th scope="col" className={TH}>Assignee</th>
            <th scope="col" className={TH}>Tier budget left</th>
            <th scope="col" className={TH}>Resolution left</th>
            <th scope="col" className={TH}>Age</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr
              key={r.number}
              aria-current={r.number === selected ? "true" : undefined}
              className={`border-t border-slate-200 ${r.number === selected ? "bg-indigo-50 outline-2 -outline-offset-2 outline-indigo-600" : ""}`}
            >
              <td className={`${TD} whitespace-nowrap font-mono`}>
                <Link href={ticketHref(r.number)} data-ticket={r.number} className="text-indigo-800 underline-offset-2 hover:underline focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500">
                  {r.number}
                </Link>
              </td>
              <td className={TD}>{r.title}</td>
              <td className={TD}>
                <Badge tone={PRIORITY_TONE[r.priority]}>{r.priority}</Badge>
              </td>
              <td className={TD}>{r.tier}</td>
              <td className={`${TD} whitespace-nowrap`}>{STATUS_LABEL[r.status]}</td>
              <td className={TD}>
                {r.customer.name}{" "}
                <span className="text-slate-600">
                  ({r.customer.userId}
                  {r.customer.organization ? `, ${r.customer.organization}` : ""})
                </span>
              </td>
              <td className={TD}>{r.assignee?.name ?? <span className="text-slate-600">Unassigned</span>}</td>
              <td className={TD}>
                <Countdown label="Tier budget" nowMs={nowMs} endsAt={r.due.tierBudgetEndsAt} warnAt={r.due.tierBudgetWarnAt} />
              </td>
              <td className={TD}>
                <Countdown label="Resolution target" nowMs={nowMs} endsAt={r.due.resolutionDueAt} warnAt={r.due.resolutionWarnAt} />
              </td>
              <td className={`${TD} whitespace-nowrap`}>
                <time dateTime={r.createdAt} title={r.createdAt}>
                  {formatAge(new Date(r.createdAt), now)}
                </time>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
