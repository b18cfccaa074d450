import type { DurationStats, SlaRow } from "./escalation-metrics-types";
import type { FunnelCounts, FunnelRates } from "./rates";

/** How a figure is counted and shown: a number of tickets, a share 0–1, or seconds. */
export type FigureKind = "count" | "rate" | "duration";
/** Which way of moving is good news for a manager; "neither" for plain volume. */
export type BetterWhen = "higher" | "lower" | "neither";
/** The direction of the change against the previous period, at the precision the figure is shown with. */
export type FigureChange = "up" | "down" | "same" | "no-comparison";
export type FigureVerdict = "better" | "worse" | "neutral" | "unchanged" | "no-comparison";

export const KEY_FIGURE_IDS = ["opened", "resolved", "firstContactResolution", "escalationRate", "resolutionBreached", "medianTimeToResolve"] as const;
export type KeyFigureId = (typeof KEY_FIGURE_IDS)[number];

export interface KeyFigure {
  id: KeyFigureId;
  label: string;
  kind: FigureKind;
  betterWhen: BetterWhen;
  current: number | null;
  previous: number | null;
  /** current − previous in the figure's unit (tickets, share 0–1, seconds); null when either is missing. */
  delta: number | null;
  change: FigureChange;
  verdict: FigureVerdict;
}

/** The period's figures the top row compares: the same shape for the period and the one before it. */
export interface ComparedFigures {
  funnel: FunnelCounts & { rates: FunnelRates };
  sla: { total: SlaRow };
  timeToResolve: DurationStats;
}

/** Values are compared as shown: rates to 0.1 percentage point, durations to the second. */
const PRECISION: Record<FigureKind, number> = { count: 1, rate: 1000, duration: 1 };

/** Pure: the change of a figure against the previous period and whether it is good news. */
export function compareFigure(kind: FigureKind, betterWhen: BetterWhen, current: number | null, previous: number | null): Pick<KeyFigure, "delta" | "change" | "verdict"> {
  if (current === null || previous === null) return { delta: null, change: "no-comparison", verdict: "no-comparison" };
  const scale = PRECISION[kind];
  const steps = Math.round(current * scale) - Math.round(previous * scale);
  const delta = steps / scale;
  if (steps === 0) return { delta: 0, change: "same", verdict: "unchanged" };
  const change = steps > 0 ? "up" : "down";
  if (betterWhen === "neither") return { delta, change, verdict: "neutral" };
  return { delta, change, verdict: (change === "up") === (betterWhen === "higher") ? "better" : "worse" };
}

const DEFINITIONS: { id: KeyFigureId; label: string; kind: FigureKind; betterWhen: BetterWhen; value: (f: ComparedFigures) => number | null }[] = [
  { id: "opened", label: "Opened", kind: "count", betterWhen: "neither", value: (f) => f.funnel.opened },
  { id: "resolved", label: "Resolved", kind: "count", betterWhen: "higher", value: (f) => f.funnel.resolved },
  { id: "firstContactResolution", label: "First-contact resolution", kind: "rate", betterWhen: "higher", value: (f) => f.funnel.rates.firstContactResolution },
  { id: "escalationRate", label: "Escalated L1→L2", kind: "rate", betterWhen: "lower", value: (f) => f.funnel.rates.escalatedL1L2 },
  { id: "resolutionBreached", label: "Resolution SLA breaches", kind: "count", betterWhen: "lower", value: (f) => f.sla.total.resolutionBreached },
  { id: "medianTimeToResolve", label: "Median time to resolve", kind: "duration", betterWhen: "lower", value: (f) => f.timeToResolve.median },
];

/** Pure: the top row of the dashboard, each figure of this period against the previous one. */
export function keyFigures(current: ComparedFigures, previous: ComparedFigures): KeyFigure[] {
  return DEFINITIONS.map(({ value, ...d }) => {
    const now = value(current);
    const before = value(previous);
    return { ...d, current: now, previous: before, ...compareFigure(d.kind, d.betterWhen, now, before) };
  });
}
