// Mail to the customer is written to the outbox inside the transaction of the change that causes it:
// the change and its mail commit together or not at all. lib/mail/deliver-outbox.ts sends it later.
import type { Transaction } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import type { TicketStatus } from "@/lib/db/generated/enums";
import { CUSTOMER_STATUS } from "@/lib/tickets/customer-labels";
import { formatMoment } from "@/lib/tickets/update-promise";

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

const portalBase = () => (process.env.NEXTAUTH_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/$/, "");

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

function statusTemplate(change: Omit<StatusChange, "version">): MailTemplate {
  const from = literal(CUSTOMER_STATUS[change.from]);
  const to = literal(CUSTOMER_STATUS[change.to]);
  return {
    subject: `[%1$s] ${to}: %2$s`,
    body: withPortalLink(`Your ticket %1$s changed from "${from}" to "${to}".${change.note ? `\n\n${literal(change.note)}` : ""}`),
  };
}

function fill(template: string, ticket: { number: string; title: string }): string {
  return template.replace(/%(%|1\$s|2\$s)/g, (_, key: string) => (key === "%" ? "%" : key === "1$s" ? ticket.number : ticket.title));
}

const statusDedupeKey = (ticketId: number, version: number) => `status:${ticketId}:v${version}`;

/** One mail to a ticket's customer, filled in: what `insertMailRowsSql` queues. */
export interface MailRow {
  ticketId: number;
  customerId: string;
  subject: string;
  body: string;
  dedupeKey: string;
}

/** The mail `template` makes for `ticket`. */
function mailRow(ticket: MailTicket, dedupeKey: string, template: MailTemplate): MailRow {
  return { ticketId: ticket.id, customerId: ticket.customerId, subject: fill(template.subject, ticket), body: fill(template.body, ticket), dedupeKey };
}

/** Queues one mail in one statement, due at `now`; a second call with the same dedupeKey does nothing. A customer without an email address gets none. */
async function enqueueCustomerMail(tx: Transaction, row: MailRow, now: Date): Promise<void> {
  await tx.$executeRaw(insertMailRowsSql([row], now));
}

/** A staff public reply. */
export function enqueueReplyMail(tx: Transaction, ticket: MailTicket, comment: { id: number; body: string; authorName: string }, now: Date): Promise<void> {
  return enqueueCustomerMail(
    tx,
    mailRow(ticket, `comment:${comment.id}`, {
      subject: "[%1$s] New reply: %2$s",
      body: withPortalLink(`${literal(comment.authorName)} replied to your ticket %1$s:\n\n${literal(comment.body)}`),
    }),
    now,
  );
}

/** A status change. */
export function enqueueStatusMail(tx: Transaction, ticket: MailTicket, change: StatusChange, now: Date): Promise<void> {
  return enqueueCustomerMail(tx, statusMailRow(ticket, change), now);
}

/** The mail of a status change, decided before a set-based write: a row for `insertMailRowsSql`. */
export function statusMailRow(ticket: MailTicket, change: StatusChange): MailRow {
  return mailRow(ticket, statusDedupeKey(ticket.id, change.version), statusTemplate(change));
}

/**
 * Queues `rows` in one statement (a CTE of a larger one), made and due at `now`: customers without an email
 * address get none; a dedupeKey already queued is skipped.
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
 * Queues the mail of one status change for each ticket of `source` (SQL yielding "id", "number", "title",
 * "customerId" and the new "version"), inside the statement that made the change: for a write that
 * learns which ticket it changed only as it runs.
 */
export function insertStatusMailSql(source: Prisma.Sql, change: Omit<StatusChange, "version">, now: Date): Prisma.Sql {
  return insertTemplateMailSql(source, statusTemplate(change), Prisma.sql`'status:' || s."id" || ':v' || s."version"`, now);
}

/**
 * The acknowledgement of a new ticket, inside the statement that creates it (`source` yields "id", "number",
 * "title", "customerId" and "status"): its status in plain words (one text for each status it may have
 * there, as the statement decides it) and when the first update is due.
 */
export function insertReceivedMailSql(source: Prisma.Sql, ticket: { statuses: TicketStatus[]; nextUpdateDueAt: Date | null }, now: Date): Prisma.Sql {
  const promise = ticket.nextUpdateDueAt ? `We will send you an update by ${formatMoment(ticket.nextUpdateDueAt.toISOString())} at the latest.` : "";
  const body = (status: TicketStatus) =>
    withPortalLink(`We have received your ticket %1$s ("%2$s"). Its status: ${literal(CUSTOMER_STATUS[status])}.${promise ? ` ${literal(promise)}` : ""}`);
  const bodies = Prisma.join(ticket.statuses.map((status) => Prisma.sql`WHEN ${status} THEN ${body(status)}`), " ");
  return insertTemplateMailSql(
    source,
    { subject: Prisma.sql`${"[%1$s] Received: %2$s"}::text`, body: Prisma.sql`CASE s."status"::text ${bodies} END` },
    Prisma.sql`'received:' || s."id"`,
    now,
  );
}

/** `template` as SQL text expressions (a template chosen inside the statement) or as fixed text. */
function insertTemplateMailSql(
  source: Prisma.Sql,
  template: MailTemplate | { subject: Prisma.Sql; body: Prisma.Sql },
  dedupeKey: Prisma.Sql,
  now: Date,
): Prisma.Sql {
  const text = (t: string | Prisma.Sql) => (typeof t === "string" ? Prisma.sql`${t}::text` : t);
  return Prisma.sql`
    INSERT INTO "OutboxMessage" ("ticketId", "toAddress", "subject", "body", "dedupeKey", "nextAttemptAt", "createdAt")
    SELECT s."id", u."email", format(${text(template.subject)}, s."number", s."title"), format(${text(template.body)}, s."number", s."title"), ${dedupeKey},
      ${now}::timestamp(3), ${now}::timestamp(3)
    FROM ${source} s
    JOIN "User" u ON u."id" = s."customerId"
    WHERE u."email" IS NOT NULL
    ON CONFLICT ("dedupeKey") DO NOTHING`;
}
