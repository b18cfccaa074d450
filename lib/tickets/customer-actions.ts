// What a customer does to their own resolved ticket: confirm it (it closes) or say it is still broken
// (it reopens where it was resolved). Each is one transaction, against the version the customer last read,
// with an event that says why and a mail to the customer through the outbox.
import type { Actor } from "@/lib/actor";
import { db, type Transaction } from "@/lib/db/client";
import type { TicketStatus } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors";
import { enqueueStatusMail } from "@/lib/mail/enqueue";
import { clockColumnsOf, clockStateOf } from "@/lib/routing/clock-columns";
import { advanceClocks } from "@/lib/routing/clocks";
import { loadRules } from "@/lib/routing/clock-rules";
import { recordEvents, saveTicket, staleVersion, type RoutingTicket } from "@/lib/tickets/core/ticket-store";
import { restartVendorEngagement } from "@/lib/routing/vendor-engagement";
import { parseInput } from "@/lib/validation/parse";
import type { VerbInput } from "@/lib/validation/unchecked";
import { ZConfirmResolved, ZReopenTicket } from "@/lib/validation/portal";
import { loadOwnTicket } from "./customer-guard";
import { SUPPORT_LEVEL } from "@/lib/tickets/core/customer-labels";
import type { CustomerTicketJson } from "./customer-ticket-json";
import { getCustomerTicket } from "./customer-tickets";

function requireResolved(ticket: RoutingTicket, version: number): void {
  if (ticket.status !== "RESOLVED") throw new AppError("CONFLICT", "Only a resolved ticket can be confirmed or reopened.");
  if (version !== ticket.version) throw staleVersion(ticket.version);
}

/** "Resolved for me": RESOLVED → CLOSED. */
export async function confirmResolved(actor: Actor, number: string, input: VerbInput<typeof ZConfirmResolved>, now = new Date()): Promise<CustomerTicketJson> {
  const data = parseInput(ZConfirmResolved, input);
  await db().$transaction(async (tx) => {
    const ticket = await loadOwnTicket(tx, actor, number);
    requireResolved(ticket, data.version);
    const rules = await loadRules(tx, ticket);
    const clocks = advanceClocks(clockStateOf(ticket), { status: "CLOSED" }, { now, calendars: rules.calendars, before: rules.target, after: rules.target });
    await saveTicket(tx, ticket, { ...clockColumnsOf(clocks), closedAt: now }, now);
    await recordEvents(tx, ticket.id, [
      {
        type: "STATUS_CHANGED",
        actorId: actor.id,
        fromTier: ticket.tier,
        toTier: ticket.tier,
        rule: "status.customer-confirmed",
        inputs: { from: "RESOLVED", to: "CLOSED" },
        reason: `${actor.name} confirmed the resolution: the ticket is closed.`,
        createdAt: now,
      },
    ]);
    await enqueueStatusMail(tx, ticket, { from: "RESOLVED", to: "CLOSED", version: ticket.version + 1, note: "Thank you for confirming. You can still rate how we did." }, now);
  });
  return getCustomerTicket(actor, number);
}

/**
 * "Still broken": RESOLVED → back to work at the tier, group and agent that resolved it (the ticket keeps
 * them while resolved). With its agent it is in progress; without one it waits in the group's queue; at
 * L4 it is with the vendor again. The clocks resume from the time already used. The customer's words
 * become a public reply, so whoever picks it up reads why.
 */
export async function reopenTicket(actor: Actor, number: string, input: VerbInput<typeof ZReopenTicket>, now = new Date()): Promise<CustomerTicketJson> {
  const data = parseInput(ZReopenTicket, input);
  await db().$transaction((tx) => reopenTicketIn(tx, actor, number, data, now));
  return getCustomerTicket(actor, number);
}

/** `reopenTicket` inside the caller's transaction (a reply by mail to a resolved ticket reopens it with the mail's receipt). */
export async function reopenTicketIn(tx: Transaction, actor: Actor, number: string, input: VerbInput<typeof ZReopenTicket>, now: Date): Promise<{ commentId: number }> {
  const data = parseInput(ZReopenTicket, input);
  const ticket = await loadOwnTicket(tx, actor, number);
  requireResolved(ticket, data.version);
  const status: TicketStatus = ticket.tier === "L4" ? "PENDING_VENDOR" : ticket.assigneeId ? "IN_PROGRESS" : "NEW";
  const rules = await loadRules(tx, ticket);
  const clocks = advanceClocks(clockStateOf(ticket), { status }, { now, calendars: rules.calendars, before: rules.target, after: rules.target });
  await saveTicket(tx, ticket, { ...clockColumnsOf(clocks), resolvedAt: null }, now);
  if (ticket.tier === "L4") await restartVendorEngagement(tx, ticket, now);
  const comment = await tx.comment.create({
    data: { ticketId: ticket.id, authorId: actor.id, visibility: "PUBLIC", body: `Still broken: ${data.reason}`, createdAt: now },
  });
  await recordEvents(tx, ticket.id, [
    {
      type: "COMMENTED",
      actorId: actor.id,
      fromTier: ticket.tier,
      toTier: ticket.tier,
      rule: "comment.customer-reopened",
      inputs: { commentId: comment.id, visibility: "PUBLIC" },
      reason: `${actor.name} explained why the ticket is not resolved.`,
      createdAt: now,
    },
    {
      type: "STATUS_CHANGED",
      actorId: actor.id,
      fromTier: ticket.tier,
      toTier: ticket.tier,
      toGroup: ticket.group.slug,
      toAssignee: ticket.assignee?.userId ?? null,
      rule: "status.customer-reopened",
      inputs: { from: "RESOLVED", to: status, resolvedAtTier: ticket.tier, group: ticket.group.slug, assignee: ticket.assignee?.userId ?? null },
      reason:
        `${actor.name} reports it is still broken: reopened at ${ticket.tier} ${ticket.group.name}` +
        (ticket.assignee ? `, back with ${ticket.assignee.name}` : ", in the group's queue") +
        ", where it was resolved; the clocks run again from the time already used.",
      createdAt: now,
    },
  ]);
  await enqueueStatusMail(tx, ticket, {
    from: "RESOLVED",
    to: status,
    version: ticket.version + 1,
    note: `We reopened your ticket; ${SUPPORT_LEVEL[ticket.tier]} is on it again.`,
  }, now);
  return { commentId: comment.id };
}
