import { Prisma } from "@/lib/db/generated/client";
import type { DashboardQuery } from "@/lib/validation/dashboard";
import { filterConditions, ts } from "./conditions.sql";
import type { MetricsRange } from "./period";

// The L4 section's figures, defined once over an engagement `e` (VendorEngagement) and its ticket `t`: the
// aggregation counts them per L4 group and priority, the drill-down lists the tickets whose engagements match.

type Filters = Pick<DashboardQuery, "category" | "org" | "priority">;

/** What an engagement's outcome can be against one target, at `now`. */
export type VendorOutcome = "met" | "missed" | "pending";

/**
 * Response: met when the recorded response came by its due time; missed when it came later, or none was
 * recorded by the due time while the engagement was open (by `now`, or by its end); pending while open, not
 * responded and not yet due. An engagement that ended before its response was due, with no response recorded,
 * is none of these (nothing can be recorded after the end). No target (a null due time): none of these.
 */
export function responseOutcome(outcome: VendorOutcome, now: Date): Prisma.Sql {
  switch (outcome) {
    case "met":
      return Prisma.sql`(e."respondedAt" <= e."responseDueAt")`;
    case "missed":
      return Prisma.sql`(e."respondedAt" > e."responseDueAt" OR (e."respondedAt" IS NULL AND e."responseDueAt" <= COALESCE(e."endedAt", ${ts(now)})))`;
    case "pending":
      return Prisma.sql`(e."respondedAt" IS NULL AND e."endedAt" IS NULL AND e."responseDueAt" > ${ts(now)})`;
  }
}

/** Resolution: the engagement ended (handed back or resolved) by its due time; missed: later, or still open past it; pending: open, not yet due. */
export function resolutionOutcome(outcome: VendorOutcome, now: Date): Prisma.Sql {
  switch (outcome) {
    case "met":
      return Prisma.sql`(e."endedAt" <= e."resolutionDueAt")`;
    case "missed":
      return Prisma.sql`(e."endedAt" > e."resolutionDueAt" OR (e."endedAt" IS NULL AND e."resolutionDueAt" <= ${ts(now)}))`;
    case "pending":
      return Prisma.sql`(e."endedAt" IS NULL AND e."resolutionDueAt" > ${ts(now)})`;
  }
}

/**
 * Engagements started in the period, with the filters: category and organization of the ticket `t`, priority
 * of the engagement (the priority its targets were taken for), and optionally one L4 group by slug.
 */
export function engagementScope(range: MetricsRange, filters: Filters, group?: string): Prisma.Sql {
  const { priority, ...ticketFilters } = filters;
  return Prisma.join(
    [
      Prisma.sql`e."startedAt" >= ${ts(range.from)} AND e."startedAt" < ${ts(range.to)}`,
      ...(priority ? [Prisma.sql`e."priority" = CAST(${priority} AS "Priority")`] : []),
      ...(group ? [Prisma.sql`e."groupId" = (SELECT sg."id" FROM "SupportGroup" sg WHERE sg."slug" = ${group})`] : []),
      ...filterConditions(ticketFilters),
    ],
    " AND ",
  );
}

/** Does the ticket filter need the ticket row (category, organization)? */
const needsTicket = (filters: Filters) => Boolean(filters.category || filters.org);

/**
 * The L4 section in one statement: per L4 group and priority (and a total row: GROUPING SETS), engagements
 * started in the period, response and resolution met / missed / pending, engagements with no target, and the
 * time at the vendor (endedAt − startedAt) of the ended ones, exact median and 90th percentile
 * (percentile_cont); open ones are left out of the percentiles and counted in "open".
 */
export function vendorTargetsStatement(range: MetricsRange, filters: Filters, now: Date): Prisma.Sql {
  const count = (condition: Prisma.Sql) => Prisma.sql`count(*) FILTER (WHERE ${condition})::int`;
  const ticketJoin = needsTicket(filters) ? Prisma.sql`JOIN "Ticket" t ON t."id" = e."ticketId"` : Prisma.empty;
  return Prisma.sql`
    WITH figures AS (
      SELECT e."groupId", e."priority",
        count(*)::int AS "engagements",
        ${count(Prisma.sql`e."responseDueAt" IS NULL`)} AS "noTarget",
        ${count(responseOutcome("met", now))} AS "responseMet",
        ${count(responseOutcome("missed", now))} AS "responseMissed",
        ${count(responseOutcome("pending", now))} AS "responsePending",
        ${count(resolutionOutcome("met", now))} AS "resolutionMet",
        ${count(resolutionOutcome("missed", now))} AS "resolutionMissed",
        ${count(resolutionOutcome("pending", now))} AS "resolutionPending",
        ${count(Prisma.sql`e."endedAt" IS NULL`)} AS "open",
        percentile_cont(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM e."endedAt" - e."startedAt")::float8) AS "p50",
        percentile_cont(0.9) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM e."endedAt" - e."startedAt")::float8) AS "p90",
        GROUPING(e."groupId", e."priority") AS "grouping"
      FROM "VendorEngagement" e ${ticketJoin}
      WHERE ${engagementScope(range, filters)}
      GROUP BY GROUPING SETS ((e."groupId", e."priority"), ())
    )
    SELECT g."slug" AS "group", g."name" AS "groupName", f."priority"::text AS "priority", f."engagements", f."noTarget",
      f."responseMet", f."responseMissed", f."responsePending", f."resolutionMet", f."resolutionMissed", f."resolutionPending",
      f."open", f."p50"::float8 AS "p50", f."p90"::float8 AS "p90"
    FROM figures f LEFT JOIN "SupportGroup" g ON g."id" = f."groupId"
    WHERE f."grouping" = 0 OR f."engagements" > 0
    ORDER BY f."grouping", g."name", g."slug", f."priority"`;
}
