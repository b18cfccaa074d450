import { beforeAll, expect, it } from "vitest";
import type { z } from "zod";
import { recordDeflection } from "@/lib/kb/record-deflection";
import { rateTicket } from "@/lib/tickets/rate-ticket";
import type { Actor } from "@/lib/actor";
import { findMetricTickets } from "@/lib/metrics/find-metric-tickets";
import { getEscalationMetrics } from "@/lib/metrics/get-escalation-metrics";
import type { EscalationMetrics } from "@/lib/metrics/escalation-metrics-types";
import { seedDemoData } from "@/lib/seed/demo-data";
import type { ZMetricTicketsQuery } from "@/lib/validation/dashboard";
import { actorFor } from "../fixtures/actors";
import { buildDashboardHistory, historyAt, type DashboardHistory } from "../fixtures/dashboard-history";
import { expectPercentile } from "../fixtures/percentile";
import { describeEachDatabase } from "../fixtures/test-database";

const NOW = historyAt(600); // 19:00, ten hours in
const DAY = { period: "custom", from: "2026-11-30", to: "2026-11-30" };
const MIN = 60;

describeEachDatabase("manager dashboard figures on a known history", (database) => {
  let manager: Actor;
  let history: DashboardHistory;
  let all: EscalationMetrics;

  beforeAll(async () => {
    await seedDemoData(database().db);
    manager = await actorFor(database().db, "manager");
    history = await buildDashboardHistory(database().db);
    all = await getEscalationMetrics(manager, DAY, NOW);
  });

  it("counts the escalation funnel of the tickets opened in the period, with each rate a share of those opened (reopened: of those resolved)", () => {
    const { rates, ...counts } = all.funnel;
    expect(counts).toEqual({
      opened: 7, // A B C D E F H; G was opened the day before
      resolvedAtL1: 3, // A C E
      firstContactResolved: 1, // A (C was escalated, E reopened)
      escalatedL1L2: 5, // B C D F H
      escalatedL2L3: 2, // B H
      escalatedL3L4: 2, // B H
      returned: 2, // C (L2 → L1), B (vendor reply L4 → L3)
      reopened: 1, // E
      resolved: 4, // A B C E
    });
    expect(rates).toEqual({
      resolvedAtL1: 3 / 7,
      firstContactResolution: 1 / 7,
      escalatedL1L2: 5 / 7,
      escalatedL2L3: 2 / 7,
      escalatedL3L4: 2 / 7,
      returned: 2 / 7,
      reopened: 1 / 4,
    });
  });

  it("measures SLA compliance per priority: first response, resolution and customer updates", () => {
    const p2 = all.sla.byPriority.find((r) => r.priority === "P2");
    expect(p2).toEqual({
      priority: "P2",
      opened: 7,
      firstResponseMet: 2, // A replied at 10, E resolved at 10 (due 30)
      firstResponseBreached: 5, // B replied at 50, C resolved at 50 unanswered, D F H never answered
      firstResponseRate: 2 / 7,
      resolutionMet: 4, // A B C E
      resolutionBreached: 3, // D F H open past 8 h
      resolutionRate: 4 / 7,
      updatesOnTime: 4,
      updatesLate: 3, // D F H flagged by the sweep at 100
      updatesRate: 4 / 7,
    });
    expect(all.sla.byPriority.filter((r) => r.priority !== "P2").every((r) => r.opened === 0 && r.firstResponseRate === null)).toBe(true);
    expect(all.sla.total).toMatchObject({ priority: "all", opened: 7, firstResponseBreached: 5, resolutionBreached: 3, updatesLate: 3 });
  });

  it("gives the exact mean, and the median and 90th percentile within 1 %, of the time in each tier and to resolve", () => {
    // L1: A 20, B 15, C 20+10, D 35, E 10+10, F 10, H 10 minutes.
    const l1 = [20, 15, 30, 35, 20, 10, 10].map((m) => m * MIN).sort((x, y) => x - y);
    expect(all.timeInTier.L1.mean).toBeCloseTo(l1.reduce((s, v) => s + v, 0) / 7, 6);
    expectPercentile(all.timeInTier.L1.p90, l1[5]! + 0.4 * (l1[6]! - l1[5]!));
    // L2: B 30, C 20, H 10 (done); D since 35 and F since 10 still running at 600.
    const l2 = [30, 20, 10, 565, 590].map((m) => m * MIN).sort((x, y) => x - y);
    expect(all.timeInTier.L2.mean).toBeCloseTo(l2.reduce((s, v) => s + v, 0) / 5, 6);
    expectPercentile(all.timeInTier.L2.p90, l2[3]! + 0.6 * (l2[4]! - l2[3]!));
    // L3: B 15 + 10, H 10. L4: B 20 (vendor), H since 30 → 570.
    expect(all.timeInTier.L3.mean).toBe(17.5 * MIN);
    expectPercentile(all.timeInTier.L3.median, 17.5 * MIN);
    expectPercentile(all.timeInTier.L3.p90, 10 * MIN + 0.9 * 15 * MIN);
    expect(all.timeInTier.L4.mean).toBe(295 * MIN);
    expectPercentile(all.timeInTier.L4.median, 295 * MIN);
    expectPercentile(all.timeInTier.L4.p90, 20 * MIN + 0.9 * 550 * MIN);
    // To resolve: A 20, B 90, C 50, E 25.
    expect(all.timeInTier.toResolve.mean).toBeCloseTo(46.25 * MIN, 6);
    expectPercentile(all.timeInTier.toResolve.median, 37.5 * MIN);
    expectPercentile(all.timeInTier.toResolve.p90, (50 + 0.7 * 40) * MIN);
  });

  it("shows the backlog now by tier and age, and the tickets waiting on L4 with their clocks", () => {
    const backlog = Object.fromEntries(all.backlog.map((b) => [b.tier, b]));
    expect(backlog.L1!.total).toBe(0);
    expect(backlog.L2!.buckets).toEqual({ lt1h: 0, lt4h: 0, lt1d: 2, lt3d: 1, older: 0 }); // D F (10 h), G (34 h)
    expect(backlog.L4!.buckets).toEqual({ lt1h: 0, lt4h: 0, lt1d: 1, lt3d: 0, older: 0 }); // H
    expect(all.vendorWaits).toEqual({
      total: 1,
      tickets: [{ number: history.atVendor, priority: "P2", group: "Architecture", kind: "ENGINEERING", externalReference: "ARCH-1", vendorSeconds: 570 * MIN, running: true }],
    });
  });

  it("lists agent load from the triggers' counters and per-group throughput in the period", () => {
    const load = Object.fromEntries(all.agentLoad.map((a) => [a.userId, a]));
    // D F G sit with l2agent (auto-assign), H with its L3 coordinator; P2 weighs 4.
    expect(load.l2agent).toMatchObject({ openTickets: 3, openLoad: 12 });
    expect(load.l3agent).toMatchObject({ openTickets: 1, openLoad: 4 });
    expect(load.l1agent).toMatchObject({ openTickets: 0, openLoad: 0 });
    const groups = Object.fromEntries(all.groupThroughput.map((g) => [g.slug, g]));
    expect(groups["service-desk"]).toMatchObject({ resolved: 3, escalatedIn: 0 }); // A C E; a return is no escalation
    expect(groups["platform-support"]).toMatchObject({ resolved: 0, escalatedIn: 6 }); // B C D F H + G (sweep at 35)
    expect(groups["engineering-support"]).toMatchObject({ resolved: 1, escalatedIn: 2 }); // B; B H in
    expect(groups["cloud-vendor"]).toMatchObject({ resolved: 0, escalatedIn: 1 });
    expect(groups.architecture).toMatchObject({ resolved: 0, escalatedIn: 1 });
  });

  it("ranks categories by escalation rate with their SOP article", () => {
    expect(all.topCategories).toEqual([
      {
        slug: "platform",
        name: expect.any(String),
        opened: 7,
        escalated: 5,
        escalationRate: 5 / 7,
        sop: { slug: expect.any(String), title: expect.any(String) },
        // The platform SOP has no required step: every escalation followed it.
        sopComplete: 5,
        sopCompletionRate: 1,
        sopOverridden: 0,
        sopOverrideRate: 0,
      },
    ]);
    expect(all.deflections).toEqual({ deflections: 0, rate: 0 });
    expect(all.satisfaction).toEqual({ average: null, distribution: [1, 2, 3, 4, 5].map((rating) => ({ rating, count: 0 })) });
  });

  it("counts self-service deflections among the period's contacts, and the satisfaction ratings given in it", async () => {
    const carla = await actorFor(database().db, "C1001");
    await recordDeflection(carla, "help-platform", { query: "dashboard 500" }, historyAt(100));
    await rateTicket(carla, history.resolvedFirstContact, { score: 5 }, historyAt(101));
    await rateTicket(carla, history.returnedThenResolved, { score: 2, comment: "Slow." }, historyAt(102));
    const withFeedback = await getEscalationMetrics(manager, DAY, NOW);
    expect(withFeedback.deflections).toEqual({ deflections: 1, rate: 1 / 8 });
    expect(withFeedback.satisfaction).toEqual({
      average: 3.5,
      distribution: [1, 2, 3, 4, 5].map((rating) => ({ rating, count: rating === 5 || rating === 2 ? 1 : 0 })),
    });
    const dayBefore = await getEscalationMetrics(manager, { period: "custom", from: "2026-11-29", to: "2026-11-29" }, NOW);
    expect(dayBefore.deflections?.deflections).toBe(0);
    expect(dayBefore.satisfaction?.average).toBeNull();
  });

  it("applies the organization and priority filters to the period's figures", async () => {
    const acme = await getEscalationMetrics(manager, { ...DAY, org: "acme" }, NOW);
    expect(acme.funnel).toMatchObject({ opened: 6, escalatedL1L2: 4 });
    expect(acme.backlog.find((b) => b.tier === "L2")!.total).toBe(2); // D and G; F is Globex
    const p1 = await getEscalationMetrics(manager, { ...DAY, priority: "P1" }, NOW);
    expect(p1.funnel.opened).toBe(0);
    expect(p1.funnel.rates.escalatedL1L2).toBeNull();
    const before = await getEscalationMetrics(manager, { period: "custom", from: "2026-11-29", to: "2026-11-29" }, NOW);
    expect(before.funnel).toMatchObject({ opened: 1, escalatedL1L2: 1 }); // G
  });

  it("drills down to exactly the tickets behind a figure, by the same definition", async () => {
    const numbers = async (query: Omit<z.input<typeof ZMetricTicketsQuery>, keyof typeof DAY>) => (await findMetricTickets(manager, { ...DAY, ...query }, NOW)).rows.map((r) => r.number).sort();
    const sorted = (...n: string[]) => n.sort();
    const h = history;
    expect(await numbers({ metric: "escalated-l2-l3" })).toEqual(sorted(h.throughAllTiers, h.atVendor));
    expect(await numbers({ metric: "escalated-l1-l2", org: "acme" })).toEqual(sorted(h.throughAllTiers, h.returnedThenResolved, h.autoEscalated, h.atVendor));
    expect(await numbers({ metric: "first-contact" })).toEqual([h.resolvedFirstContact]);
    expect(await numbers({ metric: "resolved-l1" })).toEqual(sorted(h.resolvedFirstContact, h.returnedThenResolved, h.reopened));
    expect(await numbers({ metric: "returned" })).toEqual(sorted(h.throughAllTiers, h.returnedThenResolved));
    expect(await numbers({ metric: "reopened" })).toEqual([h.reopened]);
    expect(await numbers({ metric: "first-response-breached" })).toEqual(
      sorted(h.throughAllTiers, h.returnedThenResolved, h.autoEscalated, h.otherOrganization, h.atVendor),
    );
    expect(await numbers({ metric: "resolution-breached" })).toEqual(sorted(h.autoEscalated, h.otherOrganization, h.atVendor));
    expect(await numbers({ metric: "update-late" })).toEqual(sorted(h.autoEscalated, h.otherOrganization, h.atVendor));
    expect(await numbers({ metric: "backlog", tier: "L2", age: "lt1d" })).toEqual(sorted(h.autoEscalated, h.otherOrganization));
    expect(await numbers({ metric: "backlog", tier: "L2", age: "lt3d" })).toEqual([h.beforePeriod]);
    expect(await numbers({ metric: "vendor" })).toEqual([h.atVendor]);
    const page = await findMetricTickets(manager, { ...DAY, metric: "opened" }, NOW);
    expect(page.rows).toHaveLength(7);
    expect(page.nextCursor).toBeNull();
    expect(page.rows[0]).toMatchObject({ number: h.atVendor, tier: "L4", status: "PENDING_VENDOR", group: "Architecture", createdAt: historyAt(0).toISOString() });
  });

  it("refuses agents and customers", async () => {
    for (const userId of ["l1agent", "C1001"]) {
      const actor = await actorFor(database().db, userId);
      await expect(getEscalationMetrics(actor, DAY, NOW)).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(findMetricTickets(actor, { ...DAY, metric: "opened" }, NOW)).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
  });
});
