// Customer mail queued inside one SQL statement: the texts of mail-texts.ts, filled by format() for tickets the
// statement only learns as it runs (a claim, the sweep, intake, a major incident's children).
import { Prisma } from "@/lib/db/generated/client";
import type { TicketStatus } from "@/lib/db/generated/enums";
import { CUSTOMER_STATUS } from "@/lib/tickets/core/customer-labels";
import { formatMoment } from "@/lib/tickets/core/update-promise";
import { COALESCE_MAX_MINUTES, COALESCE_MINUTES, mailTiming } from "./mail-timing";
import { literal, replyTemplate, statusTemplate, withPortalLink, type MailRow, type StatusChange } from "./mail-texts";

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
