import { Prisma } from "@/lib/db/generated/client";
import type { TicketStatus } from "@/lib/db/generated/enums";
import { insertReplyMailsSql } from "@/lib/mail/mail-texts.sql";
import type { ParentUpdate } from "./fan-out";

/** The statuses an open child can have (what its reply mail may say). */
const OPEN_STATUSES: TicketStatus[] = ["NEW", "ASSIGNED", "IN_PROGRESS", "PENDING_CUSTOMER", "PENDING_VENDOR"];

/**
 * Copies a major incident's public update onto every open child, mails each child's customer and logs a
 * COMMENTED event on each child: ONE statement whatever the number of children. The unique
 * (ticketId, sourceCommentId) makes it exactly once per child: a retry, or a second writer, copies nothing
 * twice, and only the copies made here are mailed and logged. Children's clocks are left alone: they follow
 * their own priority until the parent resolves them.
 */
export function fanOutUpdateSql(update: ParentUpdate, now: Date): Prisma.Sql {
  const reason = `${update.authorName} posted an update on major incident ${update.parentNumber}; it was copied here as a public reply to this customer.`;
  const children = Prisma.sql`(
    SELECT ch."id", ch."number", ch."title", ch."customerId", ch."status", cp."id" AS "commentId"
    FROM copied cp JOIN "Ticket" ch ON ch."id" = cp."ticketId")`;
  return Prisma.sql`
    WITH copied AS (
      INSERT INTO "Comment" ("ticketId", "authorId", "visibility", "body", "createdAt", "sourceCommentId")
      SELECT t."id", ${update.authorId}, 'PUBLIC', ${update.body}, ${now}::timestamp(3), ${update.commentId}
      FROM "Ticket" t
      WHERE t."majorIncidentId" = ${update.parentId} AND t."status" NOT IN ('RESOLVED', 'CLOSED')
      ON CONFLICT ("ticketId", "sourceCommentId") DO NOTHING
      RETURNING "id", "ticketId"
    ),
    dropped AS (
      DELETE FROM "OutboxMessage" o USING copied WHERE o."coalesceKey" = 'status:' || copied."ticketId"
      RETURNING 1
    ),
    mailed AS (${insertReplyMailsSql(children, { body: update.body, authorName: update.authorName }, OPEN_STATUSES, now)}),
    logged AS (
      INSERT INTO "TicketEvent" ("ticketId", "type", "actorId", "fromTier", "toTier", "rule", "inputs", "reason", "createdAt")
      SELECT ch."id", 'COMMENTED', ${update.authorId}, ch."tier", ch."tier", 'comment.major-incident-update',
        jsonb_build_object('commentId', cp."id", 'visibility', 'PUBLIC', 'sourceCommentId', ${update.commentId}::int, 'majorIncident', ${update.parentNumber}::text),
        ${reason}, ${now}::timestamp(3)
      FROM copied cp JOIN "Ticket" ch ON ch."id" = cp."ticketId"
      RETURNING 1
    )
    SELECT (SELECT count(*) FROM copied)::int AS "copied", (SELECT count(*) FROM mailed)::int AS "mailed",
      (SELECT count(*) FROM logged)::int AS "logged", (SELECT count(*) FROM dropped)::int AS "dropped"`;
}
