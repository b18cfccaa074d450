import type { Actor } from "@/lib/actor";
import { db, type Transaction } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { fanOutUpdate } from "@/lib/incidents/fan-out";
import { enqueueReplyMail, refreshHeldStatusMail } from "@/lib/mail/enqueue";
import { countMacroUse } from "@/lib/macros/count-macro-use";
import { clockColumnsOf, clockStateOf } from "@/lib/routing/clock-columns";
import { advanceClocks } from "@/lib/routing/clocks";
import { loadRules } from "@/lib/routing/clock-rules";
import { loadTicket, recordEvents, saveTicket } from "@/lib/tickets/core/ticket-store";
import type { MentionReport } from "@/lib/notifications/mentions";
import { notifyMentions } from "@/lib/notifications/notify-mentions";
import { ticketScope } from "@/lib/permissions";
import { parseInput } from "@/lib/validation/parse";
import type { VerbInput } from "@/lib/validation/unchecked";
import { ZAddComment } from "@/lib/validation/routing";
import { commentRefusal } from "@/lib/routing/comment-access";
import { hasHandedOff } from "@/lib/tickets/core/handed-off";

export interface CommentJson {
  id: number;
  body: string;
  visibility: "PUBLIC" | "INTERNAL";
  author: { userId: string; name: string };
  createdAt: string;
  /** An internal note that mentions people: who was told, and who was not and why (only the writer sees this). */
  mentions?: MentionReport;
}

/**
 * A public reply or an internal note. A staff public reply is the first response and a customer update
 * (the update cadence restarts) and is mailed to the customer through the outbox. A customer's reply to a ticket waiting on them starts its clocks again.
 */
export async function addComment(actor: Actor, number: string, input: VerbInput<typeof ZAddComment>, now = new Date()): Promise<CommentJson> {
  return db().$transaction((tx) => addCommentIn(tx, actor, number, input, now));
}

/** `addComment` inside the caller's transaction (a reply with files records them in the same one). */
export async function addCommentIn(tx: Transaction, actor: Actor, number: string, input: VerbInput<typeof ZAddComment>, now: Date): Promise<CommentJson> {
  const data = parseInput(ZAddComment, input);
  // Writers on one ticket take turns (two agents posting a major incident's updates at once both succeed, in order).
  const scope = ticketScope(actor).customerId ?? null;
  await tx.$queryRaw`SELECT 1 FROM "Ticket" WHERE "number" = ${number} AND (${scope}::text IS NULL OR "customerId" = ${scope}) FOR UPDATE`;
  const ticket = await loadTicket(tx, actor, number);
  const isCustomer = actor.role === "CUSTOMER";
  const handedOff = data.visibility === "INTERNAL" && (await hasHandedOff(tx, actor, ticket.id));
  const refusal = commentRefusal(actor, ticket, data.visibility, { handedOff });
  if (refusal) throw new AppError(refusal.code, refusal.message);
  if (data.macroId !== undefined) await countMacroUse(tx, actor, data.macroId, ticket.categoryId);

  const staffReply = !isCustomer && data.visibility === "PUBLIC";
  const customerAnswered = isCustomer && ticket.status === "PENDING_CUSTOMER";
  if (staffReply || customerAnswered) {
    const rules = await loadRules(tx, ticket);
    const clocks = advanceClocks(
      clockStateOf(ticket),
      customerAnswered ? { status: ticket.assigneeId ? "IN_PROGRESS" : "NEW" } : { customerUpdated: true },
      { now, calendars: rules.calendars, before: rules.target, after: rules.target },
    );
    await saveTicket(tx, ticket, { ...clockColumnsOf(clocks), ...(staffReply ? { updateDueFlaggedAt: null } : {}) }, now);
  }

  const comment = await tx.comment.create({
    data: { ticketId: ticket.id, authorId: actor.id, visibility: data.visibility, body: data.body, createdAt: now, macroId: data.macroId ?? null },
  });
  if (staffReply) await enqueueReplyMail(tx, ticket, { id: comment.id, body: comment.body, authorName: actor.name }, now);
  // A major incident's public update reaches every open child and its customer, in the same transaction.
  const fannedOut =
    staffReply && ticket.isMajorIncident
      ? await fanOutUpdate(tx, { parentId: ticket.id, parentNumber: ticket.number, commentId: comment.id, body: comment.body, authorId: actor.id, authorName: actor.name }, now)
      : null;
  if (customerAnswered) await refreshHeldStatusMail(tx, ticket, { from: ticket.status, to: ticket.assigneeId ? "IN_PROGRESS" : "NEW", version: ticket.version + 1 }, now);
  const kind = data.visibility === "PUBLIC" ? "Public reply" : "Internal note";
  const commented = await tx.ticketEvent.create({
    select: { id: true },
    data: {
      ticketId: ticket.id,
      type: "COMMENTED",
      actorId: actor.id,
      fromTier: ticket.tier,
      toTier: ticket.tier,
      rule: staffReply ? "comment.customer-update" : customerAnswered ? "comment.customer-answered" : "comment",
      inputs: { commentId: comment.id, visibility: data.visibility, ...(data.macroId ? { macroId: data.macroId } : {}), ...(fannedOut ? { copiedToChildren: fannedOut.copied } : {}) },
      reason: customerAnswered
        ? `${actor.name} answered: the ticket is no longer waiting on the customer and its clocks run again.`
        : `${kind} by ${actor.name}${staffReply && !ticket.firstRespondedAt ? " (first response)" : ""}.` +
          (fannedOut ? ` Copied to ${fannedOut.copied} open child ticket${fannedOut.copied === 1 ? "" : "s"} and mailed to their customers.` : ""),
      createdAt: now,
    },
  });
  // Only staff write internal notes (commentRefusal): their mentions tell the people named.
  const mentions = data.visibility === "INTERNAL" ? await notifyMentions(tx, actor, { ticketId: ticket.id, commentId: comment.id, eventId: commented.id, body: comment.body }, now) : null;
  if (customerAnswered) {
    await recordEvents(tx, ticket.id, [
      {
        type: "STATUS_CHANGED",
        actorId: actor.id,
        fromTier: ticket.tier,
        toTier: ticket.tier,
        rule: "status.customer-answered",
        inputs: { from: "PENDING_CUSTOMER", to: ticket.assigneeId ? "IN_PROGRESS" : "NEW" },
        reason: "The customer answered: back to work.",
        createdAt: now,
      },
    ]);
  }
  return {
    id: comment.id,
    body: comment.body,
    visibility: comment.visibility,
    author: { userId: actor.userId, name: actor.name },
    createdAt: comment.createdAt.toISOString(),
    ...(mentions ? { mentions } : {}),
  };
}
