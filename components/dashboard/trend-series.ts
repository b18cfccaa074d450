import type { TrendDay } from "@/lib/metrics/escalation-metrics-types";

export type MarkerShape = "circle" | "square" | "triangle" | "diamond" | "cross";

export interface TrendSeries {
  key: Exclude<keyof TrendDay, "day">;
  label: string;
  /** Okabe–Ito colours with at least 3:1 against white; each series also has its own dash and marker. */
  color: string;
  dash: string;
  marker: MarkerShape;
}

/** The trend's lines, in legend order. */
export const TREND_SERIES: TrendSeries[] = [
  { key: "opened", label: "Opened", color: "#0072B2", dash: "", marker: "circle" },
  { key: "escalatedL1L2", label: "Escalated L1→L2", color: "#000000", dash: "8 4", marker: "square" },
  { key: "escalatedL2L3", label: "Escalated L2→L3", color: "#009E73", dash: "2 3", marker: "triangle" },
  { key: "escalatedL3L4", label: "Escalated L3→L4", color: "#CC79A7", dash: "10 3 2 3", marker: "diamond" },
  { key: "resolutionBreached", label: "Resolution SLA breached", color: "#D55E00", dash: "4 2", marker: "cross" },
];
