import { Badge } from "@/components/ui/badge";
import type { CustomerTicketJson } from "@/lib/tickets/customer-ticket-json";
import { ZonedTime } from "@/components/ui/zoned-time";
import { isUpdateLate } from "@/lib/tickets/core/update-promise";

/** The ticket's head: what it is, where it stands, who is on it, and the next update promised. */
export function TicketSummary({ ticket, now }: { ticket: CustomerTicketJson; now: Date }) {
  return (
    <header className="space-y-3">
      <p className="font-mono text-sm text-slate-700">{ticket.number}</p>
      <h1 className="text-xl font-bold break-words">{ticket.title}</h1>
      <dl className="grid grid-cols-1 gap-2 text-sm sm:grid-cols-3">
        <div>
          <dt className="font-medium text-slate-700">Status</dt>
          <dd>
            <Badge tone={ticket.status === "RESOLVED" || ticket.status === "CLOSED" ? "green" : ticket.status === "PENDING_CUSTOMER" ? "amber" : "blue"}>{ticket.statusLabel}</Badge>
          </dd>
        </div>
        <div>
          <dt className="font-medium text-slate-700">Priority</dt>
          <dd>{ticket.priorityLabel}</dd>
        </div>
        <div>
          <dt className="font-medium text-slate-700">{ticket.status === "RESOLVED" || ticket.status === "CLOSED" ? "Resolved by" : "Being handled by"}</dt>
          <dd>{ticket.supportLevel}</dd>
        </div>
      </dl>
      {ticket.nextUpdateAt && (
        <p className={`rounded-md px-3 py-2 text-sm font-medium ${isUpdateLate(ticket.nextUpdateAt, now) ? "bg-amber-50 text-amber-900" : "bg-indigo-50 text-indigo-900"}`}>
          <ZonedTime kind="promise" at={ticket.nextUpdateAt} now={now.toISOString()} />.
        </p>
      )}
      {!ticket.nextUpdateAt && ticket.status === "PENDING_CUSTOMER" && (
        <p className="rounded-md bg-amber-50 px-3 py-2 text-sm font-medium text-amber-900">We are waiting for your reply; our next update is promised once you answer.</p>
      )}
      <p className="text-xs text-slate-700">
        {ticket.openedBy ? `Opened for you by ${ticket.openedBy}` : "Opened"} <ZonedTime kind="moment" at={ticket.createdAt} /> · last activity <ZonedTime kind="moment" at={ticket.lastActivityAt} />
      </p>
    </header>
  );
}
