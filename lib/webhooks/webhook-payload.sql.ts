import { Prisma } from "@/lib/db/generated/client";
import { selectTicketJsonSql } from "@/lib/tickets/core/ticket-json.sql";

const iso = (column: Prisma.Sql) => Prisma.sql`to_char(${column}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * Stores the body of each delivery among `ids` that has none yet: the event and the staff view of its ticket
 * as they are now (the same JSON the staff API returns). Built once, on the first attempt; every attempt and
 * redelivery then sends this stored value, so the bytes (and a receiver's deduplication) never change.
 */
export function storePayloadsSql(ids: number[]): Prisma.Sql {
  const pending = Prisma.sql`(SELECT "id", "ticketId" FROM "WebhookDelivery" WHERE "id" IN (${Prisma.join(ids)}) AND "payload" IS NULL)`;
  return Prisma.sql`
    WITH tickets AS (${selectTicketJsonSql(Prisma.sql`(SELECT * FROM "Ticket" WHERE "id" IN (SELECT "ticketId" FROM ${pending} p))`)})
    UPDATE "WebhookDelivery" d SET "payload" = jsonb_build_object(
      'type', d."eventType"::text,
      'timestamp', ${iso(Prisma.sql`e."createdAt"`)},
      'data', jsonb_build_object(
        'event', jsonb_build_object(
          'id', e."id", 'type', e."type", 'rule', e."rule", 'reason', e."reason",
          'actor', CASE WHEN a."id" IS NULL THEN NULL ELSE jsonb_build_object('userId', a."userId", 'name', a."name") END,
          'fromTier', e."fromTier", 'toTier', e."toTier", 'fromGroup', e."fromGroup", 'toGroup', e."toGroup",
          'fromAssignee', e."fromAssignee", 'toAssignee', e."toAssignee", 'inputs', e."inputs",
          'createdAt', ${iso(Prisma.sql`e."createdAt"`)}),
        'ticket', tk."ticket"::jsonb))
    FROM "TicketEvent" e
    LEFT JOIN "User" a ON a."id" = e."actorId"
    JOIN "Ticket" t ON t."id" = e."ticketId"
    JOIN tickets tk ON tk."ticket"->>'number' = t."number"
    WHERE d."id" IN (SELECT "id" FROM ${pending} p) AND e."id" = d."ticketEventId"`;
}
