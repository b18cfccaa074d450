import { beforeAll, expect, it } from "vitest";
import type { Actor } from "@/lib/actor";
import { getEscalationMetrics } from "@/lib/metrics/get-escalation-metrics";
import type { EscalationMetrics } from "@/lib/metrics/escalation-metrics-types";
import { runSweep } from "@/lib/routing/sweep";
import { seedDemoData } from "@/lib/seed/demo-data";
import { actorFor } from "../fixtures/actors";
import { buildDashboardHistory, historyAt } from "../fixtures/dashboard-history";
import { expectPercentile } from "../fixtures/percentile";
import { describeEachDatabase } from "../fixtures/test-database";

const NOW = historyAt(600); // 2026-11-30 19:00
const DAY = { period: "custom", from: "2026-11-30", to: "2026-11-30" };
const MIN = 60;
const quiet = (day: string) => ({ day, opened: 0, escalatedL1L2: 0, escalatedL2L3: 0, escalatedL3L4: 0, resolutionBreached: 0 });

describeEachDatabase("dashboard trend per day and figures against the previous period", (database) => {
  let manager: Actor;
  let day: EscalationMetrics;

  beforeAll(async () => {
    await seedDemoData(database().db);
    manager = await actorFor(database().db, "manager");
    await buildDashboardHistory(database().db);
    // 17:20: the P2 resolution targets (8 h, due 17:00) of D, F and H, still open, are breached and alerted;
    // D, F and G, at L2 past its 120-minute budget, move on to L3.
    await runSweep(historyAt(500));
    day = await getEscalationMetrics(manager, DAY, NOW);
  });

  it("gives one row per UTC day with what happened on it, quiet days as 0", async () => {
    const { trend } = await getEscalationMetrics(manager, { period: "custom", from: "2026-11-28", to: "2026-12-01" }, NOW);
    expect(trend).toEqual([
      quiet("2026-11-28"),
      { ...quiet("2026-11-29"), opened: 1 }, // G
      {
        day: "2026-11-30",
        opened: 7, // A B C D E F H
        escalatedL1L2: 6, // F H at 10, B at 15, C at 20, D and G by the sweep at 35
        escalatedL2L3: 5, // H at 20, B at 45; D F G by the sweep at 500
        escalatedL3L4: 2, // H at 30, B at 60
        resolutionBreached: 4, // G (due the day before) alerted at 35; D F H at 500
      },
      quiet("2026-12-01"),
    ]);
  });

  it("applies the filters to the trend, and counts each day only within the period", async () => {
    const globex = await getEscalationMetrics(manager, { ...DAY, org: "globex" }, NOW);
    expect(globex.trend).toEqual([{ day: "2026-11-30", opened: 1, escalatedL1L2: 1, escalatedL2L3: 1, escalatedL3L4: 0, resolutionBreached: 1 }]); // F
    const p1 = await getEscalationMetrics(manager, { ...DAY, priority: "P1" }, NOW);
    expect(p1.trend).toEqual([quiet("2026-11-30")]);
    // Today up to 09:30: the tickets opened at 9:00 and the escalations at 9:10–9:20 only (H's to L4 at 9:30 is not before now).
    const morning = await getEscalationMetrics(manager, { period: "today" }, historyAt(30));
    expect(morning.trend).toEqual([{ day: "2026-11-30", opened: 7, escalatedL1L2: 4, escalatedL2L3: 1, escalatedL3L4: 0, resolutionBreached: 0 }]);
  });

  it("computes the previous period of the same length with the same figures", () => {
    expect(day.previousPeriod.from).toBe("2026-11-29T00:00:00.000Z");
    expect(day.previousPeriod.to).toBe("2026-11-30T00:00:00.000Z");
    // The day before: G only, escalated by the sweep and past its resolution target.
    expect(day.previousPeriod.funnel).toMatchObject({ opened: 1, resolved: 0, escalatedL1L2: 1, rates: { firstContactResolution: 0, escalatedL1L2: 1 } });
    expect(day.previousPeriod.sla.total).toMatchObject({ opened: 1, resolutionBreached: 1 });
    expect(day.previousPeriod.timeToResolve).toEqual({ mean: null, median: null, p90: null });
  });

  it("sets each key figure against the previous period with its change and whether that is good news", () => {
    const figures = Object.fromEntries(day.keyFigures.map((f) => [f.id, f]));
    expect(day.keyFigures.map((f) => f.id)).toEqual(["opened", "resolved", "firstContactResolution", "escalationRate", "resolutionBreached", "medianTimeToResolve"]);
    expect(figures.opened).toMatchObject({ current: 7, previous: 1, delta: 6, change: "up", verdict: "neutral" });
    expect(figures.resolved).toMatchObject({ current: 4, previous: 0, delta: 4, change: "up", verdict: "better" });
    expect(figures.firstContactResolution).toMatchObject({ current: 1 / 7, previous: 0, delta: 0.143, change: "up", verdict: "better" });
    expect(figures.escalationRate).toMatchObject({ current: 5 / 7, previous: 1, delta: -0.286, change: "down", verdict: "better" });
    expect(figures.resolutionBreached).toMatchObject({ current: 3, previous: 1, delta: 2, change: "up", verdict: "worse" });
    // A 20, B 90, C 50, E 25 minutes; nothing was resolved of the day before's tickets.
    expect(figures.medianTimeToResolve).toMatchObject({ previous: null, delta: null, change: "no-comparison", verdict: "no-comparison" });
    expectPercentile(figures.medianTimeToResolve!.current, 37.5 * MIN);
  });
});
