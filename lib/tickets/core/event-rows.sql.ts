import { Prisma } from "@/lib/db/generated/client";
import type { EventInput } from "./ticket-store";

/** The TicketEvent columns a service writes; `id` and nothing else is left to the database. */
const EVENT_COLUMNS = Prisma.raw(
  `"ticketId", "type", "actorId", "fromTier", "toTier", "fromGroup", "toGroup", "fromAssignee", "toAssignee", "rule", "inputs", "reason", "createdAt"`,
);

/**
 * An INSERT of many events through one jsonb parameter: one statement whatever their number. Each
 * event's `ticketId` is its own, or `ticketId` (a SQL expression, e.g. a CTE's id) where it has none.
 */
export function insertEventsSql(events: (EventInput & { ticketId?: number })[], ticketId: Prisma.Sql = Prisma.sql`NULL::int`): Prisma.Sql {
  return insertEventRecordsSql(Prisma.sql`${JSON.stringify(events)}::jsonb`, ticketId);
}

/** The same from `records`, a SQL expression giving a jsonb array of events (one decided inside the statement). */
export function insertEventRecordsSql(records: Prisma.Sql, ticketId: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    INSERT INTO "TicketEvent" (${EVENT_COLUMNS})
    SELECT COALESCE(e."ticketId", ${ticketId}), e."type", e."actorId", e."fromTier", e."toTier", e."fromGroup", e."toGroup",
      e."fromAssignee", e."toAssignee", e."rule", e."inputs", e."reason", e."createdAt"
    FROM jsonb_to_recordset(${records}) AS e(
      "ticketId" int, "type" "TicketEventType", "actorId" text, "fromTier" "Tier", "toTier" "Tier", "fromGroup" text, "toGroup" text,
      "fromAssignee" text, "toAssignee" text, "rule" text, "inputs" jsonb, "reason" text, "createdAt" timestamp(3))`;
}
