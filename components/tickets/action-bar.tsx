import { Button } from "@/components/ui/button";
import type { TicketStatus } from "@/lib/db/generated/enums";
import type { AvailableActions } from "@/lib/tickets/available-actions";
import type { TicketJson } from "@/lib/tickets/core/ticket-json";
import { AGENT_STATUS_LABEL } from "./agent-labels";

/** Only the actions this actor may take on this ticket; the services refuse the rest anyway. */
export function ActionBar({
  ticket,
  actions,
  busy,
  onClaim,
  onEscalate,
  onReturn,
  onStatus,
  onAssign,
}: {
  ticket: TicketJson;
  actions: AvailableActions;
  busy: boolean;
  onClaim: () => void;
  onEscalate: () => void;
  onReturn: () => void;
  onStatus: (status: TicketStatus) => void;
  onAssign: () => void;
}) {
  const lowerTier = ticket.tier === "L4" ? "L3" : ticket.tier === "L3" ? "L2" : "L1";
  const none = !actions.claim && !actions.escalate && !actions.returnToLowerTier && actions.statuses.length === 0 && !actions.assign;
  if (none) return <p className="text-sm text-slate-700">Nothing to do here for you: the ticket is with {ticket.assignee?.name ?? ticket.group.name}.</p>;
  // On a phone the actions sit in a bar at the bottom of the screen that scrolls sideways on its own; from sm up, in the page.
  return (
    <div
      role="toolbar"
      aria-label="Ticket actions"
      data-testid="ticket-actions"
      className="fixed inset-x-0 bottom-0 z-10 flex items-center gap-2 overflow-x-auto border-t border-slate-300 bg-white p-2 shadow-[0_-2px_6px_rgba(0,0,0,0.08)] sm:static sm:flex-wrap sm:overflow-visible sm:border-0 sm:bg-transparent sm:p-0 sm:shadow-none [&_button]:shrink-0 [&_button]:whitespace-nowrap"
    >
      {actions.claim && (
        <Button onClick={onClaim} disabled={busy} aria-keyshortcuts="c">
          Claim
        </Button>
      )}
      {actions.escalate && (
        <Button onClick={onEscalate} disabled={busy} aria-keyshortcuts="e">
          Escalate to {actions.escalateTo}
        </Button>
      )}
      {actions.returnToLowerTier && (
        <Button variant="secondary" onClick={onReturn} disabled={busy}>
          {ticket.tier === "L4" ? "Record L4 reply (back to L3)" : `Return to ${lowerTier}`}
        </Button>
      )}
      {actions.statuses.length > 0 && (
        <div role="group" aria-label="Set status" className="flex shrink-0 gap-2 sm:flex-wrap">
          {actions.statuses.map((status) => (
            <Button key={status} variant="secondary" onClick={() => onStatus(status)} disabled={busy}>
              {AGENT_STATUS_LABEL[status]}
            </Button>
          ))}
        </div>
      )}
      {actions.assign && (
        <Button variant="secondary" onClick={onAssign} disabled={busy}>
          Assign
        </Button>
      )}
    </div>
  );
}
