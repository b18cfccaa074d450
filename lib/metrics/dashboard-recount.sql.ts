import { Prisma } from "@/lib/db/generated/client";
import type { DashboardQuery } from "@/lib/validation/dashboard";
import { EVENT_FLAG_NAMES, EVENT_FLAGS, filterConditions, FLAG_EVENT_TYPES, flagColumn, cohortCondition, periodCondition, RESOLUTION_BREACH_ALERT, ts } from "./conditions.sql";
import { previousRange, rangeDays, type MetricsRange } from "./period";

// The dashboard's period figures counted straight from the tickets and their decision log, by the
// definitions of conditions.ts (the drill-down's): what the figures were before the daily rollups, kept as
// the recount the rollups must equal (tests/integration/dashboard-rollups.test.ts) and the raw SQL that
// bench:dashboard measures them against. Percentiles here are exact (percentile_cont).

type Filters = Pick<DashboardQuery, "category" | "org" | "priority">;

const count = (condition: Prisma.Sql) => Prisma.sql`count(*) FILTER (WHERE ${condition})::int`;
// Both percentiles order the same input, so PostgreSQL sorts it once for them.
const stats = (name: string, value: Prisma.Sql, condition: Prisma.Sql) =>
  Prisma.sql`avg(${value}) FILTER (WHERE ${condition})::float8 AS ${Prisma.raw(`"${name}Mean"`)},
    percentile_cont(0.5) WITHIN GROUP (ORDER BY ${value}) FILTER (WHERE ${condition})::float8 AS ${Prisma.raw(`"${name}Median"`)},
    percentile_cont(0.9) WITHIN GROUP (ORDER BY ${value}) FILTER (WHERE ${condition})::float8 AS ${Prisma.raw(`"${name}P90"`)}`;

/** Seconds a tier's ledger holds, plus the wall-clock time since the running tier clock started (open tickets). */
const tierSeconds = (tier: "L1" | "L2" | "L3", now: Date) =>
  Prisma.sql`(t.${Prisma.raw(`"${tier.toLowerCase()}SecondsUsed"`)} + CASE WHEN t."tier" = ${Prisma.raw(`'${tier}'`)} AND t."tierClockSince" IS NOT NULL
    THEN EXTRACT(EPOCH FROM ${ts(now)} - t."tierClockSince") ELSE 0 END)`;

/**
 * The period's figures in one statement: the period's tickets (index on createdAt), each with its tier
 * moves and SLA events rolled up from the decision log (index on type, createdAt: a ticket's events come
 * after it was created), counted per priority, per category, per channel and in total (grouping sets).
 * Both joins are between tables, not between CTEs, so the planner's row estimates stay near the truth
 * (a CTE-to-CTE join was estimated at 60× its rows, which priced the query into JIT compilation that
 * cost more than the query itself).
 * `breakdown: false` counts the total only (the previous period, for the top row's changes).
 */
export function recountPeriodStatement(range: MetricsRange, filters: Filters, now: Date, { breakdown = true } = {}): Prisma.Sql {
  const flag = flagColumn;
  const flags = EVENT_FLAG_NAMES.map((name) => Prisma.sql`bool_or(${EVENT_FLAGS[name]}) AS ${Prisma.raw(`"${name}"`)}`);
  const flagged = EVENT_FLAG_NAMES.map((name) => Prisma.sql`COALESCE(m.${Prisma.raw(`"${name}"`)}, FALSE) AS ${Prisma.raw(`"${name}"`)}`);
  const cohort = cohortCondition(range, filters);
  return Prisma.sql`
    WITH moves AS (
      SELECT e."ticketId", ${Prisma.join(flags)}
      FROM "TicketEvent" e JOIN "Ticket" t ON t."id" = e."ticketId"
      WHERE e."type" IN ${FLAG_EVENT_TYPES} AND e."createdAt" >= ${ts(range.from)} AND ${cohort}
      GROUP BY e."ticketId"
    ), t AS MATERIALIZED (
      SELECT t."id", t."priority", t."categoryId", t."channel", t."tier", t."status", t."createdAt", t."resolvedAt", t."firstRespondedAt",
             t."firstResponseDueAt", t."firstResponseMet", t."resolutionDueAt", t."resolutionMet", t."slaAlertLevel",
             t."l1SecondsUsed", t."l2SecondsUsed", t."l3SecondsUsed", t."tierClockSince", t."vendorSecondsUsed", t."vendorClockSince",
             ${Prisma.join(flagged)}
      FROM "Ticket" t LEFT JOIN moves m ON m."ticketId" = t."id"
      WHERE ${cohort}
    ), counts AS (
      SELECT
        ${
          breakdown
            ? Prisma.sql`CASE WHEN GROUPING(t."priority") = 0 THEN 'priority' WHEN GROUPING(t."categoryId") = 0 THEN 'category'
          WHEN GROUPING(t."channel") = 0 THEN 'channel' ELSE 'total' END AS "groupedBy",
        t."priority"::text AS "priority", t."categoryId", t."channel"::text AS "channel",`
            : Prisma.sql`'total' AS "groupedBy", NULL::text AS "priority", NULL::text AS "categoryId", NULL::text AS "channel",`
        }
        count(*)::int AS "opened",
        ${count(periodCondition("resolved-l1", flag, now))} AS "resolvedAtL1",
        ${count(periodCondition("first-contact", flag, now))} AS "firstContactResolved",
        ${count(periodCondition("escalated-l1-l2", flag, now))} AS "escalatedL1L2",
        ${count(periodCondition("escalated-l2-l3", flag, now))} AS "escalatedL2L3",
        ${count(periodCondition("escalated-l3-l4", flag, now))} AS "escalatedL3L4",
        ${count(periodCondition("returned", flag, now))} AS "returned",
        ${count(periodCondition("reopened", flag, now))} AS "reopened",
        ${count(periodCondition("resolved", flag, now))} AS "resolved",
        ${count(periodCondition("first-response-met", flag, now))} AS "firstResponseMet",
        ${count(periodCondition("first-response-breached", flag, now))} AS "firstResponseBreached",
        ${count(periodCondition("resolution-met", flag, now))} AS "resolutionMet",
        ${count(periodCondition("resolution-breached", flag, now))} AS "resolutionBreached",
        ${count(periodCondition("update-late", flag, now))} AS "updateLate",
        ${count(periodCondition("sop-complete", flag, now))} AS "sopComplete",
        ${count(periodCondition("sop-override", flag, now))} AS "sopOverride"
      FROM t
      ${breakdown ? Prisma.sql`GROUP BY GROUPING SETS ((t."priority"), (t."categoryId"), (t."channel"), ())` : Prisma.empty}
    ), stats AS (
      -- Percentiles sort their input: over the whole period only, not per priority and category.
      SELECT 'total' AS "groupedBy",
        ${stats("l1", tierSeconds("L1", now), Prisma.sql`TRUE`)},
        ${stats("l2", tierSeconds("L2", now), flag("escalatedL1L2"))},
        ${stats("l3", tierSeconds("L3", now), flag("escalatedL2L3"))},
        ${stats("l4", Prisma.sql`t."vendorSecondsUsed" + COALESCE(EXTRACT(EPOCH FROM ${ts(now)} - t."vendorClockSince"), 0)`, flag("escalatedL3L4"))},
        ${stats("resolve", Prisma.sql`EXTRACT(EPOCH FROM t."resolvedAt" - t."createdAt")`, Prisma.sql`t."resolvedAt" IS NOT NULL`)}
      FROM t
    )
    SELECT counts.*, ${Prisma.join(
      ["l1", "l2", "l3", "l4", "resolve"].flatMap((name) => ["Mean", "Median", "P90"].map((stat) => Prisma.raw(`stats."${name}${stat}"`))),
    )}
    FROM counts LEFT JOIN stats ON stats."groupedBy" = counts."groupedBy"`;
}

/** Per group: tickets it resolved in the period and tickets escalated into it in the period, each counted once (the filters apply). */
export function recountGroupThroughputStatement(range: MetricsRange, filters: Filters): Prisma.Sql {
  const filtered = filterConditions(filters);
  const ticketFilter = filtered.length ? Prisma.sql`AND ${Prisma.join(filtered, " AND ")}` : Prisma.empty;
  return Prisma.sql`
    WITH resolved AS (
      SELECT t."groupId", count(*)::int AS n FROM "Ticket" t
      WHERE t."resolvedAt" >= ${ts(range.from)} AND t."resolvedAt" < ${ts(range.to)} ${ticketFilter}
      GROUP BY t."groupId"
    ), received AS (
      SELECT e."toGroup" AS slug, count(DISTINCT e."ticketId")::int AS n FROM "TicketEvent" e ${filtered.length ? Prisma.sql`JOIN "Ticket" t ON t."id" = e."ticketId"` : Prisma.empty}
      WHERE e."type" IN ('ESCALATED', 'AUTO_ESCALATED') AND e."createdAt" >= ${ts(range.from)} AND e."createdAt" < ${ts(range.to)} ${ticketFilter}
      GROUP BY e."toGroup"
    )
    SELECT g."slug", g."name", g."tier"::text AS "tier", COALESCE(r.n, 0) AS "resolved", COALESCE(x.n, 0) AS "escalatedIn"
    FROM "SupportGroup" g LEFT JOIN resolved r ON r."groupId" = g."id" LEFT JOIN received x ON x.slug = g."slug"
    ORDER BY g."tier", g."slug"`;
}

/**
 * What happened on each day of the period (UTC days, as periods are): tickets opened, escalations made per
 * tier and resolution targets breached. One row per day, 0 on quiet days (generate_series); the events come
 * from the decision log by the (type, createdAt) index, the tickets by the createdAt index.
 */
export function recountTrendStatement(range: MetricsRange, filters: Filters): Prisma.Sql {
  const days = rangeDays(range);
  const filtered = filterConditions(filters);
  const ticketFilter = filtered.length ? Prisma.sql`AND ${Prisma.join(filtered, " AND ")}` : Prisma.empty;
  const during = (column: Prisma.Sql) => Prisma.sql`${column} >= ${ts(range.from)} AND ${column} < ${ts(range.to)}`;
  const perDay = (name: string, condition: Prisma.Sql) => Prisma.sql`count(*) FILTER (WHERE ${condition})::int AS ${Prisma.raw(`"${name}"`)}`;
  return Prisma.sql`
    WITH days AS (
      SELECT CAST(d AS timestamp(3)) AS "day"
      FROM generate_series(CAST(${days.from} AS timestamp(3)), CAST(${days.to} AS timestamp(3)), interval '1 day') AS d
    ), opened AS (
      SELECT date_trunc('day', t."createdAt") AS "day", count(*)::int AS "opened"
      FROM "Ticket" t WHERE ${during(Prisma.sql`t."createdAt"`)} ${ticketFilter}
      GROUP BY 1
    ), moves AS (
      SELECT date_trunc('day', e."createdAt") AS "day",
        ${perDay("escalatedL1L2", EVENT_FLAGS.escalatedL1L2)}, ${perDay("escalatedL2L3", EVENT_FLAGS.escalatedL2L3)},
        ${perDay("escalatedL3L4", EVENT_FLAGS.escalatedL3L4)}, ${perDay("resolutionBreached", RESOLUTION_BREACH_ALERT)}
      FROM "TicketEvent" e ${filtered.length ? Prisma.sql`JOIN "Ticket" t ON t."id" = e."ticketId"` : Prisma.empty}
      WHERE e."type" IN ('ESCALATED', 'AUTO_ESCALATED', 'ALERT') AND ${during(Prisma.sql`e."createdAt"`)} ${ticketFilter}
      GROUP BY 1
    )
    SELECT to_char(days."day", 'YYYY-MM-DD') AS "day", COALESCE(o."opened", 0) AS "opened",
           COALESCE(m."escalatedL1L2", 0) AS "escalatedL1L2", COALESCE(m."escalatedL2L3", 0) AS "escalatedL2L3",
           COALESCE(m."escalatedL3L4", 0) AS "escalatedL3L4", COALESCE(m."resolutionBreached", 0) AS "resolutionBreached"
    FROM days LEFT JOIN opened o ON o."day" = days."day" LEFT JOIN moves m ON m."day" = days."day"
    ORDER BY days."day"`;
}

/** The statements the rollups replace, for a period, its previous period and filters. */
export function recountStatements(range: MetricsRange, filters: Filters, now: Date) {
  return {
    period: recountPeriodStatement(range, filters, now),
    previousPeriod: recountPeriodStatement(previousRange(range), filters, now, { breakdown: false }),
    trend: recountTrendStatement(range, filters),
    groups: recountGroupThroughputStatement(range, filters),
  };
}
