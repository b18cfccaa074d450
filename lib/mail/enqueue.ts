// Mail to the customer is written to the outbox inside the transaction of the change that causes it:
// the change and its mail commit together or not at all. lib/mail/deliver-outbox.ts sends it later.
// lib/mail/mail-timing.ts decides whether a change mails at all, now or held: a held status mail is one
// row per ticket (its coalesceKey) that later status changes update to the latest state.
import type { Transaction } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import type { TicketStatus } from "@/lib/db/generated/enums";
import { CUSTOMER_STATUS } from "@/lib/tickets/core/customer-labels";
import { formatMoment } from "@/lib/tickets/core/update-promise";
import { COALESCE_MAX_MINUTES, COALESCE_MINUTES, mailTiming, type MailTiming } from "./mail-timing";

export interface MailTicket {
  id: number;
  number: string;
  title: string;
  customerId: string;
}

export interface StatusChange {
  from: TicketStatus;
  to: TicketStatus;
  /** The ticket version the change wrote: each change mails once. */
  version: number;
  note?: string;
}

/** The site's address mail links start with. */
export const portalBase = () => (process.env.NEXTAUTH_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/$/, "");

/**
 * A mail's subject and body with the ticket's number as `%1$s` and its title as `%2$s`: PostgreSQL's
 * format() fills it inside a statement that only then knows the ticket, `fill` does it here; one text either way.
 */
interface MailTemplate {
  subject: string;
  body: string;
}

const literal = (text: string) => text.replaceAll("%", "%%");

/** Every customer mail ends with the link to the ticket in the portal. */
const withPortalLink = (body: string) => `${body}\n\nView the ticket: ${literal(portalBase())}/portal/tickets/%1$s\n`;

/** A resolution asks for a rating (one click to the ticket's rating) and says how to tell us it is not fixed. */
const resolvedFooter = () =>
  `\n\nHow did we do? Rate the resolution: ${literal(portalBase())}/portal/tickets/%1$s#rating` +
  `\nNot fixed? Say so on the ticket page and we reopen it. With no answer from you it closes after a few business days.`;

/** The ticket's status now, not how it got there: a held mail may carry several changes. */
function statusTemplate(change: Omit<StatusChange, "version">): MailTemplate {
  const to = literal(CUSTOMER_STATUS[change.to]);
  return {
    subject: `[%1$s] ${to}: %2$s`,
    body: withPortalLink(`Your ticket %1$s is now "${to}".${change.note ? `\n\n${literal(change.note)}` : ""}${change.to === "RESOLVED" ? resolvedFooter() : ""}`),
  };
}

function fill(template: string, ticket: { number: string; title: string }): string {
  return template.replace(/%(%|1\$s|2\$s)/g, (_, key: string) => (key === "%" ? "%" : key === "1$s" ? ticket.number : ticket.title));
}

const statusDedupeKey = (ticketId: number, version: number) => `status:${ticketId}:v${version}`;
/** The key of a ticket's one held status mail (OutboxMessage.coalesceKey). */
const heldKey = (ticketId: number) => `status:${ticketId}`;

/** One mail to a ticket's customer, filled in: what `insertMailRowsSql` queues. */
export interface MailRow {
  ticketId: number;
  customerId: string;
  subject: string;
  body: string;
  dedupeKey: string;
  /** A held status mail's change (what `upsertHeldMailRowsSql` keeps); absent on a mail sent at once. */
  statusBefore?: TicketStatus;
  statusAfter?: TicketStatus;
}

/** The mail `template` makes for `ticket`. */
function mailRow(ticket: MailTicket, dedupeKey: string, template: MailTemplate): MailRow {
  return { ticketId: ticket.id, customerId: ticket.customerId, subject: fill(template.subject, ticket), body: fill(template.body, ticket), dedupeKey };
}

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

function replyTemplate(comment: { body: string; authorName: string }, status: TicketStatus): MailTemplate {
  return {
    subject: "[%1$s] New reply: %2$s",
    body: withPortalLink(`${literal(comment.authorName)} replied to your ticket %1$s:\n\n${literal(comment.body)}\n\nStatus: ${literal(CUSTOMER_STATUS[status])}`),
  };
}

/**
 * The mail of a staff reply copied onto many tickets in one statement (a major incident's update on its
 * children), the same text `enqueueReplyMail` sends: `source` yields "id", "number", "title", "customerId",
 * "status" and the copied comment's "commentId" (its dedupeKey, so each copy mails once). A CTE of the
 * statement that copies the reply; the caller drops the tickets' held status mails, as an immediate mail does.
 */
export function insertReplyMailsSql(source: Prisma.Sql, comment: { body: string; authorName: string }, statuses: TicketStatus[], now: Date): Prisma.Sql {
  const subject = replyTemplate(comment, "NEW").subject;
  const bodies = Prisma.join(statuses.map((status) => Prisma.sql`WHEN ${status} THEN ${replyTemplate(comment, status).body}`), " ");
  return Prisma.sql`
    INSERT INTO "OutboxMessage" ("ticketId", "toAddress", "subject", "body", "dedupeKey", "nextAttemptAt", "createdAt")
    SELECT s."id", u."email", format(${subject}::text, s."number", s."title"), format(CASE s."status"::text ${bodies} END, s."number", s."title"),
      'comment:' || s."commentId", ${now}::timestamp(3), ${now}::timestamp(3)
    FROM ${source} s
    JOIN "User" u ON u."id" = s."customerId"
    WHERE u."email" IS NOT NULL
    ON CONFLICT ("dedupeKey") DO NOTHING
    RETURNING 1`;
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
 * Holds `rows`, one status mail per ticket, in one statement (a CTE of a larger one): a ticket with no held
 * mail gets one, due COALESCE_MINUTES after `now`; a ticket that has one gets it updated to the latest
 * status, due COALESCE_MINUTES after `now` but no later than COALESCE_MAX_MINUTES after it was first held.
 * The unique coalesceKey makes concurrent writers (and app instances) meet on the same row.
 */
export function upsertHeldMailRowsSql(rows: MailRow[], now: Date): Prisma.Sql {
  const due = new Date(now.getTime() + COALESCE_MINUTES * 60_000);
  return Prisma.sql`
    INSERT INTO "OutboxMessage" ("ticketId", "toAddress", "subject", "body", "dedupeKey", "coalesceKey", "statusBefore", "statusAfter", "nextAttemptAt", "createdAt")
    SELECT m."ticketId", u."email", m."subject", m."body", m."dedupeKey", 'status:' || m."ticketId", m."statusBefore"::"TicketStatus", m."statusAfter"::"TicketStatus",
      ${due}::timestamp(3), ${now}::timestamp(3)
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
      AS m("ticketId" int, "customerId" text, "subject" text, "body" text, "dedupeKey" text, "statusBefore" text, "statusAfter" text)
    JOIN "User" u ON u."id" = m."customerId"
    WHERE u."email" IS NOT NULL
    ${onHeldConflictSql}`;
}

/** A held mail already open for the ticket takes the latest state instead of a second row. */
const onHeldConflictSql = Prisma.sql`
    ON CONFLICT ("coalesceKey") DO UPDATE SET
      "subject" = EXCLUDED."subject", "body" = EXCLUDED."body", "statusAfter" = EXCLUDED."statusAfter",
      "nextAttemptAt" = LEAST(EXCLUDED."nextAttemptAt", "OutboxMessage"."createdAt" + make_interval(mins => ${COALESCE_MAX_MINUTES}))`;

/**
 * Queues `rows` to go at once, in one statement (a CTE of a larger one), made and due at `now`: customers
 * without an email address get none; a dedupeKey already queued is skipped.
 */
export function insertMailRowsSql(rows: MailRow[], now: Date): Prisma.Sql {
  return Prisma.sql`
    INSERT INTO "OutboxMessage" ("ticketId", "toAddress", "subject", "body", "dedupeKey", "nextAttemptAt", "createdAt")
    SELECT m."ticketId", u."email", m."subject", m."body", m."dedupeKey", ${now}::timestamp(3), ${now}::timestamp(3)
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS m("ticketId" int, "customerId" text, "subject" text, "body" text, "dedupeKey" text)
    JOIN "User" u ON u."id" = m."customerId"
    WHERE u."email" IS NOT NULL
    ON CONFLICT ("dedupeKey") DO NOTHING`;
}

/**
 * Holds the mail of one status change for each ticket of `source` (SQL yielding "id", "number", "title",
 * "customerId" and the new "version") as `upsertHeldMailRowsSql` does, inside the statement that made the
 * change: for a write that learns which ticket it changed only as it runs (a claim).
 */
export function insertStatusMailSql(source: Prisma.Sql, change: Omit<StatusChange, "version">, now: Date): Prisma.Sql {
  if (mailTiming({ event: "status-change", ...change }) !== "held") throw new Error(`A ${change.from} → ${change.to} change is not held.`);
  const template = statusTemplate(change);
  const due = new Date(now.getTime() + COALESCE_MINUTES * 60_000);
  return Prisma.sql`
    INSERT INTO "OutboxMessage" ("ticketId", "toAddress", "subject", "body", "dedupeKey", "coalesceKey", "statusBefore", "statusAfter", "nextAttemptAt", "createdAt")
    SELECT s."id", u."email", format(${template.subject}::text, s."number", s."title"), format(${template.body}::text, s."number", s."title"),
      'status:' || s."id" || ':v' || s."version", 'status:' || s."id", ${change.from}::"TicketStatus", ${change.to}::"TicketStatus",
      ${due}::timestamp(3), ${now}::timestamp(3)
    FROM ${source} s
    JOIN "User" u ON u."id" = s."customerId"
    WHERE u."email" IS NOT NULL
    ${onHeldConflictSql}`;
}

/**
 * `insertStatusMailSql` for changes that differ from ticket to ticket, written by one statement (the sweep's
 * escalations): `source` yields "id", "number", "title", "customerId", the new "version", and the change's
 * "statusBefore" and "statusAfter", each one of `statuses`. The mail is the one `enqueueStatusMail` holds.
 */
export function upsertHeldStatusMailsSql(source: Prisma.Sql, statuses: TicketStatus[], now: Date): Prisma.Sql {
  const templates = statuses.map((status) => ({ status, ...statusTemplate({ from: status, to: status }) }));
  const byStatus = (part: "subject" | "body") => Prisma.join(templates.map((t) => Prisma.sql`WHEN ${t.status}::text THEN ${t[part]}::text`), " ");
  const due = new Date(now.getTime() + COALESCE_MINUTES * 60_000);
  return Prisma.sql`
    INSERT INTO "OutboxMessage" ("ticketId", "toAddress", "subject", "body", "dedupeKey", "coalesceKey", "statusBefore", "statusAfter", "nextAttemptAt", "createdAt")
    SELECT s."id", u."email", format(CASE s."statusAfter"::text ${byStatus("subject")} END, s."number", s."title"),
      format(CASE s."statusAfter"::text ${byStatus("body")} END, s."number", s."title"),
      'status:' || s."id" || ':v' || s."version", 'status:' || s."id", s."statusBefore", s."statusAfter",
      ${due}::timestamp(3), ${now}::timestamp(3)
    FROM ${source} s
    JOIN "User" u ON u."id" = s."customerId"
    WHERE u."email" IS NOT NULL
    ${onHeldConflictSql}`;
}

/**
 * Mails the status change of each ticket of `source` (SQL yielding "id", "number", "title", "customerId" and
 * the new "version") at once, inside the statement that made it: for set-based changes the customer must hear
 * about without delay (the sweep closing resolved tickets). The caller drops the tickets' held mails.
 */
export function insertImmediateStatusMailSql(source: Prisma.Sql, change: Omit<StatusChange, "version">, now: Date): Prisma.Sql {
  if (mailTiming({ event: "status-change", ...change }) !== "immediate") throw new Error(`A ${change.from} → ${change.to} change is not mailed at once.`);
  const template = statusTemplate(change);
  return Prisma.sql`
    INSERT INTO "OutboxMessage" ("ticketId", "toAddress", "subject", "body", "dedupeKey", "nextAttemptAt", "createdAt")
    SELECT s."id", u."email", format(${template.subject}::text, s."number", s."title"), format(${template.body}::text, s."number", s."title"),
      'status:' || s."id" || ':v' || s."version", ${now}::timestamp(3), ${now}::timestamp(3)
    FROM ${source} s
    JOIN "User" u ON u."id" = s."customerId"
    WHERE u."email" IS NOT NULL
    ON CONFLICT ("dedupeKey") DO NOTHING`;
}

/**
 * The acknowledgement of a new ticket, sent at once, inside the statement that creates it (`source` yields
 * "id", "number", "title", "customerId" and "status"): its status in plain words (one text for each status it
 * may have there, as the statement decides it) and when the first update is due.
 */
export function insertReceivedMailSql(source: Prisma.Sql, ticket: { statuses: TicketStatus[]; nextUpdateDueAt: Date | null }, now: Date): Prisma.Sql {
  const promise = ticket.nextUpdateDueAt ? `We will send you an update by ${formatMoment(ticket.nextUpdateDueAt.toISOString())} at the latest.` : "";
  const body = (status: TicketStatus) =>
    withPortalLink(`We have received your ticket %1$s ("%2$s"). Its status: ${literal(CUSTOMER_STATUS[status])}.${promise ? ` ${literal(promise)}` : ""}`);
  const bodies = Prisma.join(ticket.statuses.map((status) => Prisma.sql`WHEN ${status} THEN ${body(status)}`), " ");
  return Prisma.sql`
    INSERT INTO "OutboxMessage" ("ticketId", "toAddress", "subject", "body", "dedupeKey", "nextAttemptAt", "createdAt")
    SELECT s."id", u."email", format(${"[%1$s] Received: %2$s"}::text, s."number", s."title"), format(CASE s."status"::text ${bodies} END, s."number", s."title"),
      'received:' || s."id", ${now}::timestamp(3), ${now}::timestamp(3)
    FROM ${source} s
    JOIN "User" u ON u."id" = s."customerId"
    WHERE u."email" IS NOT NULL
    ON CONFLICT ("dedupeKey") DO NOTHING`;
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
