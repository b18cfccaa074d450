import { IncidentMarker } from "@/components/incidents/incident-marker";
import { ChannelMarker } from "./channel-marker";
import Link from "next/link";
import type { MouseEvent } from "react";
import type { QueueRow } from "@/lib/tickets/find-queue";
import { ticketHref } from "./labels";
import { QueueCell } from "./queue-cell";

/**
 * The queue on a phone: one card per ticket, stacked. Every line truncates inside the card, so a long
 * title or customer name never makes the page scroll sideways; the title's link covers the card.
 */
export function QueueCards({ rows, nowMs, checked, onCheck }: { rows: QueueRow[]; nowMs: number; checked: ReadonlySet<string>; onCheck: (number: string, event: MouseEvent<HTMLInputElement>) => void }) {
  return (
    <ul className="space-y-2 md:hidden" aria-label="Tickets">
      {rows.map((r) => (
        <li key={r.number} className="relative min-w-0 rounded-lg border border-slate-200 bg-white p-3 text-sm">
          <div className="flex min-w-0 items-center gap-2">
            <input type="checkbox" aria-label={`Select ${r.number}`} checked={checked.has(r.number)} onClick={(e) => onCheck(r.number, e)} onChange={() => {}} className="relative z-10" />
            <span className="font-mono text-xs text-slate-700">{r.number}</span>
            <QueueCell column="priority" row={r} nowMs={nowMs} />
            <IncidentMarker row={r} />
            <ChannelMarker channel={r.channel} />
            <span className="min-w-0 flex-1 text-right text-xs text-slate-700">
              <QueueCell column="status" row={r} nowMs={nowMs} />
            </span>
          </div>
          <Link href={ticketHref(r.number)} data-card-ticket={r.number} title={r.title} className="mt-1 block truncate font-medium text-indigo-900 after:absolute after:inset-0 focus:outline-none focus-visible:after:rounded-lg focus-visible:after:ring-2 focus-visible:after:ring-indigo-500">
            {r.title}
          </Link>
          <div className="mt-0.5 min-w-0 text-xs text-slate-700">
            <QueueCell column="customer" row={r} nowMs={nowMs} />
          </div>
          <dl className="mt-1 grid grid-cols-3 gap-1 text-xs">
            {(
              [
                ["First response", "first-response"],
                ["Tier budget", "tier-budget"],
                ["Resolution", "resolution"],
              ] as const
            ).map(([label, column]) => (
              <div key={column} className="min-w-0">
                <dt className="truncate text-slate-600">{label}</dt>
                <dd className="truncate">
                  <QueueCell column={column} row={r} nowMs={nowMs} />
                </dd>
              </div>
            ))}
          </dl>
        </li>
      ))}
    </ul>
  );
}
