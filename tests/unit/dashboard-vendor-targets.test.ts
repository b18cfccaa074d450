import { describe, expect, it } from "vitest";
import { vendorTargetsTable } from "@/lib/metrics/dashboard-tables";
import type { EscalationMetrics } from "@/lib/metrics/escalation-metrics-types";
import { vendorTargetFigures, type VendorTargetSqlRow } from "@/lib/metrics/vendor-target-rows";

const sqlRow = (over: Partial<VendorTargetSqlRow>): VendorTargetSqlRow => ({
  group: "cloud-vendor",
  groupName: "Cloud Vendor",
  priority: "P1",
  engagements: 4,
  noTarget: 0,
  responseMet: 1,
  responseMissed: 2,
  responsePending: 0,
  resolutionMet: 2,
  resolutionMissed: 2,
  resolutionPending: 0,
  open: 1,
  p50: 5880,
  p90: 15480,
  ...over,
});

describe("the L4 vendor targets section", () => {
  it("takes rates of the measured (met + missed), counts the ended, and gives a zero total when nothing started", () => {
    const figures = vendorTargetFigures([sqlRow({}), sqlRow({ group: null, groupName: null, priority: null, responsePending: 1 })]);
    expect(figures.rows).toEqual([
      {
        group: { slug: "cloud-vendor", name: "Cloud Vendor" },
        priority: "P1",
        engagements: 4,
        noTarget: 0,
        response: { met: 1, missed: 2, pending: 0, rate: 1 / 3 },
        resolution: { met: 2, missed: 2, pending: 0, rate: 0.5 },
        timeAtVendor: { ended: 3, open: 1, p50: 5880, p90: 15480 },
      },
    ]);
    expect(figures.total).toMatchObject({ group: null, priority: null, response: { pending: 1 } });
    expect(vendorTargetFigures([])).toEqual({
      rows: [],
      total: { group: null, priority: null, engagements: 0, noTarget: 0, response: { met: 0, missed: 0, pending: 0, rate: null }, resolution: { met: 0, missed: 0, pending: 0, rate: null }, timeAtVendor: { ended: 0, open: 0, p50: null, p90: null } },
    });
  });

  it("links each count to its tickets for the row's group and priority, and exports raw seconds", () => {
    const vendorTargets = vendorTargetFigures([sqlRow({}), sqlRow({ group: null, groupName: null, priority: null })]);
    const table = vendorTargetsTable({ vendorTargets } as EscalationMetrics, { period: "custom", from: "2026-03-02", to: "2026-03-02", org: "acme" });
    expect(table.rows).toHaveLength(2);
    const [cloud, total] = table.rows as [(typeof table.rows)[number], (typeof table.rows)[number]];
    expect(cloud.map((c) => c.text).slice(0, 8)).toEqual(["Cloud Vendor", "P1", "4", "0", "1", "2", "0", "33.3 %"]);
    expect(cloud[5]!.href).toBe("/dashboard/tickets?metric=vendor-response-missed&period=custom&from=2026-03-02&to=2026-03-02&org=acme&priority=P1&group=cloud-vendor");
    expect(total[0]!.text).toBe("All L4 groups");
    expect(total[13]!.href).toBe("/dashboard/tickets?metric=vendor-open&period=custom&from=2026-03-02&to=2026-03-02&org=acme");
    expect(cloud.slice(14).map((c) => c.value)).toEqual([5880, 15480]);
    expect(table.csvColumns?.slice(14)).toEqual(["Time at vendor p50 (s)", "Time at vendor p90 (s)"]);
    expect(vendorTargetsTable({ vendorTargets: vendorTargetFigures([]) } as EscalationMetrics, {}).rows).toEqual([]);
  });
});
