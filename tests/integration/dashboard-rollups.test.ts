import { beforeAll, expect, it } from "vitest";
import type { Actor } from "@/lib/actor";
import { Prisma } from "@/lib/db/generated/client";
import { dashboardStatements } from "@/lib/metrics/dashboard.sql";
import { recountStatements } from "@/lib/metrics/dashboard-recount.sql";
import { getEscalationMetrics } from "@/lib/metrics/get-escalation-metrics";
import { histogramPercentile } from "@/lib/metrics/histogram";
import { resolvePeriod } from "@/lib/metrics/period";
import { seedDemoData } from "@/lib/seed/demo-data";
import type { DashboardQuery } from "@/lib/validation/dashboard";
import { actorFor } from "../fixtures/actors";
import { expectPercentile } from "../fixtures/percentile";
import { buildRandomHistory, type RandomHistory } from "../fixtures/random-history";
import { describeEachDatabase } from "../fixtures/test-database";

// The daily rollups (migration dashboard_rollups) against a recount from the tickets, after a random but
// reproducible history (seeded) of every kind of write: the rollup tables equal a rebuild from scratch,
// and every dashboard figure read through them equals the same figure counted straight from the tickets
// by the definitions of lib/metrics/conditions.ts (lib/metrics/dashboard-recount.sql.ts).

const SEED = 18;
const START = new Date("2026-10-05T07:40:00Z");
const STEPS = 260;
/** Building the history takes a minute or two on PGlite, more on a busy machine. */
const HISTORY_TIMEOUT = 900_000;

type Row = Record<string, unknown>;
type Query = Pick<DashboardQuery, "period" | "from" | "to" | "category" | "org" | "priority">;

/** What the rollup tables hold: each key's rows summed (histograms per bucket), keys that sum to nothing left out. */
const SNAPSHOT = Prisma.sql`
  SELECT 'cohort' AS "table", to_jsonb(r) AS "row" FROM (
    SELECT "day", "priority", "categoryId", "organizationId", "channel", sum("opened") AS "opened", sum("resolvedAtL1") AS "resolvedAtL1",
      sum("firstContactResolved") AS "fcr", sum("escalatedL1L2") AS "e12", sum("escalatedL2L3") AS "e23", sum("escalatedL3L4") AS "e34",
      sum("returned") AS "returned", sum("reopened") AS "reopened", sum("resolved") AS "resolved", sum("firstResponseMet") AS "frm",
      sum("firstResponseBreached") AS "frb", sum("resolutionMet") AS "rm", sum("resolutionBreached") AS "rb", sum("updateLate") AS "late",
      sum("sopComplete") AS "sop", sum("sopOverride") AS "override", sum("l1Seconds") AS "l1", sum("l2Seconds") AS "l2", sum("l3Seconds") AS "l3",
      sum("l4Seconds") AS "l4", sum("resolvedTimed") AS "timed", sum("resolveMs") AS "ms"
    FROM "DashboardCohortDay" GROUP BY 1, 2, 3, 4, 5 HAVING sum("opened") <> 0) r
  UNION ALL
  SELECT 'duration', to_jsonb(r) FROM (
    SELECT h."scope", h."day", h."priority", h."categoryId", h."organizationId", u.m, u.b, sum(u.n) AS n
    FROM "DashboardDurationDay" h CROSS JOIN LATERAL unnest(h."measures", h."buckets", h."counts") AS u(m, b, n)
    GROUP BY 1, 2, 3, 4, 5, 6, 7 HAVING sum(u.n) <> 0) r
  UNION ALL
  SELECT 'event', to_jsonb(r) FROM (
    SELECT "day", "priority", "categoryId", "organizationId", "toGroup", "previousAt", sum("escalatedL1L2") AS "e12", sum("escalatedL2L3") AS "e23",
      sum("escalatedL3L4") AS "e34", sum("escalations") AS "escalations", sum("resolutionBreached") AS "breached"
    FROM "DashboardEventDay" GROUP BY 1, 2, 3, 4, 5, 6
    HAVING sum("escalatedL1L2") <> 0 OR sum("escalatedL2L3") <> 0 OR sum("escalatedL3L4") <> 0 OR sum("escalations") <> 0 OR sum("resolutionBreached") <> 0) r
  UNION ALL
  SELECT 'resolved', to_jsonb(r) FROM (
    SELECT "day", "groupId", "priority", "categoryId", "organizationId", sum("resolved") AS "resolved"
    FROM "DashboardResolvedDay" GROUP BY 1, 2, 3, 4, 5 HAVING sum("resolved") <> 0) r
  ORDER BY 1, 2`;

const UNFOLDED = Prisma.sql`
  SELECT (SELECT count(*) FROM "DashboardCohortDay" WHERE NOT "folded") + (SELECT count(*) FROM "DashboardDurationDay" WHERE NOT "folded")
    + (SELECT count(*) FROM "DashboardEventDay" WHERE NOT "folded") + (SELECT count(*) FROM "DashboardResolvedDay" WHERE NOT "folded") AS "rows"`;

describeEachDatabase("dashboard rollups against a recount from the tickets", (database) => {
  let manager: Actor;
  let history: RandomHistory;
  const query = <T = Row>(sql: Prisma.Sql) => database().db.$queryRaw<T[]>(sql);

  beforeAll(async () => {
    await seedDemoData(database().db);
    manager = await actorFor(database().db, "manager");
    history = await buildRandomHistory(database().db, SEED, START, STEPS);
  }, HISTORY_TIMEOUT);

  it("ran a history with every kind of change", () => {
    for (const kind of ["portal intake", "intake on behalf", "claim", "public reply", "escalate", "return", "resolve", "reopen", "customer reopens", "customer confirms", "reclassify", "sweep", "set-based reopen", "set-based resolve"]) {
      expect(history.done[kind] ?? 0, kind).toBeGreaterThan(0);
    }
  });

  it("keeps the rollups equal to a rebuild from scratch, before and after folding their rows", async () => {
    const kept = await query(SNAPSHOT);
    expect(kept.length).toBeGreaterThan(100);
    const [unfolded] = await query<{ rows: bigint }>(UNFOLDED);
    expect(Number(unfolded!.rows)).toBeGreaterThan(0);
    await database().db.$executeRaw`SELECT "dashboard_rollups_fold"()`;
    expect(Number((await query<{ rows: bigint }>(UNFOLDED))[0]!.rows)).toBe(0);
    expect(await query(SNAPSHOT)).toEqual(kept);
    await database().db.$executeRaw`SELECT "dashboard_rollups_rebuild"()`;
    expect(await query(SNAPSHOT)).toEqual(kept);
  });

  const nows = () => [history.end, new Date(history.end.getTime() - 2 * 86_400_000 - 5 * 3_600_000)];
  const queries = (now: Date): Query[] => {
    const day = (daysBack: number) => new Date(now.getTime() - daysBack * 86_400_000).toISOString().slice(0, 10);
    return [
      { period: "today" },
      { period: "7d" },
      { period: "30d" },
      { period: "365d" },
      { period: "custom", from: day(12), to: day(3) },
      { period: "custom", from: day(1), to: day(1) },
      { period: "30d", category: "platform" },
      { period: "30d", org: "acme" },
      { period: "30d", priority: "P3" },
      { period: "7d", org: "globex", category: "access" },
      { period: "365d", priority: "P2", org: "acme" },
    ];
  };

  it("counts every period figure, per priority, category and channel, as the tickets do", async () => {
    for (const now of nows()) {
      for (const q of queries(now)) {
        const range = resolvePeriod(q, now);
        const rolled = dashboardStatements(range, q, now);
        const recount = recountStatements(range, q, now);
        const key = (r: Row) => `${r.groupedBy} ${r.priority} ${r.categoryId} ${r.channel}`;
        const counted = (rows: Row[]) =>
          Object.fromEntries(
            rows.filter((r) => (r.opened as number) > 0).map((r) => [key(r), Object.fromEntries(Object.entries(r).filter(([k]) => !/Mean$|Median$|P90$|^durations$/.test(k)))]),
          );
        const [period, exact] = [await query(rolled.period), await query(recount.period)];
        expect(counted(period), JSON.stringify(q)).toEqual(counted(exact));
        expect(counted(await query(rolled.previousPeriod)), JSON.stringify(q)).toEqual(counted(await query(recount.previousPeriod)));
        const total = period.find((r) => r.groupedBy === "total");
        const exactTotal = exact.find((r) => r.groupedBy === "total");
        for (const name of ["l1", "l2", "l3", "l4", "resolve"]) {
          const [mean, exactMean] = [total?.[`${name}Mean`] as number | null, exactTotal?.[`${name}Mean`] as number | null];
          if (exactMean === null || exactMean === undefined) expect(mean ?? null).toBeNull();
          else expect(mean).toBeCloseTo(exactMean, 6);
        }
      }
    }
  });

  // At the end of the history every running clock has run forward; read at an earlier instant, a clock that
  // started later reads negative, and between a negative and a positive value 1 % of the result means nothing.
  it("reads each median and 90th percentile within 1 % of the exact one", async () => {
    let compared = 0;
    for (const now of [history.end]) {
      for (const q of queries(now)) {
        const range = resolvePeriod(q, now);
        const total = (await query(dashboardStatements(range, q, now).period)).find((r) => r.groupedBy === "total");
        const histogram = (total?.durations ?? []) as [string, number, number][];
        const exact = (await query(recountStatements(range, q, now).period)).find((r) => r.groupedBy === "total");
        for (const [name, measure] of [["l1", "L1"], ["l2", "L2"], ["l3", "L3"], ["l4", "L4"], ["resolve", "RESOLVE"]] as const) {
          const buckets = histogram.filter(([m]) => m === measure).map(([, bucket, count]) => ({ bucket, count }));
          for (const [stat, quantile] of [["Median", 0.5], ["P90", 0.9]] as const) {
            const value = exact?.[`${name}${stat}`] as number | null | undefined;
            if (value === null || value === undefined) expect(histogramPercentile(buckets, quantile)).toBeNull();
            else {
              const n = buckets.reduce((sum, b) => sum + b.count, 0);
              expectPercentile(histogramPercentile(buckets, quantile), value, `${JSON.stringify(q)} at ${now.toISOString()}: ${name}${stat} of ${n} ${JSON.stringify(buckets)}`);
              compared++;
            }
          }
        }
      }
    }
    expect(compared).toBeGreaterThan(50);
  });

  it("gives the same trend per day and the same throughput per group", async () => {
    for (const now of nows()) {
      for (const q of queries(now)) {
        const range = resolvePeriod(q, now);
        const rolled = dashboardStatements(range, q, now);
        const recount = recountStatements(range, q, now);
        expect(await query(rolled.trend), JSON.stringify(q)).toEqual(await query(recount.trend));
        expect(await query(rolled.groups), JSON.stringify(q)).toEqual(await query(recount.groups));
      }
    }
  });

  it("counts every ticket opened in the period for the deflection rate, whatever the filters", async () => {
    for (const now of nows()) {
      for (const q of queries(now)) {
        const range = resolvePeriod(q, now);
        const [{ opened }] = (await query<{ opened: number }>(dashboardStatements(range, q, now).opened)) as [{ opened: number }];
        const exact = await database().db.ticket.count({ where: { createdAt: { gte: range.from, lt: range.to } } });
        expect(opened).toBe(exact);
      }
    }
  });

  it("serves the dashboard from them: the 30 days' funnel as the tickets count it", async () => {
    const metrics = await getEscalationMetrics(manager, { period: "30d" }, history.end);
    const [exact] = (await query(recountStatements(resolvePeriod({ period: "30d" }, history.end), {}, history.end).period)).filter((r) => r.groupedBy === "total");
    expect(metrics.funnel.opened).toBe(exact!.opened);
    expect(metrics.funnel.escalatedL1L2).toBe(exact!.escalatedL1L2);
    expect(metrics.funnel.resolved).toBe(exact!.resolved);
    expect(metrics.sla.total.resolutionBreached).toBe(exact!.resolutionBreached);
    expectPercentile(metrics.timeInTier.toResolve.median, exact!.resolveMedian as number);
  });
});
