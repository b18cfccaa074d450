import { describe, expect, it } from "vitest";
import { bucketMiddle, histogramPercentile, type HistogramBucket } from "@/lib/metrics/histogram";

// The buckets as "dashboard_duration_bucket" (migration dashboard_rollups) computes them.
const bucketOf = (seconds: number) =>
  seconds === 0 ? 0 : seconds > 0 ? 2000 + Math.floor(Math.log(seconds) / Math.log(1.02)) : -2000 - Math.floor(Math.log(-seconds) / Math.log(1.02));

const histogramOf = (values: number[]): HistogramBucket[] => {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(bucketOf(v), (counts.get(bucketOf(v)) ?? 0) + 1);
  return [...counts].sort(([a], [b]) => a - b).map(([bucket, count]) => ({ bucket, count }));
};

/** percentile_cont, exactly. */
const exact = (values: number[], q: number) => {
  const s = [...values].sort((a, b) => a - b);
  const rank = (s.length - 1) * q;
  return s[Math.floor(rank)]! + (rank - Math.floor(rank)) * (s[Math.ceil(rank)]! - s[Math.floor(rank)]!);
};

describe("duration histograms", () => {
  it("stand each bucket for its geometric middle, within 1 % of every value in it, 0 s exactly", () => {
    for (const seconds of [0.001, 0.5, 1, 59, 60, 61, 3_599, 3_600, 28_800, 86_400 * 3.3, 86_400 * 400]) {
      expect(Math.abs(bucketMiddle(bucketOf(seconds)) - seconds) / seconds).toBeLessThan(0.01);
      expect(Math.abs(bucketMiddle(bucketOf(-seconds)) + seconds) / seconds).toBeLessThan(0.01);
    }
    expect(bucketMiddle(0)).toBe(0);
    expect(bucketOf(-1)).toBeLessThan(bucketOf(0));
    expect(bucketOf(0)).toBeLessThan(bucketOf(0.001));
  });

  it("give the median and 90th percentile as percentile_cont does, within 1 %", () => {
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    for (let round = 0; round < 50; round++) {
      const values = Array.from({ length: 1 + Math.floor(random() * 300) }, () => Math.round(random() ** 3 * 86_400 * 10));
      for (const q of [0.5, 0.9]) {
        const want = exact(values, q);
        expect(Math.abs(histogramPercentile(histogramOf(values), q)! - want)).toBeLessThanOrEqual(0.01 * want + 1e-9);
      }
    }
  });

  it("have no percentile when empty, and read a single value as its bucket", () => {
    expect(histogramPercentile([], 0.5)).toBeNull();
    expect(histogramPercentile([{ bucket: 0, count: 3 }], 0.9)).toBe(0);
    expect(Math.abs(histogramPercentile(histogramOf([1200]), 0.5)! - 1200)).toBeLessThanOrEqual(12);
  });
});
