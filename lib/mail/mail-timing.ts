// When a change reaches the customer by mail (issue 13 §5): customers hear about what matters, not every
// internal hop. A pure decision; lib/mail/enqueue.ts acts on it.
import type { TicketStatus } from "@/lib/db/generated/enums";
import { CUSTOMER_STATUS } from "@/lib/tickets/core/customer-labels";

/**
 * - `none`: nothing the customer sees changed (a tier hop, a claim or an automatic assignment that keeps
 *   the status the portal shows).
 * - `refresh`: the customer made the change (answering a ticket that waited on them): they need no mail
 *   about it, but a held mail still to go takes the new state, so it never tells them something stale.
 * - `held`: a status change; it waits COALESCE_MINUTES, and further status changes of the ticket in that
 *   time fold into the same mail, which says the latest state.
 * - `immediate`: the acknowledgement of a new ticket, an agent's public reply, a resolution or a closure:
 *   never delayed. It carries the ticket's current status, so a held mail of the ticket is dropped.
 */
export type MailTiming = "none" | "refresh" | "held" | "immediate";

export type CustomerChange =
  | { event: "intake" }
  | { event: "public-reply" }
  | { event: "customer-answered"; from: TicketStatus; to: TicketStatus }
  | { event: "status-change"; from: TicketStatus; to: TicketStatus };

/** A held mail waits this long after the latest change it carries … */
export const COALESCE_MINUTES = 5;
/** … but never longer than this after the first: a ticket that keeps moving still tells its customer. */
export const COALESCE_MAX_MINUTES = 15;

const FINAL_STATUSES: readonly TicketStatus[] = ["RESOLVED", "CLOSED"];

export function mailTiming(change: CustomerChange): MailTiming {
  if (change.event === "intake" || change.event === "public-reply") return "immediate";
  if (CUSTOMER_STATUS[change.from] === CUSTOMER_STATUS[change.to]) return "none";
  if (change.event === "customer-answered") return "refresh";
  return FINAL_STATUSES.includes(change.to) ? "immediate" : "held";
}
