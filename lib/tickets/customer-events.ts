import type { TicketEventType, TicketStatus, Tier } from "@/lib/db/generated/enums";
import { CUSTOMER_STATUS } from "@/lib/tickets/core/customer-labels";

/** The rule of a customer's own escalation request (an ALERT event the customer may see). */
export const ESCALATION_REQUEST_RULE = "customer.escalation-request";

/** What of a decision-log event decides whether its customer sees it. */
export interface CustomerEventFacts {
  type: TicketEventType;
  toTier: Tier | null;
  toAssignee: string | null;
  rule: string | null;
  inputs: unknown;
}

/** What a customer may see of the log: their ticket's life, not its internal routing. */
const CUSTOMER_EXPLANATION: Partial<Record<TicketEventType, (e: CustomerEventFacts) => string | null>> = {
  CREATED: (e) => ((e.inputs as { openedBy?: string } | null)?.openedBy ? "Ticket opened for you by Service Desk." : "Ticket opened."),
  // Who, never: an agent's name is support's business until they write to the customer.
  CLAIMED: () => "An agent took on your ticket.",
  ASSIGNED: (e) => (e.toAssignee ? "An agent took on your ticket." : null),
  ESCALATED: (e) => `Passed to ${e.toTier === "L4" ? "a specialist team" : `level ${e.toTier?.slice(1)} support`}.`,
  RETURNED: (e) => `Back with level ${e.toTier?.slice(1)} support.`,
  AUTO_ESCALATED: (e) => `Passed to level ${e.toTier?.slice(1)} support.`,
  STATUS_CHANGED: (e) => {
    const to = (e.inputs as { to?: TicketStatus } | null)?.to;
    return to && to in CUSTOMER_STATUS ? `Status: ${CUSTOMER_STATUS[to]}.` : "Status changed.";
  },
  COMMENTED: () => "New reply.",
  RATED: (e) => `Rated ${(e.inputs as { score?: number } | null)?.score ?? "?"} of 5.`,
  // Of the alerts, customers see only their own request; the others are support's business.
  ALERT: (e) => (e.rule === ESCALATION_REQUEST_RULE ? "You asked for escalation: support has been alerted." : null),
};

/** The sentence a customer reads for an event of their ticket, or null when it is support's business (an internal note, routing). */
export function customerExplanation(e: CustomerEventFacts): string | null {
  const explain = CUSTOMER_EXPLANATION[e.type];
  const internalNote = e.type === "COMMENTED" && (e.inputs as { visibility?: string } | null)?.visibility !== "PUBLIC";
  return explain && !internalNote ? explain(e) : null;
}
