import { Badge } from "@/components/ui/badge";
import type { VendorEngagementJson } from "@/lib/routing/vendor-engagement-json";
import type { TicketJson } from "@/lib/tickets/core/ticket-json";
import { AGENT_STATUS_LABEL } from "./agent-labels";
import { PRIORITY_TONE, TYPE_LABEL } from "./labels";
import { SlaClocks } from "./sla-clocks";

export function TicketHeader({ ticket, vendor, serverNow }: { ticket: TicketJson; vendor?: VendorEngagementJson | null; serverNow: string }) {
  return (
    <div className="min-w-0 space-y-3">
      <div className="min-w-0">
        <p className="font-mono text-sm text-slate-700">
          {ticket.number} · {TYPE_LABEL[ticket.type]}
        </p>
        <h1 id="ticket-heading" className="text-xl font-bold [overflow-wrap:anywhere]">
          {ticket.title}
        </h1>
      </div>
      <dl className="flex flex-wrap gap-x-6 gap-y-2 text-sm" aria-label="Ticket facts">
        <div className="flex items-center gap-2">
          <dt className="text-slate-700">Priority</dt>
          <dd>
            <Badge tone={PRIORITY_TONE[ticket.priority]}>{ticket.priority}</Badge>
          </dd>
        </div>
        <div className="flex items-center gap-2">
          <dt className="text-slate-700">Tier</dt>
          <dd className="font-semibold">{ticket.tier}</dd>
        </div>
        <div className="flex items-center gap-2">
          <dt className="text-slate-700">Status</dt>
          <dd className="font-semibold" data-testid="ticket-status">
            {AGENT_STATUS_LABEL[ticket.status]}
          </dd>
        </div>
        <div className="flex items-center gap-2">
          <dt className="text-slate-700">Group</dt>
          <dd className="font-semibold [overflow-wrap:anywhere]">{ticket.group.name}</dd>
        </div>
        <div className="flex items-center gap-2">
          <dt className="text-slate-700">{ticket.tier === "L4" ? "L3 coordinator" : "Assignee"}</dt>
          <dd className="font-semibold [overflow-wrap:anywhere]" data-testid="ticket-assignee">
            {ticket.assignee?.name ?? "Unassigned"}
          </dd>
        </div>
        {ticket.externalReference && (
          <div className="flex items-center gap-2">
            <dt className="text-slate-700">L4 reference</dt>
            <dd className="font-mono font-semibold [overflow-wrap:anywhere]">{ticket.externalReference}</dd>
          </div>
        )}
      </dl>
      <SlaClocks ticket={ticket} vendor={vendor} serverNow={serverNow} />
    </div>
  );
}
