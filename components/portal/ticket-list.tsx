import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import type { CustomerTicketJson } from "@/lib/tickets/customer-ticket-json";
import { ZonedTime } from "@/components/ui/zoned-time";
import { isUpdateLate } from "@/lib/tickets/core/update-promise";

/** The customer's tickets as cards: one column on a phone, the facts they ask about first. */
export function TicketList({ tickets, now }: { tickets: CustomerTicketJson[]; now: Date }) {
  return (
    <ul aria-label="Tickets" className="space-y-3">
      {tickets.map((t) => {
        const late = isUpdateLate(t.nextUpdateAt, now);
        return (
          <li key={t.number} className="rounded-lg border border-slate-200 bg-white p-4">
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <Link href={`/portal/tickets/${t.number}`} className="min-w-0 font-semibold text-indigo-800 underline wrap-anywhere">
                <span className="font-mono" data-testid="ticket-number">{t.number}</span> <span data-testid="ticket-title">{t.title}</span>
              </Link>
              <Badge tone={t.status === "RESOLVED" || t.status === "CLOSED" ? "green" : t.status === "PENDING_CUSTOMER" ? "amber" : "blue"}>{t.statusLabel}</Badge>
            </div>
            <dl className="mt-2 grid grid-cols-1 gap-x-4 gap-y-1 text-sm text-slate-700 sm:grid-cols-2">
              <div>
                <dt className="inline font-medium">Priority: </dt>
                <dd className="inline">{t.priorityLabel}</dd>
              </div>
              <div>
                <dt className="inline font-medium">{t.status === "RESOLVED" || t.status === "CLOSED" ? "Resolved by: " : "With: "}</dt>
                <dd className="inline">{t.supportLevel}</dd>
              </div>
              <div>
                <dt className="inline font-medium">Next update: </dt>
                <dd className={`inline ${late ? "font-medium text-amber-900" : ""}`}><ZonedTime kind="next-update" status={t.status} at={t.nextUpdateAt} now={now.toISOString()} /></dd>
              </div>
              <div>
                <dt className="inline font-medium">Last activity: </dt>
                <dd className="inline">
                  <ZonedTime kind="moment" at={t.lastActivityAt} />
                </dd>
              </div>
            </dl>
          </li>
        );
      })}
    </ul>
  );
}
