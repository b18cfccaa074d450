import { formatSeconds } from "@/lib/format/duration";

/** A share of a whole, 0–1, or null when there is nothing to divide by (shown as "—", never as 0 %). */
export function rate(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

/** "42.9 %" with one decimal, or "—" when there is no rate. */
export function formatRate(value: number | null): string {
  return value === null ? "—" : `${(Math.round(value * 1000) / 10).toFixed(1)} %`;
}

/** Seconds as every duration reads ("3 h 20 min", lib/format/duration.ts); "—" when there is no value. */
export function formatDuration(seconds: number | null): string {
  return seconds === null ? "—" : formatSeconds(seconds);
}

export interface FunnelCounts {
  opened: number;
  resolvedAtL1: number;
  firstContactResolved: number;
  escalatedL1L2: number;
  escalatedL2L3: number;
  escalatedL3L4: number;
  returned: number;
  reopened: number;
  /** Resolved at least once (a reopened ticket counts). */
  resolved: number;
}

/**
 * Each step as a share of the period's tickets opened, reopened as a share of those resolved. A step is not
 * taken as a share of the step before it: a ticket can reach L2 or L3 by assignment (a move to another tier's
 * group, not an escalation), so "of those escalated L2→L3" would not hold every ticket escalated L3→L4.
 */
export interface FunnelRates {
  resolvedAtL1: number | null;
  firstContactResolution: number | null;
  escalatedL1L2: number | null;
  escalatedL2L3: number | null;
  escalatedL3L4: number | null;
  returned: number | null;
  /** Of the tickets resolved at least once. */
  reopened: number | null;
}

/** Pure: each funnel step as a share of the tickets opened, reopened of those resolved (see FunnelRates). */
export function funnelRates(c: FunnelCounts): FunnelRates {
  return {
    resolvedAtL1: rate(c.resolvedAtL1, c.opened),
    firstContactResolution: rate(c.firstContactResolved, c.opened),
    escalatedL1L2: rate(c.escalatedL1L2, c.opened),
    escalatedL2L3: rate(c.escalatedL2L3, c.opened),
    escalatedL3L4: rate(c.escalatedL3L4, c.opened),
    returned: rate(c.returned, c.opened),
    reopened: rate(c.reopened, c.resolved),
  };
}
