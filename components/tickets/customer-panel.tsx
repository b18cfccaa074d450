import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import type { TicketJson } from "@/lib/tickets/core/ticket-json";
import type { TicketWorkspace } from "@/lib/tickets/ticket-workspace";
import { AGENT_STATUS_LABEL } from "./agent-labels";
import { PRIORITY_TONE } from "./labels";

export function CustomerPanel({ customer, otherTickets }: { customer: TicketJson["customer"]; otherTickets: TicketWorkspace["customerTickets"] }) {
  return (
    <section aria-labelledby="customer-heading" className="min-w-0 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="customer-heading" className="mb-2 font-semibold">
        Customer
      </h2>
      <p className="text-sm [overflow-wrap:anywhere]">
        <span className="font-medium">{customer.name}</span> ({customer.userId})
      </p>
      <p className="text-sm text-slate-700 [overflow-wrap:anywhere]">{customer.organization?.name ?? "No organization"}</p>
      <h3 className="mt-3 text-sm font-medium">Their other open tickets</h3>
      {otherTickets.length === 0 ? (
        <p className="text-sm text-slate-700">None.</p>
      ) : (
        <ul className="mt-1 space-y-1 text-sm">
          {otherTickets.map((t) => (
            <li key={t.number} className="flex min-w-0 items-center gap-2">
              <Badge tone={PRIORITY_TONE[t.priority]}>{t.priority}</Badge>
              <Link href={`/queue/tickets/${t.number}`} className="shrink-0 whitespace-nowrap font-mono text-indigo-800 underline">
                {t.number}
              </Link>
              <span className="min-w-0 truncate">{t.title}</span>
              <span className="shrink-0 text-slate-700">({AGENT_STATUS_LABEL[t.status]})</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
