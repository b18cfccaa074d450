// Percentiles of durations from the dashboard's histograms (migration dashboard_rollups,
// "dashboard_duration_bucket"): bucket 0 holds 0 s; bucket b > 0 holds [1.02^(b−2000), 1.02^(b−2000+1))
// seconds; buckets below 0 mirror them for negative values (a running clock read before it started).

/** How far a percentile read from the histograms can be from the exact one, as the page and the API say it. */
export const PERCENTILE_PRECISION = "within 1 %";

const RATIO = 1.02;
const OFFSET = 2000;

export interface HistogramBucket {
  bucket: number;
  count: number;
}

/** Pure: the value a bucket stands for, its geometric middle: within 1 % (√1.02 − 1) of every value in it. */
export function bucketMiddle(bucket: number): number {
  if (bucket === 0) return 0;
  return bucket > 0 ? RATIO ** (bucket - OFFSET + 0.5) : -(RATIO ** (-bucket - OFFSET + 0.5));
}

/**
 * Pure: the q-quantile as PostgreSQL's percentile_cont computes it (between the values at ranks ⌊(n−1)q⌋ and
 * ⌈(n−1)q⌉, interpolated), each value read as its bucket's middle; so within 1 % of the exact figure (when the
 * two values have the same sign, as durations read at the current time do). `buckets` in ascending order;
 * null when they hold no value.
 */
export function histogramPercentile(buckets: readonly HistogramBucket[], q: number): number | null {
  const n = buckets.reduce((sum, b) => sum + b.count, 0);
  if (n === 0) return null;
  const rank = (n - 1) * q;
  const valueAt = (k: number) => {
    let seen = 0;
    for (const b of buckets) {
      seen += b.count;
      if (k < seen) return bucketMiddle(b.bucket);
    }
    return bucketMiddle(buckets[buckets.length - 1]!.bucket);
  };
  const low = valueAt(Math.floor(rank));
  return low + (rank - Math.floor(rank)) * (valueAt(Math.ceil(rank)) - low);
}
