import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import type { DashboardQuery } from "@/lib/validation/dashboard";
import { filterConditions, ts } from "./conditions.sql";
import type { MetricsRange } from "./period";

/** Alerts that need a person (the Alert table), raised in a period: how many, how many acknowledged since, and how fast. */
export interface AlertFigures {
  raised: number;
  /** Of those raised in the period, acknowledged by now. */
  acknowledged: number;
  /** Median seconds from raised to acknowledged, over those acknowledged; null when none is. */
  medianSecondsToAcknowledge: number | null;
}

/** Alerts raised in the period whose ticket matches the filters, on the alias `a` (served by Alert_raisedAt_idx). */
function alertsRaisedCondition(range: MetricsRange, filters: Pick<DashboardQuery, "category" | "org" | "priority">): Prisma.Sql {
  return Prisma.join([Prisma.sql`a."raisedAt" >= ${ts(range.from)} AND a."raisedAt" < ${ts(range.to)}`, ...filterConditions(filters)], " AND ");
}

/** One aggregation over the period's alerts: counts and percentile_cont of the time to acknowledge. */
export async function getAlertFigures(range: MetricsRange, filters: Pick<DashboardQuery, "category" | "org" | "priority">): Promise<AlertFigures> {
  const [row] = await db().$queryRaw<[{ raised: number; acknowledged: number; median: number | null }]>`
    SELECT count(*)::int AS "raised", count(a."acknowledgedAt")::int AS "acknowledged",
      percentile_cont(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM (a."acknowledgedAt" - a."raisedAt"))::float8)
        FILTER (WHERE a."acknowledgedAt" IS NOT NULL) AS "median"
    FROM "Alert" a JOIN "Ticket" t ON t."id" = a."ticketId"
    WHERE ${alertsRaisedCondition(range, filters)}`;
  return { raised: row.raised, acknowledged: row.acknowledged, medianSecondsToAcknowledge: row.median === null ? null : Number(row.median) };
}
