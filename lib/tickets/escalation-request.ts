import type { Actor } from "@/lib/actor";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { recordEvents, saveTicket, staleVersion } from "@/lib/tickets/core/ticket-store";
import { parseInput } from "@/lib/validation/parse";
import type { VerbInput } from "@/lib/validation/unchecked";
import { ZEscalationRequest } from "@/lib/validation/portal";
import { ESCALATION_REQUEST_RULE } from "./customer-events";
import { loadOwnTicket } from "./customer-guard";
import type { CustomerTicketJson } from "./customer-ticket-json";
import { getCustomerTicket } from "./customer-tickets";
import { formatMoment } from "@/lib/tickets/core/update-promise";

export { ESCALATION_REQUEST_RULE };

/** How long one request stands while the ticket stays at the same level. */
export const ESCALATION_REQUEST_STANDS_HOURS = 24;

/**
 * Why a new request is refused, or null: one stands while the ticket stays at the level it was made at,
 * for a day, so a customer cannot page the L1 owner and the managers again and again about the same thing.
 * A ticket that moved to another level since, or a day later, takes a new one.
 */
export function escalationRequestRefusal(lastRequestAt: Date | null, tierEnteredAt: Date, now: Date): string | null {
  if (!lastRequestAt || lastRequestAt < tierEnteredAt) return null;
  if (now.getTime() - lastRequestAt.getTime() >= ESCALATION_REQUEST_STANDS_HOURS * 3_600_000) return null;
  return `You asked for escalation on ${formatMoment(lastRequestAt.toISOString())}: support has been alerted and decides. You can ask again if the ticket is still at this level a day later.`;
}

/** Who a request reaches (the notify_ticket_events trigger tells them): the assignee, the group's leads, and on P1 and P2 the managers. */
export function escalationRequestAudience(assigned: boolean, managers: boolean): string {
  const people = [assigned ? "the assignee" : null, "the group's leads", managers ? "the managers" : null].filter((p) => p !== null);
  const list = people.length === 1 ? people[0]! : `${people.slice(0, -1).join(", ")} and ${people.at(-1)}`;
  return list[0]!.toUpperCase() + list.slice(1);
}

/**
 * The customer asks for more attention, with a reason. It alerts the assignee, the group's leads and, on P1
 * and P2, the managers; whether to escalate stays support's decision, so no tier changes here.
 */
export async function requestEscalation(actor: Actor, number: string, input: VerbInput<typeof ZEscalationRequest>, now = new Date()): Promise<CustomerTicketJson> {
  const data = parseInput(ZEscalationRequest, input);
  await db().$transaction(async (tx) => {
    const ticket = await loadOwnTicket(tx, actor, number);
    if (ticket.status === "RESOLVED" || ticket.status === "CLOSED") {
      throw new AppError("CONFLICT", "The ticket is resolved: say it is still broken to reopen it instead.");
    }
    if (data.version !== ticket.version) throw staleVersion(ticket.version);
    const last = await tx.ticketEvent.findFirst({
      where: { ticketId: ticket.id, type: "ALERT", rule: ESCALATION_REQUEST_RULE },
      orderBy: { id: "desc" },
      select: { createdAt: true },
    });
    const refusal = escalationRequestRefusal(last?.createdAt ?? null, ticket.tierEnteredAt, now);
    if (refusal) throw new AppError("CONFLICT", refusal);
    const managers = ticket.priority === "P1" || ticket.priority === "P2";
    await saveTicket(tx, ticket, {}, now);
    await recordEvents(tx, ticket.id, [
      {
        type: "ALERT",
        actorId: actor.id,
        fromTier: ticket.tier,
        toTier: ticket.tier,
        rule: ESCALATION_REQUEST_RULE,
        inputs: { reason: data.reason, notify: { assignee: ticket.assignee?.userId ?? null, leads: true, managers }, tier: ticket.tier, priority: ticket.priority },
        reason: `${actor.name} asked for escalation: "${data.reason}". ${escalationRequestAudience(ticket.assignee !== null, managers)} are alerted; support decides.`,
        createdAt: now,
      },
    ]);
  });
  return getCustomerTicket(actor, number);
}
