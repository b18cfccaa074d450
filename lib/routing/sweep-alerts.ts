// The sweep's alerts and flags: a spent L3 budget, the resolution target at 75 % and 100 %, customer updates
// that fell due and those overdue by half the cadence. Each is one statement (the overdue one after one read)
// that skips any ticket another transaction holds: that one is alerted on the next run.
import { Prisma } from "@/lib/db/generated/client";
import type { Priority, SlaClock } from "@/lib/db/generated/enums";
import type { SqlTransaction } from "@/lib/db/transaction";
import type { CalendarData } from "@/lib/calendar/business-hours";
import { calendarJsonSql } from "./current-matrix.sql";
import { resolutionAlertDueSql, resolutionAlertEventSql, resolutionAlertLevelSql } from "./resolution-alert.sql";
import { addClockMinutes } from "./sla";

/** L3 cannot hand off to L4 without a vendor's reference: when its budget is spent, the group's leads and the managers are told instead. */
export async function alertL3BudgetSpent(tx: SqlTransaction, now: Date): Promise<number> {
  return tx.execute(Prisma.sql`
    WITH spent AS (
      UPDATE "Ticket" SET "tierBudgetEndsAt" = NULL, "tierBudgetWarnAt" = NULL, "version" = "version" + 1
      WHERE "id" IN (
        SELECT "id" FROM "Ticket" WHERE "tierBudgetEndsAt" <= ${now}::timestamp(3) AND "tier" = 'L3' AND "tierClockSince" IS NOT NULL
        FOR UPDATE SKIP LOCKED)
      RETURNING "id", "priority"
    )
    INSERT INTO "TicketEvent" ("ticketId", "type", "fromTier", "toTier", "rule", "inputs", "reason", "createdAt")
    SELECT "id", 'ALERT', 'L3', 'L3', 'budget.l3',
      jsonb_build_object('budget', 'L3', 'priority', "priority", 'notify', 'leads+managers'),
      'The group''s leads and the managers are alerted: the L3 budget is spent and an L4 handoff needs a decision.', ${now}::timestamp(3)
    FROM spent`);
}

/**
 * Hierarchical escalation, once each: at 75 % of the resolution target the assignee and the group's leads are
 * told, at 100 % the leads and the managers. (A ticket the sweep escalates in the same run is alerted by the
 * escalation's own statement.)
 */
export async function alertResolution(tx: SqlTransaction, now: Date): Promise<number> {
  return tx.execute(Prisma.sql`
    WITH alerted AS (
      UPDATE "Ticket" AS t SET "slaAlertLevel" = ${resolutionAlertLevelSql("t", now)}
      WHERE t."id" IN (SELECT d."id" FROM "Ticket" d WHERE ${resolutionAlertDueSql("d", now)} FOR UPDATE SKIP LOCKED)
      RETURNING t."id", t."tier", t."priority", t."slaAlertLevel", t."resolutionDueAt"
    )
    INSERT INTO "TicketEvent" ("ticketId", "type", "fromTier", "toTier", "rule", "inputs", "reason", "createdAt")
    SELECT a."id", 'ALERT', a."tier", a."tier", ${resolutionAlertEventSql("a")}, ${now}::timestamp(3)
    FROM alerted a`);
}

/** Customer updates that fell due with no public reply: flagged for L1 once, until the next reply clears it. */
export async function flagUpdatesDue(tx: SqlTransaction, now: Date): Promise<number> {
  return tx.execute(Prisma.sql`
    WITH due AS (
      UPDATE "Ticket" SET "updateDueFlaggedAt" = ${now}::timestamp(3)
      WHERE "id" IN (
        SELECT "id" FROM "Ticket" WHERE "nextUpdateDueAt" <= ${now}::timestamp(3) AND "updateDueFlaggedAt" IS NULL
        FOR UPDATE SKIP LOCKED)
      RETURNING "id", "tier", "nextUpdateDueAt"
    )
    INSERT INTO "TicketEvent" ("ticketId", "type", "fromTier", "toTier", "rule", "inputs", "reason", "createdAt")
    SELECT "id", 'ALERT', "tier", "tier", 'sla.customer-update',
      jsonb_build_object('nextUpdateDueAt', "nextUpdateDueAt"),
      'A customer update is due: no public reply since the last one was promised.', ${now}::timestamp(3)
    FROM due`);
}

/**
 * A customer update overdue by half the cadence with still no public reply: the group's leads and the managers are alerted, once per
 * due instant (a reply moves the due instant, so a later lapse alerts again). Half the cadence counts on the
 * target's clock: on business hours, an update due at Friday's close is overdue on Monday morning, not
 * Friday night. Wall time is never shorter than business time, so the SQL narrows to tickets overdue in
 * wall time and the clock rule decides; one read and one write whatever their number.
 */
export async function alertUpdatesOverdue(tx: SqlTransaction, now: Date): Promise<number> {
  const due = await tx.query<{ id: number; priority: Priority; nextUpdateDueAt: Date; updateEveryMinutes: number; clock: SlaClock; calendar: CalendarData | null }>(Prisma.sql`
    SELECT t."id", t."priority", t."nextUpdateDueAt", s."updateEveryMinutes", s."clock",
      CASE WHEN s."clock" = 'BUSINESS_HOURS'
        THEN ${calendarJsonSql(Prisma.sql`COALESCE((SELECT o."calendarId" FROM "Organization" o WHERE o."id" = t."organizationId"), v."calendarId")`)} END AS calendar
    FROM "Ticket" t
    JOIN "SlaTarget" s ON s."versionId" = t."matrixVersionId" AND s."priority" = t."priority"
    JOIN "PriorityMatrixVersion" v ON v."id" = t."matrixVersionId"
    WHERE t."nextUpdateDueAt" <= ${now}::timestamp(3)
      AND t."nextUpdateDueAt" + make_interval(secs => s."updateEveryMinutes" * 30) <= ${now}::timestamp(3)
      AND t."updateOverdueAlertedFor" IS DISTINCT FROM t."nextUpdateDueAt"`);
  if (!due.length) return 0;
  const overdue = due.filter((t) => t.clock === "ALWAYS" || addClockMinutes(t.nextUpdateDueAt, t.updateEveryMinutes / 2, t.clock, t.calendar!) <= now);
  if (!overdue.length) return 0;
  // A reply since the read moved the due instant: that ticket is left alone (its new instant is not overdue).
  return tx.execute(Prisma.sql`
    WITH overdue AS (
      UPDATE "Ticket" AS t SET "updateOverdueAlertedFor" = t."nextUpdateDueAt"
      FROM jsonb_to_recordset(${JSON.stringify(overdue.map((t) => ({ id: t.id, due: t.nextUpdateDueAt, every: t.updateEveryMinutes, clock: t.clock })))}::jsonb)
        AS o(id int, due timestamp(3), every int, clock "SlaClock")
      WHERE t."id" = o.id AND t."nextUpdateDueAt" = o.due AND t."updateOverdueAlertedFor" IS DISTINCT FROM t."nextUpdateDueAt"
        AND t."id" IN (SELECT "id" FROM "Ticket" WHERE "id" = ANY(${overdue.map((t) => t.id)}::int[]) FOR UPDATE SKIP LOCKED)
      RETURNING t."id", t."tier", t."priority", t."nextUpdateDueAt", o.every, o.clock
    )
    INSERT INTO "TicketEvent" ("ticketId", "type", "fromTier", "toTier", "rule", "inputs", "reason", "createdAt")
    SELECT "id", 'ALERT', "tier", "tier", 'sla.customer-update-overdue',
      jsonb_build_object('nextUpdateDueAt', "nextUpdateDueAt", 'updateEveryMinutes', every, 'clock', clock, 'priority', "priority", 'notify', 'leads+managers'),
      'The group''s leads and the managers are alerted: the customer update is overdue by half the ' || every || '-minute cadence.', ${now}::timestamp(3)
    FROM overdue`);
}
