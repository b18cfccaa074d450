import type { TicketEventType, Tier } from "@/lib/db/generated/enums";
import { customerExplanation } from "@/lib/tickets/customer-events";
import type { EventChange, LiveChange } from "./change";
import type { LiveSubscriber } from "./subscriber";

/** What a stream sends: each is one SSE event (`event:` the name, `data:` the JSON). */
export type StreamMessage =
  /** Staff: a ticket entered, left or changed in a queue they work: fetch the queue again. */
  | { event: "queue"; data: { number: string; tier: Tier | null } }
  /** Staff with the ticket open: who changed it (null: the system), to which version. */
  | { event: "ticket"; data: { number: string; version: number; type: TicketEventType; by: string | null; byMe: boolean } }
  /** A customer's own ticket changed in a way they may see (a reply, its status, its level): no who, no what. */
  | { event: "ticket"; data: { number: string; version: number } }
  | { event: "notification"; data: { id: number } }
  /** Someone else opened a ticket that is open here. */
  | { event: "presence"; data: { number: string } };

const isStaff = (s: LiveSubscriber) => s.role !== "CUSTOMER";

/**
 * What `subscriber` may be sent of a committed change, decided from the change's routing facts alone:
 * - a customer: their own ticket's changes that the portal's history would show them (public replies,
 *   status, level; never internal notes, routing or who on the staff did it);
 * - staff: queue changes of the tiers they work, their groups or their own tickets (managers and admins: all),
 *   every change of a ticket open in this tab, their own notifications, and who else opened that ticket.
 * Sessions, tokens and users changing are the hub's business, never sent.
 */
export function messagesFor(subscriber: LiveSubscriber, change: LiveChange): StreamMessage[] {
  switch (change.k) {
    case "event":
      return isStaff(subscriber) ? staffEventMessages(subscriber, change) : customerEventMessages(subscriber, change);
    case "notification":
      return isStaff(subscriber) && change.to === subscriber.id ? [{ event: "notification", data: { id: change.id } }] : [];
    case "presence":
      return isStaff(subscriber) && change.number !== null && change.user !== subscriber.id && subscriber.tickets.has(change.number)
        ? [{ event: "presence", data: { number: change.number } }]
        : [];
    default:
      return [];
  }
}

function customerEventMessages(subscriber: LiveSubscriber, change: EventChange): StreamMessage[] {
  if (change.customer !== subscriber.id) return [];
  const seen = customerExplanation({
    type: change.type,
    toTier: change.tiers[1],
    toAssignee: change.assignees[1],
    rule: change.rule,
    inputs: { visibility: change.visibility },
  });
  return seen === null ? [] : [{ event: "ticket", data: { number: change.number, version: change.version } }];
}

function staffEventMessages(subscriber: LiveSubscriber, change: EventChange): StreamMessage[] {
  const messages: StreamMessage[] = [];
  if (changesQueueOf(subscriber, change)) messages.push({ event: "queue", data: { number: change.number, tier: change.tiers[2] } });
  if (subscriber.tickets.has(change.number)) {
    messages.push({
      event: "ticket",
      data: { number: change.number, version: change.version, type: change.type, by: change.actorName, byMe: change.actor === subscriber.id },
    });
  }
  return messages;
}

/** An internal note changes no queue row; anything else may, in every queue the ticket was or is in. */
function changesQueueOf(subscriber: LiveSubscriber, change: EventChange): boolean {
  if (change.type === "COMMENTED" && change.visibility !== "PUBLIC") return false;
  if (subscriber.queueTiers === null) return true;
  const tiers = subscriber.queueTiers;
  return (
    change.tiers.some((t) => t !== null && tiers.includes(t)) ||
    change.assignees.some((a) => a !== null && a === subscriber.userId) ||
    change.groups.some((g) => g !== null && subscriber.groups.has(g))
  );
}
