// The resolution alert (75 % and 100 % of the target) in SQL: which tickets are due one, its level and its event.
import { Prisma } from "@/lib/db/generated/client";

/** Is the resolution alert of ticket `t` (a SQL alias) due at `now`: 75 % of the target used, or the target breached, each once. */
export const resolutionAlertDueSql = (t: string, now: Date) => {
  const row = Prisma.raw(t);
  return Prisma.sql`((${row}."resolutionWarnAt" <= ${now}::timestamp(3) AND ${row}."slaAlertLevel" < 75)
    OR (${row}."resolutionDueAt" <= ${now}::timestamp(3) AND ${row}."slaAlertLevel" < 100))`;
};

/** The level that alert raises ticket `t` to (its "slaAlertLevel"): 100 once the target is breached, else 75. */
export const resolutionAlertLevelSql = (t: string, now: Date) =>
  Prisma.sql`CASE WHEN ${Prisma.raw(t)}."resolutionDueAt" <= ${now}::timestamp(3) THEN 100 ELSE 75 END`;

/**
 * The ALERT event's rule, inputs and reason for ticket `t` (a SQL alias with "priority", "resolutionDueAt" and
 * the "slaAlertLevel" it was raised to). The recipients are the notify_ticket_events trigger's.
 */
export const resolutionAlertEventSql = (t: string) => {
  const row = Prisma.raw(t);
  return Prisma.sql`'sla.resolution-' || ${row}."slaAlertLevel",
    jsonb_build_object('percent', ${row}."slaAlertLevel", 'priority', ${row}."priority", 'resolutionDueAt', ${row}."resolutionDueAt",
      'notify', CASE WHEN ${row}."slaAlertLevel" = 100 THEN 'leads+managers' ELSE 'assignee+leads' END),
    CASE WHEN ${row}."slaAlertLevel" = 100
      THEN 'The group''s leads and the managers are alerted: the ' || ${row}."priority" || ' resolution target is breached.'
      ELSE 'The assignee and the group''s leads are alerted: 75 % of the ' || ${row}."priority" || ' resolution target is used.' END`;
};
