import { describe, expect, it } from "vitest";
import { csvField, toCsv } from "@/lib/metrics/csv";
import { dashboardHref, metricHref } from "@/lib/metrics/dashboard-links";
import { resolvePeriod, rangeDays, wholeDays } from "@/lib/metrics/period";
import { formatDuration, formatRate, funnelRates, rate } from "@/lib/metrics/rates";
import { ZDashboardQuery, ZMetricTicketsQuery } from "@/lib/validation/dashboard";

const NOW = new Date("2026-11-30T15:30:00.000Z");

describe("rates", () => {
  it("divides, and has no rate when there is nothing to divide by", () => {
    expect(rate(1, 4)).toBe(0.25);
    expect(rate(0, 0)).toBeNull();
    expect(formatRate(0.42857)).toBe("42.9 %");
    expect(formatRate(0)).toBe("0.0 %");
    expect(formatRate(null)).toBe("—");
  });

  it("takes each funnel step as a share of the tickets opened, and reopened as a share of those resolved", () => {
    const rates = funnelRates({ opened: 10, resolvedAtL1: 5, firstContactResolved: 4, escalatedL1L2: 4, escalatedL2L3: 2, escalatedL3L4: 1, returned: 1, reopened: 1, resolved: 8 });
    expect(rates).toEqual({ resolvedAtL1: 0.5, firstContactResolution: 0.4, escalatedL1L2: 0.4, escalatedL2L3: 0.2, escalatedL3L4: 0.1, returned: 0.1, reopened: 0.125 });
    const quiet = { opened: 3, resolvedAtL1: 0, firstContactResolved: 0, escalatedL1L2: 0, escalatedL2L3: 0, escalatedL3L4: 0, returned: 0, reopened: 0, resolved: 0 };
    expect(funnelRates(quiet).reopened).toBeNull();
    expect(funnelRates(quiet).escalatedL3L4).toBe(0);
    expect(funnelRates({ ...quiet, opened: 0 }).escalatedL1L2).toBeNull();
  });

  it("keeps every rate a share (0–1) when a ticket reaches a tier by assignment rather than by escalation", () => {
    // Moving a ticket to a group of another tier is an assignment, not an escalation: a ticket assigned from
    // L1 straight to an L3 group and handed to a vendor counts as escalated L3→L4 with no L1→L2 or L2→L3
    // escalation; one assigned to an L2 group and sent back counts as returned without having been escalated.
    const cohorts = [
      { opened: 1, resolvedAtL1: 0, firstContactResolved: 0, escalatedL1L2: 0, escalatedL2L3: 0, escalatedL3L4: 1, returned: 0, reopened: 0, resolved: 0 },
      { opened: 218, resolvedAtL1: 107, firstContactResolved: 106, escalatedL1L2: 25, escalatedL2L3: 4, escalatedL3L4: 5, returned: 6, reopened: 2, resolved: 110 },
      { opened: 2, resolvedAtL1: 0, firstContactResolved: 0, escalatedL1L2: 0, escalatedL2L3: 1, escalatedL3L4: 0, returned: 2, reopened: 0, resolved: 1 },
    ];
    for (const counts of cohorts) {
      for (const [name, value] of Object.entries(funnelRates(counts))) {
        if (value === null) continue;
        expect.soft(value, `${name} of ${JSON.stringify(counts)}`).toBeGreaterThanOrEqual(0);
        expect.soft(value, `${name} of ${JSON.stringify(counts)}`).toBeLessThanOrEqual(1);
      }
    }
  });

  it("formats durations in the largest sensible unit", () => {
    expect(formatDuration(null)).toBe("—");
    expect(formatDuration(45)).toBe("45 s");
    expect(formatDuration(12 * 60)).toBe("12 min");
    expect(formatDuration(3.5 * 3600)).toBe("3 h 30 min");
    expect(formatDuration(2.1 * 86_400)).toBe("2 d 2 h");
  });
});

describe("periods", () => {
  it("resolves today, 7, 30 and 365 days up to now, and custom whole UTC days", () => {
    expect(resolvePeriod({ period: "today" }, NOW)).toEqual({ period: "today", from: new Date("2026-11-30T00:00:00Z"), to: NOW });
    expect(resolvePeriod({ period: "7d" }, NOW).from).toEqual(new Date("2026-11-23T15:30:00Z"));
    expect(resolvePeriod({ period: "365d" }, NOW)).toEqual({ period: "365d", from: new Date("2025-11-30T15:30:00Z"), to: NOW });
    expect(resolvePeriod({}, NOW)).toEqual({ period: "30d", from: new Date("2026-10-31T15:30:00Z"), to: NOW });
    const custom = resolvePeriod({ period: "custom", from: "2026-11-01", to: "2026-11-02" }, NOW);
    expect(custom).toEqual({ period: "custom", from: new Date("2026-11-01T00:00:00Z"), to: new Date("2026-11-03T00:00:00Z") });
    expect(rangeDays(custom)).toEqual({ from: "2026-11-01", to: "2026-11-02" });
    // from and to alone mean a custom period.
    expect(resolvePeriod({ from: "2026-11-05", to: "2026-11-05" }, NOW).period).toBe("custom");
  });

  it("reads the whole UTC days inside a period from the rollups, and nothing when it holds none", () => {
    expect(wholeDays(resolvePeriod({ period: "30d" }, NOW))).toEqual({ from: new Date("2026-11-01T00:00:00Z"), to: new Date("2026-11-30T00:00:00Z") });
    const custom = resolvePeriod({ period: "custom", from: "2026-11-01", to: "2026-11-02" }, NOW);
    expect(wholeDays(custom)).toEqual({ from: custom.from, to: custom.to });
    // Today so far holds no whole day: all of it is read from the tickets.
    expect(wholeDays(resolvePeriod({ period: "today" }, NOW))).toEqual({ from: NOW, to: NOW });
    const noon = new Date("2026-11-30T12:00:00Z");
    expect(wholeDays({ from: new Date("2026-11-29T12:00:00Z"), to: noon })).toEqual({ from: noon, to: noon });
  });

  it("validates the query: a custom period needs both days, in order, at most 366 days", () => {
    expect(ZDashboardQuery.safeParse({ period: "30d", from: "", to: "", category: "", org: "", priority: "" }).success).toBe(true);
    expect(ZDashboardQuery.safeParse({ period: "custom", from: "2026-11-01" }).success).toBe(false);
    expect(ZDashboardQuery.safeParse({ period: "custom", from: "2026-11-02", to: "2026-11-01" }).success).toBe(false);
    expect(ZDashboardQuery.safeParse({ period: "custom", from: "2025-01-01", to: "2026-11-01" }).success).toBe(false);
    expect(ZDashboardQuery.safeParse({ period: "week" }).success).toBe(false);
    expect(ZDashboardQuery.safeParse({ priority: "P9" }).success).toBe(false);
    expect(ZDashboardQuery.safeParse({ category: "Robert'); DROP" }).success).toBe(false);
    expect(ZDashboardQuery.safeParse({ unknown: "1" }).success).toBe(false);
  });

  it("validates a drill-down: a known figure, an agent or group where the figure needs one", () => {
    expect(ZMetricTicketsQuery.safeParse({ metric: "escalated-l2-l3", period: "today" }).success).toBe(true);
    expect(ZMetricTicketsQuery.safeParse({ metric: "everything" }).success).toBe(false);
    expect(ZMetricTicketsQuery.safeParse({ metric: "assigned" }).success).toBe(false);
    expect(ZMetricTicketsQuery.safeParse({ metric: "assigned", agent: "l2agent" }).success).toBe(true);
    expect(ZMetricTicketsQuery.safeParse({ metric: "group-resolved" }).success).toBe(false);
    expect(ZMetricTicketsQuery.safeParse({ metric: "opened", period: "custom", from: "2026-11-01" }).success).toBe(false);
    expect(ZMetricTicketsQuery.safeParse({ metric: "opened", cursor: "0" }).success).toBe(false);
  });
});

describe("links", () => {
  it("carry the period and filters to the list of a figure's tickets; custom days only for custom periods", () => {
    expect(metricHref({ period: "today", from: "2026-11-30", to: "2026-11-30", priority: "P2" }, "escalated-l2-l3")).toBe(
      "/dashboard/tickets?metric=escalated-l2-l3&period=today&priority=P2",
    );
    expect(metricHref({ period: "custom", from: "2026-11-01", to: "2026-11-02", org: "acme" }, "backlog", { tier: "L2", age: "lt1d" })).toBe(
      "/dashboard/tickets?metric=backlog&period=custom&from=2026-11-01&to=2026-11-02&org=acme&tier=L2&age=lt1d",
    );
    expect(dashboardHref({ period: "30d", from: "2026-11-01" })).toBe("/dashboard?period=30d");
  });
});

describe("CSV", () => {
  it("quotes what needs quoting and defuses spreadsheet formulas", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField('say "hi", twice')).toBe('"say ""hi"", twice"');
    expect(csvField("=SUM(A1)")).toBe("'=SUM(A1)");
    expect(csvField(-3)).toBe("-3");
    expect(csvField(null)).toBe("");
    expect(toCsv(["Step", "Tickets"], [["Opened", 7], ["Escalated L1→L2", 5]])).toBe("Step,Tickets\r\nOpened,7\r\nEscalated L1→L2,5\r\n");
  });
});
