import type { Actor } from "@/lib/actor";
import { db, type Transaction } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { enqueueStatusMail } from "@/lib/mail/enqueue";
import { clockColumnsOf, clockStateOf } from "@/lib/routing/clock-columns";
import { advanceClocks } from "@/lib/routing/clocks";
import { loadRules } from "@/lib/routing/clock-rules";
import { loadTicket, recordEvents, saveTicket } from "@/lib/tickets/core/ticket-store";
import { LINK_KIND_LABEL } from "@/lib/labels";
import { parseInput } from "@/lib/validation/parse";
import type { VerbInput } from "@/lib/validation/unchecked";
import { ZLinkTicket } from "@/lib/validation/incidents";
import { getIncidentPanel, type IncidentPanel } from "./incident-panel";
import { checkLink, duplicateNotice } from "./rules";
import { refusalError } from "@/lib/refusal";
import { lockTickets, type LockedTicket } from "./ticket-facts";

/**
 * Links ticket `number` to `input.target`: RELATED (shown on both; one link per pair, whichever side made
 * it: a second is a 409) or DUPLICATE_OF (this ticket closes through the status rules, its customer is told
 * where to follow, its conversation stays readable). A related pair may become a duplicate; not the reverse.
 */
export async function linkTickets(actor: Actor, number: string, input: VerbInput<typeof ZLinkTicket>, now = new Date()): Promise<IncidentPanel> {
  const data = parseInput(ZLinkTicket, input);
  await db().$transaction(async (tx) => {
    const locked = await lockTickets(tx, actor, [number, data.target]);
    const ticket = locked.get(number)!;
    const target = locked.get(data.target)!;
    const verdict = checkLink(actor, ticket, target, data.kind);
    if (!verdict.ok) throw refusalError(verdict, "target");

    const existing = await tx.ticketLink.findFirst({
      where: { OR: [{ ticketId: ticket.id, targetId: target.id }, { ticketId: target.id, targetId: ticket.id }] },
    });
    if (existing && !(existing.kind === "RELATED" && data.kind === "DUPLICATE_OF")) {
      throw new AppError("CONFLICT", `${ticket.number} and ${target.number} are already linked (${LINK_KIND_LABEL[existing.kind].toLowerCase()}).`);
    }
    if (existing) await tx.ticketLink.delete({ where: { id: existing.id } });
    await tx.ticketLink.create({ data: { ticketId: ticket.id, targetId: target.id, kind: data.kind, createdById: actor.id, createdAt: now } });
    await recordLinked(tx, actor, data.kind, ticket, target, now);
    if (data.kind === "DUPLICATE_OF") await closeAsDuplicate(tx, actor, ticket, target, now);
  });
  return getIncidentPanel(actor, number);
}

async function recordLinked(tx: Transaction, actor: Actor, kind: "RELATED" | "DUPLICATE_OF", ticket: LockedTicket, target: LockedTicket, now: Date) {
  const inputs = { kind, ticket: ticket.number, target: target.number };
  const duplicate = kind === "DUPLICATE_OF";
  await tx.ticketEvent.createMany({
    data: [
      {
        ticketId: ticket.id,
        type: "LINKED",
        actorId: actor.id,
        rule: duplicate ? "link.duplicate-of" : "link.related",
        inputs,
        reason: duplicate ? `${actor.name} marked this ticket a duplicate of ${target.number}.` : `${actor.name} linked this ticket to ${target.number} as related.`,
        createdAt: now,
      },
      {
        ticketId: target.id,
        type: "LINKED",
        actorId: actor.id,
        rule: duplicate ? "link.duplicate-of" : "link.related",
        inputs,
        reason: duplicate ? `${actor.name} marked ${ticket.number} a duplicate of this ticket.` : `${actor.name} linked ${ticket.number} to this ticket as related.`,
        createdAt: now,
      },
    ],
  });
}

/**
 * Closes the duplicate as a status change does (clocks stop, closedAt set, the closure mailed at once) and
 * leaves the customer a public reply saying where to follow; the closure mail carries the same sentence.
 */
async function closeAsDuplicate(tx: Transaction, actor: Actor, locked: LockedTicket, target: LockedTicket, now: Date) {
  const ticket = await loadTicket(tx, actor, locked.number);
  const rules = await loadRules(tx, ticket);
  const clocks = advanceClocks(clockStateOf(ticket), { status: "CLOSED" }, { now, calendars: rules.calendars, before: rules.target, after: rules.target });
  await saveTicket(tx, ticket, { ...clockColumnsOf(clocks), closedAt: now, ...(ticket.status === "RESOLVED" ? {} : { resolvedAt: null }) }, now);
  const notice = duplicateNotice(ticket, target);
  const comment = await tx.comment.create({ data: { ticketId: ticket.id, authorId: actor.id, visibility: "PUBLIC", body: notice, createdAt: now } });
  await recordEvents(tx, ticket.id, [
    {
      type: "STATUS_CHANGED",
      actorId: actor.id,
      fromTier: ticket.tier,
      toTier: ticket.tier,
      rule: "status.duplicate",
      inputs: { from: ticket.status, to: "CLOSED", duplicateOf: target.number, sameCustomer: ticket.customerId === target.customerId },
      reason: `${actor.name} closed this ticket as a duplicate of ${target.number}; its customer was told where to follow.`,
      createdAt: now,
    },
    {
      type: "COMMENTED",
      actorId: actor.id,
      fromTier: ticket.tier,
      toTier: ticket.tier,
      rule: "comment.duplicate-notice",
      inputs: { commentId: comment.id, visibility: "PUBLIC" },
      reason: `Public reply by ${actor.name}: where to follow this duplicate.`,
      createdAt: now,
    },
  ]);
  await enqueueStatusMail(tx, ticket, { from: ticket.status, to: "CLOSED", version: ticket.version + 1, note: notice }, now);
}
