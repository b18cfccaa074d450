// Mail to the customer is written to the outbox inside the transaction of the change that causes it:
// the change and its mail commit together or not at all. lib/mail/deliver-outbox.ts sends it later.
// lib/mail/mail-timing.ts decides whether a change mails at all, now or held: a held status mail is one
// row per ticket (its coalesceKey) that later status changes update to the latest state.
import type { Transaction } from "@/lib/db/client";
import type { TicketStatus } from "@/lib/db/generated/enums";
import { mailTiming, type MailTiming } from "./mail-timing";
import { heldKey, mailRow, replyTemplate, statusDedupeKey, statusTemplate, type MailRow, type MailTicket, type StatusChange } from "./mail-texts";
import { insertMailRowsSql, upsertHeldMailRowsSql } from "./mail-texts.sql";

/**
 * Queues one mail, `immediate` (due at `now`; it says the ticket's current status, so the ticket's held
 * status mail, now stale, is dropped) or `held` (see `upsertHeldMailRowsSql`). A second call with the same
 * dedupeKey does nothing. A customer without an email address gets none.
 */
async function enqueueCustomerMail(tx: Transaction, row: MailRow, timing: MailTiming, now: Date): Promise<void> {
  if (timing === "none") return;
  if (timing === "refresh") {
    await tx.$executeRaw`
      UPDATE "OutboxMessage" SET "subject" = ${row.subject}, "body" = ${row.body}, "statusAfter" = ${row.statusAfter}::"TicketStatus"
      WHERE "coalesceKey" = ${heldKey(row.ticketId)}`;
    return;
  }
  if (timing === "held") {
    await tx.$executeRaw(upsertHeldMailRowsSql([row], now));
    return;
  }
  await tx.$executeRaw`DELETE FROM "OutboxMessage" WHERE "coalesceKey" = ${heldKey(row.ticketId)}`;
  await tx.$executeRaw(insertMailRowsSql([row], now));
}

/** A staff public reply: sent at once, with the ticket's status (which a held status mail would have told). */
export function enqueueReplyMail(
  tx: Transaction,
  ticket: MailTicket & { status: TicketStatus },
  comment: { id: number; body: string; authorName: string },
  now: Date,
): Promise<void> {
  return enqueueCustomerMail(tx, mailRow(ticket, `comment:${comment.id}`, replyTemplate(comment, ticket.status)), mailTiming({ event: "public-reply" }), now);
}

/** A status change: no mail, a held one or one at once, as `mailTiming` decides. */
export function enqueueStatusMail(tx: Transaction, ticket: MailTicket, change: StatusChange, now: Date): Promise<void> {
  return enqueueCustomerMail(tx, statusMailRow(ticket, change), mailTiming({ event: "status-change", from: change.from, to: change.to }), now);
}

/** The customer answered a ticket waiting on them: no mail, but a held one takes the new status. */
export function refreshHeldStatusMail(tx: Transaction, ticket: MailTicket, change: StatusChange, now: Date): Promise<void> {
  return enqueueCustomerMail(tx, statusMailRow(ticket, change), mailTiming({ event: "customer-answered", from: change.from, to: change.to }), now);
}

function statusMailRow(ticket: MailTicket, change: StatusChange): MailRow {
  return { ...mailRow(ticket, statusDedupeKey(ticket.id, change.version), statusTemplate(change)), statusBefore: change.from, statusAfter: change.to };
}

/**
 * Does a tier move's status change mail the customer (held, see `upsertHeldStatusMailsSql`)? Not when the
 * customer sees no change. A tier move never resolves a ticket, so it never mails at once.
 */
export function tierMoveMails(change: Omit<StatusChange, "version">): boolean {
  const timing = mailTiming({ event: "status-change", from: change.from, to: change.to });
  if (timing === "immediate") throw new Error(`A ${change.from} → ${change.to} change is mailed at once, not held.`);
  return timing === "held";
}

/**
 * `enqueueStatusMail` for many tickets in a fixed number of statements (a major incident resolving its
 * children): each change timed by `mailTiming` as alone; immediate ones drop their tickets' held mails.
 */
export async function enqueueStatusMails(tx: Transaction, changes: { ticket: MailTicket; change: StatusChange }[], now: Date): Promise<void> {
  const timed = changes.map(({ ticket, change }) => ({ row: statusMailRow(ticket, change), timing: mailTiming({ event: "status-change", from: change.from, to: change.to }) }));
  const immediate = timed.filter((t) => t.timing === "immediate").map((t) => t.row);
  const held = timed.filter((t) => t.timing === "held").map((t) => t.row);
  if (immediate.length) {
    await tx.$executeRaw`DELETE FROM "OutboxMessage" WHERE "coalesceKey" = ANY(${immediate.map((r) => heldKey(r.ticketId))}::text[])`;
    await tx.$executeRaw(insertMailRowsSql(immediate, now));
  }
  if (held.length) await tx.$executeRaw(upsertHeldMailRowsSql(held, now));
}
