import { Prisma } from "@/lib/db/generated/client";
import { customPlan } from "@/lib/db/custom-plan.sql";
import type { DashboardQuery } from "@/lib/validation/dashboard";
import { ageBucketExpression, backlogCondition, filterConditions, ts, VENDOR_CONDITION } from "./conditions.sql";
import { previousRange, rangeDays, wholeDays, type MetricsRange } from "./period";
import { vendorTargetsStatement } from "./vendor-targets.sql";
import { day, eventsOutsideRollups, filtered, histogramScope, inRollupDays, ticketFact, ticketsOutsideRollups, ticketsOutsideRollupsWhere } from "./rollup.sql";

type Filters = Pick<DashboardQuery, "category" | "org" | "priority">;

/** Vendor waits listed on the dashboard (longest first); the drill-down lists them all. */
export const VENDOR_LIST_LIMIT = 20;

/** The period figures counted per ticket (dashboard_ticket_fact) and per rollup row (DashboardCohortDay) alike. */
export const PERIOD_COUNTS = [
  "opened",
  "resolvedAtL1",
  "firstContactResolved",
  "escalatedL1L2",
  "escalatedL2L3",
  "escalatedL3L4",
  "returned",
  "reopened",
  "resolved",
  "firstResponseMet",
  "firstResponseBreached",
  "resolutionMet",
  "resolutionBreached",
  "updateLate",
  "sopComplete",
  "sopOverride",
] as const;

/** Each duration's mean: its sum over the tickets that count for it. */
const MEANS = [
  ["l1", "l1Seconds", "opened"],
  ["l2", "l2Seconds", "escalatedL1L2"],
  ["l3", "l3Seconds", "escalatedL2L3"],
  ["l4", "l4Seconds", "escalatedL3L4"],
  ["resolve", "resolveSeconds", "resolvedTimed"],
] as const;

const columns = (names: readonly string[]) => Prisma.raw(names.map((n) => `"${n}"`).join(", "));

/** The durations the dashboard gives percentiles of ("DashboardDuration"). */
export type DurationMeasure = "L1" | "L2" | "L3" | "L4" | "RESOLVE";

/**
 * The period's figures (tickets opened in it) in one statement: the settled tickets of its whole days from the
 * rollups, the rest (live tickets, partial days) counted per ticket by the same definition
 * (dashboard_ticket_fact), summed per priority, per category, per channel and in total (grouping sets), with
 * each duration's mean; the total row also carries the durations' histogram ("durations": [measure, bucket,
 * count] in order, see lib/metrics/histogram.ts), for the medians and 90th percentiles. `breakdown: false`
 * counts the total only; `measures` narrows the histogram (the previous period's key figure needs the time
 * to resolve only).
 */
export function periodStatement(
  range: MetricsRange,
  filters: Filters,
  now: Date,
  { breakdown = true, measures }: { breakdown?: boolean; measures?: readonly DurationMeasure[] } = {},
): Prisma.Sql {
  const days = wholeDays(range);
  const sums = PERIOD_COUNTS.map((name) => Prisma.raw(`sum("${name}")::int AS "${name}"`));
  const means = MEANS.map(([name, sum, count]) => Prisma.raw(`(sum("${sum}") / NULLIF(sum("${count}"), 0))::float8 AS "${name}Mean"`));
  const only = (column: Prisma.Sql) => (measures ? Prisma.sql`AND ${column} IN (${Prisma.join(measures)})` : Prisma.empty);
  return Prisma.sql`
    WITH raw AS (
      SELECT t."priority", t."categoryId", t."channel", x.*
      FROM (${ticketsOutsideRollups("createdAt", range, days, filters)}) AS o JOIN "Ticket" t ON t."id" = o."id" ${ticketFact(now)}
    ), facts AS (
      SELECT "priority", "categoryId", "channel", ${columns(PERIOD_COUNTS)},
        "l1Seconds", "l2Seconds", "l3Seconds", "l4Seconds", ("resolveSeconds" IS NOT NULL)::int AS "resolvedTimed", "resolveSeconds"
      FROM raw
      UNION ALL
      SELECT t."priority", t."categoryId", t."channel", ${columns(PERIOD_COUNTS)},
        t."l1Seconds", t."l2Seconds", t."l3Seconds", t."l4Seconds", t."resolvedTimed", t."resolveMs" / 1000.0
      FROM "DashboardCohortDay" t WHERE ${inRollupDays(days)} ${filtered(filters)}
    ), durations AS (
      SELECT m."measure", "dashboard_duration_bucket"(m."seconds") AS "bucket", count(*)::int AS "count"
      FROM raw CROSS JOIN LATERAL (VALUES ('L1', "l1Seconds"), ('L2', "l2Seconds"), ('L3', "l3Seconds"), ('L4', "l4Seconds"), ('RESOLVE', "resolveSeconds"))
        AS m("measure", "seconds")
      WHERE m."seconds" IS NOT NULL ${only(Prisma.sql`m."measure"`)}
      GROUP BY 1, 2
      UNION ALL
      SELECT u."measure"::text, u."bucket", u."count"
      FROM "DashboardDurationDay" h CROSS JOIN LATERAL unnest(h."measures", h."buckets", h."counts") AS u("measure", "bucket", "count")
      WHERE ${histogramScope(filters)} AND h."day" >= ${day(days.from)} AND h."day" < ${day(days.to)} ${only(Prisma.sql`u."measure"::text`)}
    ), histogram AS (
      SELECT COALESCE(jsonb_agg(jsonb_build_array("measure", "bucket", "count") ORDER BY "measure", "bucket"), '[]') AS "durations"
      FROM (SELECT "measure", "bucket", sum("count")::int AS "count" FROM durations GROUP BY 1, 2 HAVING sum("count") <> 0) d
    )
    SELECT
      ${
        breakdown
          ? Prisma.sql`CASE WHEN GROUPING("priority") = 0 THEN 'priority' WHEN GROUPING("categoryId") = 0 THEN 'category'
        WHEN GROUPING("channel") = 0 THEN 'channel' ELSE 'total' END AS "groupedBy",
      "priority"::text AS "priority", "categoryId", "channel"::text AS "channel",`
          : Prisma.sql`'total' AS "groupedBy", NULL::text AS "priority", NULL::text AS "categoryId", NULL::text AS "channel",`
      }
      ${Prisma.join(sums)}, ${Prisma.join(means)},
      ${breakdown ? Prisma.sql`CASE WHEN GROUPING("priority", "categoryId", "channel") = 7 THEN (SELECT "durations" FROM histogram) END` : Prisma.sql`(SELECT "durations" FROM histogram)`} AS "durations"
    FROM facts
    ${breakdown ? Prisma.sql`GROUP BY GROUPING SETS (("priority"), ("categoryId"), ("channel"), ())` : Prisma.empty}`;
}

/** Tickets opened in the period whatever the filters: the share of contacts self-service deflections answered is taken of them. */
export function openedStatement(range: MetricsRange): Prisma.Sql {
  const days = wholeDays(range);
  return Prisma.sql`
    SELECT (SELECT count(*) FROM (${ticketsOutsideRollups("createdAt", range, days, {})}) AS o)::int
      + (SELECT COALESCE(sum(t."opened"), 0) FROM "DashboardCohortDay" t WHERE ${inRollupDays(days)})::int AS "opened"`;
}

/** Open tickets now, by tier and age bucket (the filters apply; the period does not). */
export function backlogStatement(filters: Filters, now: Date): Prisma.Sql {
  return Prisma.sql`
    SELECT t."tier"::text AS "tier", ${ageBucketExpression(now)} AS "age", count(*)::int AS "count"
    FROM "Ticket" t WHERE ${Prisma.join([backlogCondition(now), ...filterConditions(filters)], " AND ")}
    GROUP BY 1, 2`;
}

/** Tickets waiting on an L4 group now, with their vendor clocks, longest first, and how many there are. */
export function vendorStatement(filters: Filters, now: Date): Prisma.Sql {
  const where = Prisma.join([VENDOR_CONDITION, ...filterConditions(filters)], " AND ");
  return Prisma.sql`
    WITH waiting AS (
      SELECT t."number", t."priority"::text AS "priority", t."externalReference", g."name" AS "group", g."l4Kind"::text AS "kind",
             (t."vendorSecondsUsed" + COALESCE(EXTRACT(EPOCH FROM ${ts(now)} - t."vendorClockSince"), 0))::float8 AS "vendorSeconds",
             t."vendorClockSince" IS NOT NULL AS "running"
      FROM "Ticket" t JOIN "SupportGroup" g ON g."id" = t."groupId" WHERE ${where}
    )
    SELECT w.*, (SELECT count(*)::int FROM waiting) AS "total" FROM waiting w ORDER BY "vendorSeconds" DESC, "number" LIMIT ${VENDOR_LIST_LIMIT}`;
}

/** Each active agent's open tickets and load weighted by priority (kept by triggers on Ticket). */
export function agentLoadStatement(): Prisma.Sql {
  return Prisma.sql`
    SELECT u."userId", u."name", u."tier"::text AS "tier", u."openTickets", u."openLoad"
    FROM "User" u WHERE u."role" = 'AGENT' AND u."active" ORDER BY u."openLoad" DESC, u."userId"`;
}

/**
 * Per group: tickets it resolved in the period (DashboardResolvedDay for the whole days) and tickets
 * escalated into it in the period, each counted once: every escalation in the period counts unless the same
 * ticket had been escalated into the same group earlier in the period ("previousAt", DashboardEventDay).
 */
export function groupThroughputStatement(range: MetricsRange, filters: Filters): Prisma.Sql {
  const days = wholeDays(range);
  return Prisma.sql`
    WITH resolved AS (
      SELECT t."groupId", count(*)::int AS n FROM "Ticket" t WHERE ${ticketsOutsideRollupsWhere("resolvedAt", range, days, filters)[0]} GROUP BY t."groupId"
      UNION ALL
      SELECT t."groupId", count(*)::int AS n FROM "Ticket" t WHERE ${ticketsOutsideRollupsWhere("resolvedAt", range, days, filters)[1]} GROUP BY t."groupId"
      UNION ALL
      SELECT t."groupId", sum(t."resolved")::int FROM "DashboardResolvedDay" t WHERE ${inRollupDays(days)} ${filtered(filters)} GROUP BY t."groupId"
    ), received AS (
      SELECT e."toGroup" AS slug, count(*)::int AS n
      FROM (${eventsOutsideRollups(Prisma.sql`('ESCALATED', 'AUTO_ESCALATED')`, range, days, filters)}) AS e
      WHERE NOT EXISTS (
        SELECT 1 FROM "TicketEvent" p
        WHERE p."ticketId" = e."ticketId" AND p."type" IN ('ESCALATED', 'AUTO_ESCALATED') AND p."toGroup" = e."toGroup"
          AND (p."createdAt", p."id") < (e."createdAt", e."id") AND p."createdAt" >= ${ts(range.from)})
      GROUP BY e."toGroup"
      UNION ALL
      SELECT t."toGroup", sum(t."escalations")::int FROM "DashboardEventDay" t
      WHERE ${inRollupDays(days)} AND t."toGroup" <> '' AND t."previousAt" < ${ts(range.from)} ${filtered(filters)} GROUP BY t."toGroup"
    )
    SELECT g."slug", g."name", g."tier"::text AS "tier", COALESCE(r.n, 0)::int AS "resolved", COALESCE(x.n, 0)::int AS "escalatedIn"
    FROM "SupportGroup" g
    LEFT JOIN (SELECT "groupId", sum(n) AS n FROM resolved GROUP BY "groupId") r ON r."groupId" = g."id"
    LEFT JOIN (SELECT slug, sum(n) AS n FROM received GROUP BY slug) x ON x.slug = g."slug"
    ORDER BY g."tier", g."slug"`;
}

/**
 * What happened on each day of the period (UTC days, as periods are): tickets opened, escalations made per
 * tier and resolution targets breached (the sweep's alert). One row per day, 0 on quiet days
 * (generate_series); the whole days from the rollups, the rest from the tickets and their decision log.
 */
export function trendStatement(range: MetricsRange, filters: Filters): Prisma.Sql {
  const days = wholeDays(range);
  const shown = rangeDays(range);
  const flag = (bit: number) => Prisma.raw(`count(*) FILTER (WHERE "dashboard_event_flags"(e."type", e."fromTier", e."toTier", e."rule", e."inputs") & ${bit} <> 0)::int`);
  return Prisma.sql`
    WITH days AS (
      SELECT CAST(d AS timestamp(3)) AS "day"
      FROM generate_series(CAST(${shown.from} AS timestamp(3)), CAST(${shown.to} AS timestamp(3)), interval '1 day') AS d
    ), opened AS (
      SELECT date_trunc('day', t."createdAt") AS "day", count(*)::int AS "opened"
      FROM (${ticketsOutsideRollups("createdAt", range, days, filters)}) AS o JOIN "Ticket" t ON t."id" = o."id"
      GROUP BY 1
      UNION ALL
      SELECT CAST(t."day" AS timestamp(3)), sum(t."opened")::int FROM "DashboardCohortDay" t WHERE ${inRollupDays(days)} ${filtered(filters)} GROUP BY 1
    ), moves AS (
      SELECT date_trunc('day', e."createdAt") AS "day", ${flag(1)} AS "escalatedL1L2", ${flag(2)} AS "escalatedL2L3",
        ${flag(4)} AS "escalatedL3L4", ${flag(256)} AS "resolutionBreached"
      FROM (${eventsOutsideRollups(Prisma.sql`('ESCALATED', 'AUTO_ESCALATED', 'ALERT')`, range, days, filters)}) AS e
      GROUP BY 1
      UNION ALL
      SELECT CAST(t."day" AS timestamp(3)), sum(t."escalatedL1L2")::int, sum(t."escalatedL2L3")::int, sum(t."escalatedL3L4")::int, sum(t."resolutionBreached")::int
      FROM "DashboardEventDay" t WHERE ${inRollupDays(days)} ${filtered(filters)} GROUP BY 1
    )
    SELECT to_char(days."day", 'YYYY-MM-DD') AS "day", COALESCE(o."opened", 0)::int AS "opened",
      COALESCE(m."escalatedL1L2", 0)::int AS "escalatedL1L2", COALESCE(m."escalatedL2L3", 0)::int AS "escalatedL2L3",
      COALESCE(m."escalatedL3L4", 0)::int AS "escalatedL3L4", COALESCE(m."resolutionBreached", 0)::int AS "resolutionBreached"
    FROM days
    LEFT JOIN (SELECT "day", sum("opened") AS "opened" FROM opened GROUP BY "day") o ON o."day" = days."day"
    LEFT JOIN (SELECT "day", sum("escalatedL1L2") AS "escalatedL1L2", sum("escalatedL2L3") AS "escalatedL2L3", sum("escalatedL3L4") AS "escalatedL3L4",
      sum("resolutionBreached") AS "resolutionBreached" FROM moves GROUP BY "day") m ON m."day" = days."day"
    ORDER BY days."day"`;
}

/** Category names and their SOP article, for the top-categories table. */
export function categoryStatement(): Prisma.Sql {
  return Prisma.sql`
    SELECT c."id", c."slug", c."name", a."slug" AS "sopSlug", a."title" AS "sopTitle"
    FROM "Category" c LEFT JOIN "KbArticle" a ON a."id" = c."sopArticleId" ORDER BY c."slug"`;
}

/** Every statement the dashboard runs, by name: the lib function and the benchmark's raw runs use these. */
export function dashboardStatements(range: MetricsRange, filters: Filters, now: Date) {
  const previous = previousRange(range);
  return {
    period: customPlan(periodStatement(range, filters, now)),
    previousPeriod: customPlan(periodStatement(previous, filters, now, { breakdown: false, measures: ["RESOLVE"] })),
    opened: customPlan(openedStatement(range)),
    trend: customPlan(trendStatement(range, filters)),
    backlog: backlogStatement(filters, now),
    vendors: vendorStatement(filters, now),
    vendorTargets: customPlan(vendorTargetsStatement(range, filters, now)),
    agents: agentLoadStatement(),
    groups: customPlan(groupThroughputStatement(range, filters)),
    categories: categoryStatement(),
  };
}
