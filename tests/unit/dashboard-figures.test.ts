import { describe, expect, it } from "vitest";
import { countScale, labelledIndexes, pointX, shortDay, valueY } from "@/lib/metrics/chart-scale";
import { describeChange, formatDelta, formatFigure } from "@/lib/metrics/key-figure-text";
import { compareFigure } from "@/lib/metrics/key-figures";
import { previousRange, resolvePeriod } from "@/lib/metrics/period";

describe("a key figure against the previous period", () => {
  it("goes up or down, and is good or bad news by which way is better", () => {
    expect(compareFigure("count", "higher", 12, 10)).toEqual({ delta: 2, change: "up", verdict: "better" });
    expect(compareFigure("count", "lower", 12, 10)).toEqual({ delta: 2, change: "up", verdict: "worse" });
    expect(compareFigure("count", "lower", 8, 10)).toEqual({ delta: -2, change: "down", verdict: "better" });
    expect(compareFigure("count", "higher", 8, 10)).toEqual({ delta: -2, change: "down", verdict: "worse" });
    expect(compareFigure("count", "neither", 8, 10)).toEqual({ delta: -2, change: "down", verdict: "neutral" });
  });

  it("compares at the precision shown: a rate to 0.1 point, a duration to the second", () => {
    expect(compareFigure("rate", "higher", 0.50004, 0.5)).toEqual({ delta: 0, change: "same", verdict: "unchanged" });
    expect(compareFigure("rate", "higher", 0.5004, 0.5)).toEqual({ delta: 0, change: "same", verdict: "unchanged" });
    expect(compareFigure("rate", "lower", 0.6, 0.5)).toEqual({ delta: 0.1, change: "up", verdict: "worse" });
    expect(compareFigure("duration", "lower", 3600.2, 3600)).toMatchObject({ change: "same" });
    expect(compareFigure("duration", "lower", 3000, 3600)).toEqual({ delta: -600, change: "down", verdict: "better" });
  });

  it("has nothing to compare when either period has no figure", () => {
    expect(compareFigure("rate", "higher", 0.5, null)).toEqual({ delta: null, change: "no-comparison", verdict: "no-comparison" });
    expect(compareFigure("duration", "lower", null, 60)).toEqual({ delta: null, change: "no-comparison", verdict: "no-comparison" });
  });

  it("reads the change in the figure's unit, with an arrow, words and a verdict", () => {
    expect(formatFigure("count", 1234)).toBe("1,234");
    expect(formatFigure("rate", 0.25)).toBe("25.0 %");
    expect(formatFigure("rate", null)).toBe("—");
    expect(formatDelta("count", -3)).toBe("−3");
    expect(formatDelta("rate", 0.143)).toBe("+14.3 pp");
    expect(formatDelta("rate", -0.286)).toBe("−28.6 pp");
    expect(describeChange({ kind: "count", delta: 6, change: "up", verdict: "neutral" })).toEqual({ arrow: "↑", words: "Up", delta: "+6", verdict: "neither good nor bad" });
    expect(describeChange({ kind: "count", delta: -2, change: "down", verdict: "better" })).toMatchObject({ arrow: "↓", words: "Down", delta: "−2", verdict: "better" });
    expect(describeChange({ kind: "count", delta: 0, change: "same", verdict: "unchanged" })).toMatchObject({ delta: "", verdict: "unchanged" });
  });
});

describe("the previous period", () => {
  const NOW = new Date("2026-11-30T15:30:00.000Z");
  it("is the same length just before: yesterday up to the same time for today, the 30 days before for 30 days", () => {
    expect(previousRange(resolvePeriod({ period: "today" }, NOW))).toEqual({ period: "today", from: new Date("2026-11-29T00:00:00Z"), to: new Date("2026-11-29T15:30:00Z") });
    expect(previousRange(resolvePeriod({ period: "30d" }, NOW))).toEqual({ period: "30d", from: new Date("2026-10-01T15:30:00Z"), to: new Date("2026-10-31T15:30:00Z") });
    expect(previousRange(resolvePeriod({ period: "custom", from: "2026-11-01", to: "2026-11-10" }, NOW))).toEqual({
      period: "custom",
      from: new Date("2026-10-22T00:00:00Z"),
      to: new Date("2026-11-01T00:00:00Z"),
    });
  });
});

describe("chart scales", () => {
  it("rounds the count axis up to 1, 2 or 5 × 10ⁿ steps, whole numbers only", () => {
    expect(countScale(7)).toEqual({ top: 8, step: 2, ticks: [0, 2, 4, 6, 8] });
    expect(countScale(0)).toEqual({ top: 1, step: 1, ticks: [0, 1] });
    expect(countScale(3)).toEqual({ top: 3, step: 1, ticks: [0, 1, 2, 3] });
    expect(countScale(100)).toEqual({ top: 100, step: 50, ticks: [0, 50, 100] });
    expect(countScale(1234).ticks.length).toBeLessThanOrEqual(5);
  });

  it("labels at most so many days, evenly from the first", () => {
    expect(labelledIndexes(31, 16)).toEqual([0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30]);
    expect(labelledIndexes(31, 5)).toEqual([0, 7, 14, 21, 28]);
    expect(labelledIndexes(1, 5)).toEqual([0]);
  });

  it("places points across the plot and values up from the bottom", () => {
    expect(pointX(0, 3, 10, 110)).toBe(10);
    expect(pointX(2, 3, 10, 110)).toBe(110);
    expect(pointX(0, 1, 10, 110)).toBe(60);
    expect(valueY(0, 8, 10, 210)).toBe(210);
    expect(valueY(8, 8, 10, 210)).toBe(10);
    expect(shortDay("2026-11-30")).toBe("30 Nov");
    expect(shortDay("2027-01-05")).toBe("5 Jan");
  });
});
