// Issue 24: a person decides a held mail. Accept posts it as the ticket's customer's public reply on the
// ticket they name (reopening a resolved one, as a reply by mail would), with its files; discard keeps it, decided. Each is
// decided once (a second decision is a 409), and leaves an event on the ticket involved.
import type { Actor } from "@/lib/actor";
import { withStoredUploads } from "@/lib/attachments/save-attachments";
import { db, type Transaction } from "@/lib/db/client";
import type { InboundMailStatus } from "@/lib/db/generated/enums";
import { AppError, forbidden, notFound } from "@/lib/errors";
import { can } from "@/lib/permissions";
import { parseInput } from "@/lib/validation/parse";
import type { VerbInput } from "@/lib/validation/unchecked";
import { ZAcceptInboundMail, ZInboundMailId } from "@/lib/validation/inbound-mail";
import { INBOUND_MAIL_SELECT, toInboundMailJson, type InboundMailJson } from "./inbound-mail-json";
import { filesKept, filesOfStoredMail, keepMailFiles } from "./keep-mail-files";
import { postCustomerReply } from "./post-reply";

const notHeld = (status: InboundMailStatus) => new AppError("CONFLICT", `This mail is not held (it is ${status.toLowerCase()}): it has been decided already.`);

/** Marks a held mail decided, or refuses: 404 when there is none, 409 when it is not held (decided before, or never held). */
async function takeHeld(tx: Transaction, actor: Actor, id: number, status: InboundMailStatus, now: Date) {
  const { count } = await tx.inboundMail.updateMany({ where: { id, status: "HELD" }, data: { status, decidedAt: now, decidedById: actor.id } });
  const row = await tx.inboundMail.findUnique({ where: { id }, select: { fromAddress: true, strippedText: true, fullText: true, ticketId: true, status: true, reason: true } });
  if (!row) throw notFound("Received mail");
  if (!count) throw notHeld(row.status);
  return row;
}

/**
 * Posts a held mail as the customer's reply on the ticket named, with the files it carried (read again from
 * the stored message and checked as on arrival; a refused one was named in the mail's reason then).
 */
export async function acceptInboundMail(actor: Actor, id: VerbInput<typeof ZInboundMailId>, input: VerbInput<typeof ZAcceptInboundMail>, now = new Date()): Promise<InboundMailJson> {
  if (!can(actor, "inbound:review")) throw forbidden("Only staff review received mail.");
  const mailId = parseInput(ZInboundMailId, id);
  const data = parseInput(ZAcceptInboundMail, input);
  // Read before the files are parsed and stored; takeHeld below decides for certain.
  const found = await db().inboundMail.findUnique({ where: { id: mailId }, select: { status: true, raw: true } });
  if (!found) throw notFound("Received mail");
  if (found.status !== "HELD") throw notHeld(found.status);
  const files = await filesOfStoredMail(found.raw);
  return withStoredUploads(files.accepted, now, async (stored) => {
    let recorded = false;
    const result = await db().$transaction(async (tx) => {
      recorded = false;
      const mail = await takeHeld(tx, actor, mailId, "ACCEPTED", now);
      const ticket = await tx.ticket.findUnique({ where: { number: data.ticket }, select: { id: true, number: true, tier: true } });
      if (!ticket) throw notFound("Ticket");
      const text = mail.strippedText || mail.fullText;
      if (!text) throw new AppError("CONFLICT", "This mail holds no text to post: discard it instead.");
      const posted = await postCustomerReply(tx, ticket.id, text, now);
      // The files refused on arrival are named in the reason already.
      const notes: string[] = [];
      if (stored.length) {
        const kept = await keepMailFiles(tx, ticket.id, posted.commentId, stored, now);
        recorded = kept.recorded;
        notes.push(kept.note ?? filesKept(stored.length));
      }
      await tx.inboundMail.update({
        where: { id: mailId },
        data: { ticketId: ticket.id, commentId: posted.commentId, reason: [`${mail.reason} Accepted by ${actor.name} as the customer's reply on ${ticket.number}.`, ...notes].join(" ").slice(0, 4_000) },
      });
      await tx.ticketEvent.create({
        data: {
          ticketId: ticket.id,
          type: "INBOUND_MAIL",
          actorId: actor.id,
          fromTier: ticket.tier,
          toTier: ticket.tier,
          rule: "inbound.accepted",
          inputs: { inboundMailId: mailId, decision: "ACCEPTED", commentId: posted.commentId, from: mail.fromAddress, reopened: posted.reopened, attachments: recorded ? stored.length : 0 },
          reason: `${actor.name} accepted a held mail${mail.fromAddress ? ` from ${mail.fromAddress}` : ""} as the customer's reply${posted.reopened ? "; the resolved ticket is reopened" : ""}.`,
          createdAt: now,
        },
      });
      return toInboundMailJson(await tx.inboundMail.findUniqueOrThrow({ where: { id: mailId }, select: INBOUND_MAIL_SELECT }));
    });
    return { result, recorded };
  });
}

export async function discardInboundMail(actor: Actor, id: VerbInput<typeof ZInboundMailId>, now = new Date()): Promise<InboundMailJson> {
  if (!can(actor, "inbound:review")) throw forbidden("Only staff review received mail.");
  const mailId = parseInput(ZInboundMailId, id);
  return db().$transaction(async (tx) => {
    const mail = await takeHeld(tx, actor, mailId, "DISCARDED", now);
    await tx.inboundMail.update({ where: { id: mailId }, data: { reason: `${mail.reason} Discarded by ${actor.name}.` } });
    if (mail.ticketId !== null) {
      const ticket = await tx.ticket.findUniqueOrThrow({ where: { id: mail.ticketId }, select: { tier: true } });
      await tx.ticketEvent.create({
        data: {
          ticketId: mail.ticketId,
          type: "INBOUND_MAIL",
          actorId: actor.id,
          fromTier: ticket.tier,
          toTier: ticket.tier,
          rule: "inbound.discarded",
          inputs: { inboundMailId: mailId, decision: "DISCARDED", from: mail.fromAddress },
          reason: `${actor.name} discarded a held mail${mail.fromAddress ? ` from ${mail.fromAddress}` : ""}; nothing was posted.`,
          createdAt: now,
        },
      });
    }
    return toInboundMailJson(await tx.inboundMail.findUniqueOrThrow({ where: { id: mailId }, select: INBOUND_MAIL_SELECT }));
  });
}
