import type { FigureChange, FigureKind, FigureVerdict, KeyFigure } from "./key-figures";
import { formatDuration, formatRate } from "./rates";

/** A figure as the dashboard shows it: tickets as a number, shares as %, seconds as a duration. */
export function formatFigure(kind: FigureKind, value: number | null): string {
  if (value === null) return "—";
  if (kind === "rate") return formatRate(value);
  if (kind === "duration") return formatDuration(value);
  return value.toLocaleString("en-US");
}

/** A change with its sign, in the figure's unit: "+6", "−14.3 pp" (percentage points), "+2.5 h". */
export function formatDelta(kind: FigureKind, delta: number): string {
  const sign = delta > 0 ? "+" : delta < 0 ? "−" : "±";
  const size = Math.abs(delta);
  if (kind === "rate") return `${sign}${(Math.round(size * 1000) / 10).toFixed(1)} pp`;
  if (kind === "duration") return `${sign}${formatDuration(size)}`;
  return `${sign}${size.toLocaleString("en-US")}`;
}

export const CHANGE_ARROW: Record<FigureChange, string> = { up: "↑", down: "↓", same: "=", "no-comparison": "" };
export const CHANGE_WORDS: Record<FigureChange, string> = { up: "Up", down: "Down", same: "No change", "no-comparison": "No change to show" };

/** Whether the change is good news, in words: the colour only repeats it. */
export const VERDICT_LABEL: Record<FigureVerdict, string> = {
  better: "better",
  worse: "worse",
  neutral: "neither good nor bad",
  unchanged: "unchanged",
  "no-comparison": "no figure to compare",
};

/** Pure: the change line of a key figure, e.g. "↑ +6 (neither good nor bad)"; screen readers get words for the arrow. */
export function describeChange(figure: Pick<KeyFigure, "kind" | "delta" | "change" | "verdict">): { arrow: string; words: string; delta: string; verdict: string } {
  return {
    arrow: CHANGE_ARROW[figure.change],
    words: CHANGE_WORDS[figure.change],
    delta: figure.delta === null || figure.change === "same" ? "" : formatDelta(figure.kind, figure.delta),
    verdict: VERDICT_LABEL[figure.verdict],
  };
}
