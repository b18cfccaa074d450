// The what-if's reads: one keyset batch of tickets and their replayed events, in two statements.
import { Prisma } from "@/lib/db/generated/client";

/** Tickets per batch: one keyset read of tickets and one of their events. */
export const REPLAY_BATCH = 5_000;

/** The events a replay reads (on the alias `e`): moves, status changes, reclassifications, vendor responses, and the staff's public replies. */
export const REPLAYED_EVENTS = Prisma.sql`(e."type" IN ('CREATED', 'STATUS_CHANGED', 'ESCALATED', 'RETURNED', 'ASSIGNED', 'AUTO_ESCALATED', 'RECLASSIFIED', 'VENDOR_RESPONDED')
  OR (e."type" = 'COMMENTED' AND e."rule" = 'comment.customer-update'))`;

/** A ticket's columns the replay reads, on `t` (and its category's L2 group on `l2`). */
export const REPLAY_TICKET_COLUMNS = Prisma.sql`t."id", t."number", t."createdAt", t."impact", t."urgency", t."organizationId", l2."slug" AS "categoryL2Group"`;
export const REPLAY_TICKET_JOINS = Prisma.sql`JOIN "Category" c ON c."id" = t."categoryId" LEFT JOIN "SupportGroup" l2 ON l2."id" = c."l2GroupId"`;

/** An event's columns the replay reads, on `e`: only what its type needs from the inputs. */
export const REPLAY_EVENT_COLUMNS = Prisma.sql`e."type", e."createdAt", e."fromTier", e."toTier", e."toGroup",
  CASE WHEN e."type" = 'STATUS_CHANGED' THEN e."inputs"->>'to' END AS "toStatus",
  CASE WHEN e."type" = 'RECLASSIFIED' THEN e."inputs"->'from'->>'impact' END AS "fromImpact",
  CASE WHEN e."type" = 'RECLASSIFIED' THEN e."inputs"->'from'->>'urgency' END AS "fromUrgency",
  CASE WHEN e."type" = 'RECLASSIFIED' THEN e."inputs"->'to'->>'impact' END AS "toImpact",
  CASE WHEN e."type" = 'RECLASSIFIED' THEN e."inputs"->'to'->>'urgency' END AS "toUrgency",
  CASE WHEN e."type" = 'AUTO_ESCALATED' THEN e."inputs"->>'budgetEndedAt' END AS "budgetEndedAt",
  CASE WHEN e."type" = 'VENDOR_RESPONDED' THEN e."inputs"->>'respondedAt' END AS "respondedAt"`;

/** One batch's tickets: created in [from, to) after `cursor`, oldest first. */
export function replayTicketsSql(from: Date, to: Date, cursor: ReplayCursor | null, limit = REPLAY_BATCH): Prisma.Sql {
  const after = cursor ? Prisma.sql`AND (t."createdAt", t."id") > (${cursor.createdAt}::timestamp(3), ${cursor.id}::int)` : Prisma.empty;
  return Prisma.sql`
    SELECT ${REPLAY_TICKET_COLUMNS}
    FROM "Ticket" t ${REPLAY_TICKET_JOINS}
    WHERE t."createdAt" >= ${from}::timestamp(3) AND t."createdAt" < ${to}::timestamp(3) ${after}
    ORDER BY t."createdAt", t."id"
    LIMIT ${limit}::int`;
}

/** The replayed events of the batch's tickets, in each ticket's order. */
export function replayEventsSql(ticketIds: number[]): Prisma.Sql {
  return Prisma.sql`
    SELECT e."ticketId", ${REPLAY_EVENT_COLUMNS}
    FROM "TicketEvent" e
    WHERE e."ticketId" = ANY(${ticketIds}::int[]) AND ${REPLAYED_EVENTS}
    ORDER BY e."ticketId", e."id"`;
}

export interface ReplayCursor {
  createdAt: Date;
  id: number;
}
