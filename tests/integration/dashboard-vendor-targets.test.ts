// The dashboard's L4 section (issue 19 §2): engagements with L4 groups started in the period, per group and
// priority, against the groups' targets (response and resolution met / missed / pending), the time at the vendor
// (exact median and 90th percentile of the ended ones), and the tickets behind each count. The engagements are
// made by the real services with injected times; the demo's cloud vendor has P1 30 min / 4 h and P2 1 h / 8 h
// targets on 24×7, architecture has none.
import { beforeAll, expect, it } from "vitest";
import type { Actor } from "@/lib/actor";
import { findMetricTickets } from "@/lib/metrics/find-metric-tickets";
import { getEscalationMetrics } from "@/lib/metrics/get-escalation-metrics";
import type { EscalationMetrics } from "@/lib/metrics/escalation-metrics-types";
import { assignTicket } from "@/lib/routing/assign";
import { escalateTicket } from "@/lib/routing/escalate";
import { returnTicket } from "@/lib/routing/return";
import { recordVendorResponse } from "@/lib/routing/vendor-response";
import { seedDemoData } from "@/lib/seed/demo-data";
import { createTicket } from "@/lib/tickets/create-ticket";
import type { DashboardMetric } from "@/lib/validation/dashboard";
import { actorFor } from "../fixtures/actors";
import { describeEachDatabase } from "../fixtures/test-database";

const T0 = Date.parse("2026-03-02T08:00:00Z");
const t = (minutes: number) => new Date(T0 + minutes * 60_000);
const NOW = t(720); // 20:00
const DAY = { period: "custom", from: "2026-03-02", to: "2026-03-02" };
const MIN = 60;

describeEachDatabase("dashboard: L4 vendor targets per group and priority", (database) => {
  let manager: Actor;
  let l3: Actor;
  let acme: Actor;
  let all: EscalationMetrics;
  const n: Record<string, string> = {};

  /** A ticket handed off by l3agent to `group` at minute `start` (created 2 minutes before). */
  const handedOff = async (name: string, start: number, urgency: "HIGH" | "MEDIUM", group = "cloud-vendor") => {
    const { number } = await createTicket(acme, { type: "INCIDENT", title: `Vendor ${name}`, description: "Down.", category: "platform", impact: "HIGH", urgency }, t(start - 2));
    await assignTicket(manager, number, { userId: "l3agent", group: "engineering-support" }, t(start - 1));
    await escalateTicket(l3, number, { reason: "The vendor's service fails", summary: "Logs attached", toGroup: group, externalReference: `CASE-${name}` }, t(start));
    n[name] = number;
    return number;
  };
  const handBack = (number: string, at: number) => returnTicket(l3, number, { guidance: "The vendor replied; verify with the customer." }, t(at));

  beforeAll(async () => {
    await seedDemoData(database().db);
    manager = await actorFor(database().db, "manager");
    l3 = await actorFor(database().db, "l3agent");
    acme = await actorFor(database().db, "C1001");

    // Cloud vendor, P1 (response due +30, resolution due +240).
    const a = await handedOff("A", 2, "HIGH"); // responds at 20 (met), back at 100 (met): 98 min
    await recordVendorResponse(l3, a, {}, t(20));
    await handBack(a, 100);
    const b = await handedOff("B", 2, "HIGH"); // responds at 50 (missed), back at 300 (missed): 298 min
    await recordVendorResponse(l3, b, {}, t(50));
    await handBack(b, 300);
    await handedOff("C", 2, "HIGH"); // never responds, still open at 720: both missed, open
    const g = await handedOff("G", 2, "HIGH"); // back at 10 with no response recorded: response neither; resolution met; 8 min
    await handBack(g, 10);
    // Cloud vendor, P2 (response due +60, resolution due +480).
    const d = await handedOff("D", 2, "MEDIUM"); // responds at 30 (met), back at 200 (met): 198 min
    await recordVendorResponse(l3, d, {}, t(30));
    await handBack(d, 200);
    await handedOff("E", 692, "MEDIUM"); // 19:32: both pending at 20:00, open
    // Architecture has no targets: counted, not measured; back at 60: 58 min.
    const f = await handedOff("F", 2, "HIGH", "architecture");
    await handBack(f, 60);
    // The day before: outside the period.
    await handedOff("H", -600, "HIGH");

    all = await getEscalationMetrics(manager, DAY, NOW);
  });

  const row = (m: EscalationMetrics, group: string, priority: string) => m.vendorTargets.rows.find((r) => r.group?.slug === group && r.priority === priority);

  it("counts response and resolution against each group's target per priority, with the pending ones and those without a target", () => {
    expect(all.vendorTargets.rows.map((r) => `${r.group?.slug} ${r.priority}`)).toEqual(["architecture P1", "cloud-vendor P1", "cloud-vendor P2"]);
    expect(row(all, "cloud-vendor", "P1")).toMatchObject({
      group: { slug: "cloud-vendor", name: "Cloud Vendor" },
      engagements: 4, // A B C G
      noTarget: 0,
      response: { met: 1, missed: 2, pending: 0, rate: 1 / 3 }, // A; B late, C never; G ended before due without one
      resolution: { met: 2, missed: 2, pending: 0, rate: 2 / 4 }, // A G; B late, C open past due
      timeAtVendor: { ended: 3, open: 1 },
    });
    expect(row(all, "cloud-vendor", "P2")).toMatchObject({
      engagements: 2, // D E
      response: { met: 1, missed: 0, pending: 1, rate: 1 },
      resolution: { met: 1, missed: 0, pending: 1, rate: 1 },
      timeAtVendor: { ended: 1, open: 1, p50: 198 * MIN, p90: 198 * MIN },
    });
    expect(row(all, "architecture", "P1")).toMatchObject({
      engagements: 1,
      noTarget: 1,
      response: { met: 0, missed: 0, pending: 0, rate: null },
      resolution: { met: 0, missed: 0, pending: 0, rate: null },
      timeAtVendor: { ended: 1, open: 0, p50: 58 * MIN, p90: 58 * MIN },
    });
    expect(all.vendorTargets.total).toMatchObject({
      group: null,
      priority: null,
      engagements: 7,
      noTarget: 1,
      response: { met: 2, missed: 2, pending: 1, rate: 2 / 4 },
      resolution: { met: 3, missed: 2, pending: 1, rate: 3 / 5 },
      timeAtVendor: { ended: 5, open: 2 },
    });
  });

  it("gives the exact median and 90th percentile of the time at the vendor, open engagements left out", () => {
    // Cloud vendor P1 ended: G 8, A 98, B 298 minutes; C is open.
    const p1 = row(all, "cloud-vendor", "P1")!.timeAtVendor;
    expect(p1.p50).toBeCloseTo(98 * MIN, 6);
    expect(p1.p90).toBeCloseTo((98 + 0.8 * 200) * MIN, 6);
    // All ended: 8, 58, 98, 198, 298 minutes.
    const total = all.vendorTargets.total.timeAtVendor;
    expect(total.p50).toBeCloseTo(98 * MIN, 6);
    expect(total.p90).toBeCloseTo((198 + 0.6 * 100) * MIN, 6);
  });

  it("applies the period and the priority filter (the engagement's priority)", async () => {
    const p2 = await getEscalationMetrics(manager, { ...DAY, priority: "P2" }, NOW);
    expect(p2.vendorTargets.rows.map((r) => `${r.group?.slug} ${r.priority}`)).toEqual(["cloud-vendor P2"]);
    expect(p2.vendorTargets.total.engagements).toBe(2);
    const dayBefore = await getEscalationMetrics(manager, { period: "custom", from: "2026-03-01", to: "2026-03-01" }, NOW);
    expect(dayBefore.vendorTargets.rows).toMatchObject([{ group: { slug: "cloud-vendor" }, priority: "P1", engagements: 1, response: { missed: 1 }, timeAtVendor: { open: 1 } }]);
    const quiet = await getEscalationMetrics(manager, { period: "custom", from: "2026-02-01", to: "2026-02-01" }, NOW);
    expect(quiet.vendorTargets).toMatchObject({ rows: [], total: { engagements: 0, response: { rate: null }, timeAtVendor: { p50: null, p90: null } } });
  });

  it("drills down to the tickets behind each count, by the same definition", async () => {
    const list = async (metric: DashboardMetric, extra: Record<string, string> = {}) =>
      (await findMetricTickets(manager, { ...DAY, metric, ...extra }, NOW)).rows.map((r) => r.number).sort();
    const sorted = (...names: string[]) => names.map((name) => n[name]!).sort();
    const cloudP1 = { group: "cloud-vendor", priority: "P1" };
    expect(await list("vendor-engagements", cloudP1)).toEqual(sorted("A", "B", "C", "G"));
    expect(await list("vendor-response-met", cloudP1)).toEqual(sorted("A"));
    expect(await list("vendor-response-missed", cloudP1)).toEqual(sorted("B", "C"));
    expect(await list("vendor-resolution-met", cloudP1)).toEqual(sorted("A", "G"));
    expect(await list("vendor-resolution-missed", cloudP1)).toEqual(sorted("B", "C"));
    expect(await list("vendor-ended", cloudP1)).toEqual(sorted("A", "B", "G"));
    expect(await list("vendor-response-pending", { group: "cloud-vendor", priority: "P2" })).toEqual(sorted("E"));
    expect(await list("vendor-resolution-pending", { group: "cloud-vendor", priority: "P2" })).toEqual(sorted("E"));
    expect(await list("vendor-no-target")).toEqual(sorted("F"));
    expect(await list("vendor-open")).toEqual(sorted("C", "E"));
    expect(await list("vendor-engagements")).toEqual(sorted("A", "B", "C", "D", "E", "F", "G"));
    // Every count of the section equals its list's length.
    for (const r of all.vendorTargets.rows) {
      const scope = { group: r.group!.slug, priority: r.priority! };
      expect(await list("vendor-response-missed", scope)).toHaveLength(r.response.missed);
      expect(await list("vendor-resolution-met", scope)).toHaveLength(r.resolution.met);
      expect(await list("vendor-open", scope)).toHaveLength(r.timeAtVendor.open);
    }
  });
});
