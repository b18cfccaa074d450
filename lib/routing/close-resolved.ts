// The sweep's last step: resolved tickets the customer has not answered for the support calendar's
// autoCloseBusinessDays close themselves (lib/calendar/auto-close.ts says when). One read of the setting and
// one statement whatever the number of tickets: the close, its mail and its event commit together, and a
// second run finds nothing left (only RESOLVED tickets qualify).
import { Prisma } from "@/lib/db/generated/client";
import type { SqlTransaction } from "@/lib/db/transaction";
import { insertImmediateStatusMailSql } from "@/lib/mail/mail-texts.sql";
import { autoCloseCutoff, autoCloseReason } from "@/lib/calendar/auto-close";
import type { CalendarData } from "@/lib/calendar/business-hours";
import { calendarJsonSql } from "./current-matrix.sql";

/** Tickets closed per run; the rest follow a minute later. */
export const CLOSE_BATCH = 5_000;

const CLOSING_NOTE = (days: number) =>
  `We resolved it and have not heard from you for ${days} business day${days === 1 ? "" : "s"}, so it is now closed. ` +
  "A closed ticket cannot be reopened: if the problem comes back, open a new ticket in the portal from this one's page (it will be linked). " +
  "You can still rate how we did.";

export async function closeResolvedTickets(tx: SqlTransaction, now: Date): Promise<number> {
  const [setting] = await tx.query<{ days: number; calendar: CalendarData }>(Prisma.sql`
    SELECT k."autoCloseBusinessDays" AS days, ${calendarJsonSql(Prisma.sql`v."calendarId"`)} AS calendar
    FROM "PriorityMatrixVersion" v JOIN "SupportCalendar" k ON k."id" = v."calendarId"
    ORDER BY v."version" DESC LIMIT 1`);
  if (!setting) return 0;
  const cutoff = autoCloseCutoff(now, setting.days, setting.calendar);
  if (!cutoff) return 0;
  // A customer's comment after the cutoff (on a resolved ticket) starts the wait again.
  const closed = Prisma.sql`closed`;
  return tx.execute(Prisma.sql`
    WITH due AS (
      SELECT t."id" FROM "Ticket" t
      WHERE t."status" = 'RESOLVED' AND t."resolvedAt" <= ${cutoff}::timestamp(3)
        AND NOT EXISTS (SELECT 1 FROM "Comment" c WHERE c."ticketId" = t."id" AND c."authorId" = t."customerId" AND c."createdAt" > ${cutoff}::timestamp(3))
      ORDER BY t."resolvedAt", t."id"
      LIMIT ${CLOSE_BATCH}::int
      FOR UPDATE OF t SKIP LOCKED
    ), closed AS (
      UPDATE "Ticket" t SET "status" = 'CLOSED', "closedAt" = ${now}::timestamp(3), "version" = t."version" + 1, "updatedAt" = ${now}::timestamp(3)
      FROM due WHERE t."id" = due."id"
      RETURNING t."id", t."number", t."title", t."customerId", t."version", t."tier", t."resolvedAt"
    ), held AS (
      DELETE FROM "OutboxMessage" WHERE "coalesceKey" IN (SELECT 'status:' || "id" FROM closed)
    ), mail AS (
      ${insertImmediateStatusMailSql(closed, { from: "RESOLVED", to: "CLOSED", note: CLOSING_NOTE(setting.days) }, now)}
    )
    INSERT INTO "TicketEvent" ("ticketId", "type", "fromTier", "toTier", "rule", "inputs", "reason", "createdAt")
    SELECT "id", 'STATUS_CHANGED', "tier", "tier", 'status.auto-closed',
      jsonb_build_object('from', 'RESOLVED', 'to', 'CLOSED', 'resolvedAt', "resolvedAt", 'businessDays', ${setting.days}::int, 'cutoff', ${cutoff}::timestamp(3)),
      ${autoCloseReason(setting.days)}::text, ${now}::timestamp(3)
    FROM closed`);
}
