import { Prisma } from "@/lib/db/generated/client";
import type { AgeBucket, DashboardMetric, DashboardQuery, VendorTargetMetric } from "@/lib/validation/dashboard";
import { OPEN_STATUSES } from "@/lib/validation/queue";
import type { MetricsRange } from "./period";

// The SQL definition of every dashboard figure, in one place. The aggregation counts them over a
// period's tickets; the drill-down list selects the tickets that match the same definition.

/** Events that move a ticket between tiers or tell of its SLA, as conditions on the event alias `e`. */
export const EVENT_FLAGS = {
  escalatedL1L2: Prisma.sql`(e."type" IN ('ESCALATED', 'AUTO_ESCALATED') AND e."fromTier" = 'L1' AND e."toTier" = 'L2')`,
  escalatedL2L3: Prisma.sql`(e."type" IN ('ESCALATED', 'AUTO_ESCALATED') AND e."fromTier" = 'L2' AND e."toTier" = 'L3')`,
  escalatedL3L4: Prisma.sql`(e."type" IN ('ESCALATED', 'AUTO_ESCALATED') AND e."fromTier" = 'L3' AND e."toTier" = 'L4')`,
  returned: Prisma.sql`(e."type" = 'RETURNED')`,
  reopened: Prisma.sql`(e."type" = 'STATUS_CHANGED' AND e."inputs"->>'from' = 'RESOLVED' AND e."inputs"->>'to' NOT IN ('RESOLVED', 'CLOSED'))`,
  updateLate: Prisma.sql`(e."type" = 'ALERT' AND e."rule" = 'sla.customer-update')`,
  /** L1→L2 with required SOP steps still open: by an override, or by the budget sweep (which is never held). */
  sopIncomplete: Prisma.sql`(e."type" IN ('ESCALATED', 'AUTO_ESCALATED') AND e."fromTier" = 'L1' AND e."toTier" = 'L2' AND jsonb_array_length(COALESCE(e."inputs"->'openRequiredSteps', '[]'::jsonb)) > 0)`,
  sopOverridden: Prisma.sql`(e."type" = 'ESCALATED' AND e."rule" = 'escalate.sop-override')`,
} as const;
export type EventFlag = keyof typeof EVENT_FLAGS;
export const EVENT_FLAG_NAMES = Object.keys(EVENT_FLAGS) as EventFlag[];
/** The event types the flags read: lets the aggregation use the (type, createdAt) index. */
export const FLAG_EVENT_TYPES = Prisma.sql`('ESCALATED', 'AUTO_ESCALATED', 'RETURNED', 'STATUS_CHANGED', 'ALERT')`;

/**
 * The sweep's alert that a resolution target was breached, on the event alias `e`: the trend counts breaches
 * on the day they happened (the ticket's due time is cleared once it is resolved, so the alert is the record).
 */
export const RESOLUTION_BREACH_ALERT = Prisma.sql`(e."type" = 'ALERT' AND e."rule" = 'sla.resolution-100')`;

/** How a condition reads an event flag: a column of a joined rollup, or an EXISTS over the ticket's events. */
export type FlagReader = (flag: EventFlag) => Prisma.Sql;

export const flagColumn: FlagReader = (flag) => Prisma.raw(`t."${flag}"`);
export const flagExists: FlagReader = (flag) =>
  Prisma.sql`EXISTS (SELECT 1 FROM "TicketEvent" e WHERE e."ticketId" = t."id" AND ${EVENT_FLAGS[flag]})`;

export const ts = (at: Date) => Prisma.sql`CAST(${at.toISOString()} AS timestamp(3))`;

/** Open statuses listed (not "NOT IN finished"), so the (status, id) and (tier, status, id) indexes serve the backlog. */
const OPEN = Prisma.sql`t."status" IN (${Prisma.raw(OPEN_STATUSES.map((status) => `'${status}'`).join(", "))})`;
const FINISHED = Prisma.sql`t."status" IN ('RESOLVED', 'CLOSED')`;

/** Tickets created in the period, with the filters: the set every period figure counts in. */
export function cohortCondition(range: MetricsRange, filters: Pick<DashboardQuery, "category" | "org" | "priority">): Prisma.Sql {
  return Prisma.join([Prisma.sql`t."createdAt" >= ${ts(range.from)} AND t."createdAt" < ${ts(range.to)}`, ...filterConditions(filters)], " AND ");
}

/** The category, organization and priority filters, on the ticket alias `t`. */
export function filterConditions(filters: Pick<DashboardQuery, "category" | "org" | "priority">): Prisma.Sql[] {
  return [
    ...(filters.category ? [Prisma.sql`t."categoryId" = (SELECT c."id" FROM "Category" c WHERE c."slug" = ${filters.category})`] : []),
    ...(filters.org ? [Prisma.sql`t."organizationId" = (SELECT o."id" FROM "Organization" o WHERE o."slug" = ${filters.org})`] : []),
    ...(filters.priority ? [Prisma.sql`t."priority" = CAST(${filters.priority} AS "Priority")`] : []),
  ];
}

/** Figures over the period's tickets, as conditions on `t` (the ticket, or the rollup carrying its flags). */
export type PeriodMetric = Exclude<DashboardMetric, "backlog" | "vendor" | "assigned" | "group-resolved" | "group-escalated-in" | "alerts-raised" | "alerts-acknowledged" | VendorTargetMetric>;

export function periodCondition(metric: PeriodMetric, flag: FlagReader, now: Date): Prisma.Sql {
  switch (metric) {
    case "opened":
      return Prisma.sql`TRUE`;
    case "resolved-l1":
      return Prisma.sql`(${FINISHED} AND t."resolvedAt" IS NOT NULL AND t."tier" = 'L1')`;
    case "first-contact":
      return Prisma.sql`(${FINISHED} AND t."resolvedAt" IS NOT NULL AND t."tier" = 'L1' AND NOT ${flag("escalatedL1L2")} AND NOT ${flag("reopened")})`;
    case "escalated-l1-l2":
      return flag("escalatedL1L2");
    case "escalated-l2-l3":
      return flag("escalatedL2L3");
    case "escalated-l3-l4":
      return flag("escalatedL3L4");
    case "returned":
      return flag("returned");
    case "reopened":
      return flag("reopened");
    case "resolved":
      return Prisma.sql`(t."resolvedAt" IS NOT NULL OR ${flag("reopened")})`;
    case "first-response-met":
      return Prisma.sql`(t."firstResponseMet" = TRUE)`;
    case "resolution-met":
      return Prisma.sql`(t."resolutionMet" = TRUE)`;
    case "update-on-time":
      return Prisma.sql`(NOT ${flag("updateLate")})`;
    case "first-response-breached":
      return Prisma.sql`(t."firstResponseMet" = FALSE OR (t."firstRespondedAt" IS NULL AND t."firstResponseDueAt" <= ${ts(now)}))`;
    case "resolution-breached":
      return Prisma.sql`(t."resolutionMet" = FALSE OR (t."resolvedAt" IS NULL AND ${OPEN} AND (t."slaAlertLevel" >= 100 OR t."resolutionDueAt" <= ${ts(now)})))`;
    case "update-late":
      return flag("updateLate");
    case "sop-complete":
      return Prisma.sql`(${flag("escalatedL1L2")} AND NOT ${flag("sopIncomplete")})`;
    case "sop-override":
      return flag("sopOverridden");
  }
}

/** Upper bounds of the backlog's age buckets, in seconds; "older" has none. */
export const AGE_BUCKET_SECONDS: Record<Exclude<AgeBucket, "older">, number> = { lt1h: 3600, lt4h: 4 * 3600, lt1d: 86_400, lt3d: 3 * 86_400 };

/** SQL: the age bucket of an open ticket at `now`, by its creation time. */
export function ageBucketExpression(now: Date): Prisma.Sql {
  const at = (seconds: number) => ts(new Date(now.getTime() - seconds * 1000));
  return Prisma.sql`CASE WHEN t."createdAt" > ${at(AGE_BUCKET_SECONDS.lt1h)} THEN 'lt1h' WHEN t."createdAt" > ${at(AGE_BUCKET_SECONDS.lt4h)} THEN 'lt4h'
    WHEN t."createdAt" > ${at(AGE_BUCKET_SECONDS.lt1d)} THEN 'lt1d' WHEN t."createdAt" > ${at(AGE_BUCKET_SECONDS.lt3d)} THEN 'lt3d' ELSE 'older' END`;
}

/** Open tickets now (the backlog), optionally one tier and age bucket. */
export function backlogCondition(now: Date, tier?: string, age?: AgeBucket): Prisma.Sql {
  return Prisma.join(
    [OPEN, ...(tier ? [Prisma.sql`t."tier" = CAST(${tier} AS "Tier")`] : []), ...(age ? [Prisma.sql`${ageBucketExpression(now)} = ${age}`] : [])],
    " AND ",
  );
}

/** Tickets waiting on an L4 vendor or engineering group now. */
export const VENDOR_CONDITION = Prisma.sql`(t."tier" = 'L4' AND ${OPEN})`;
