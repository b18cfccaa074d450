import { Prisma } from "@/lib/db/generated/client";

/** The SLA targets of the version whose id is `versionId` (SQL), as one jsonb array of `SlaTargetData`. */
export const slaTargetsJsonSql = (versionId: Prisma.Sql) => Prisma.sql`(
  SELECT jsonb_agg(jsonb_build_object(
      'priority', s."priority", 'clock', s."clock", 'firstResponseMinutes', s."firstResponseMinutes",
      'resolutionMinutes', s."resolutionMinutes", 'updateEveryMinutes', s."updateEveryMinutes",
      'l1BudgetMinutes', s."l1BudgetMinutes", 'l2BudgetMinutes', s."l2BudgetMinutes", 'l3BudgetMinutes', s."l3BudgetMinutes")
    ORDER BY s."priority")
  FROM "SlaTarget" s WHERE s."versionId" = ${versionId})`;

/**
 * The version in force (the newest) of the calendar whose id is `calendarId` (SQL), as one jsonb value of
 * `CalendarData` in its windows form, labelled "slug v3" for the decision log.
 */
export const calendarJsonSql = (calendarId: Prisma.Sql) => Prisma.sql`(
  SELECT jsonb_build_object('timeZone', calendar_version."timeZone", 'windows', calendar_version."windows",
                            'holidays', calendar_version."holidays",
                            'label', (SELECT c."slug" FROM "SupportCalendar" c WHERE c."id" = calendar_version."calendarId") || ' v' || calendar_version."version")
  FROM "CalendarVersion" calendar_version
  WHERE calendar_version."calendarId" = ${calendarId} ORDER BY calendar_version."version" DESC LIMIT 1)`;

/**
 * The newest published matrix version with its cells, targets and calendar, as one jsonb value in
 * exactly the `CurrentMatrix` shape (null when none is published). A scalar subquery, so that intake
 * can read it in the same statement as everything else it needs.
 */
export const CURRENT_MATRIX_JSON = Prisma.sql`(
  SELECT jsonb_build_object(
    'id', v."id",
    'matrix', jsonb_build_object(
      'version', v."version",
      'cells', (SELECT jsonb_agg(jsonb_build_object('impact', c."impact", 'urgency', c."urgency", 'priority', c."priority"))
                FROM "MatrixCell" c WHERE c."versionId" = v."id")),
    'targets', ${slaTargetsJsonSql(Prisma.sql`v."id"`)},
    'calendar', ${calendarJsonSql(Prisma.sql`v."calendarId"`)})
  FROM "PriorityMatrixVersion" v ORDER BY v."version" DESC LIMIT 1)`;
