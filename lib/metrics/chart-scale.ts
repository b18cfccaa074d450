/** The value axis of a count chart: a top a little above the largest value, and round ticks from 0 to it. */
export interface CountScale {
  top: number;
  step: number;
  ticks: number[];
}

/** Pure: round steps (1, 2 or 5 × 10ⁿ, never below 1: counts are whole) giving at most `maxTicks` ticks from 0. */
export function countScale(max: number, maxTicks = 5): CountScale {
  const raw = Math.max(max, 1) / Math.max(maxTicks - 1, 1);
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = Math.max(1, [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? 10 * magnitude);
  const top = Math.max(step, Math.ceil(max / step) * step);
  return { top, step, ticks: Array.from({ length: top / step + 1 }, (_, i) => i * step) };
}

/** Pure: which of `count` points get a label so that at most `maxLabels` do, evenly spaced from the first. */
export function labelledIndexes(count: number, maxLabels: number): number[] {
  const every = Math.max(1, Math.ceil(count / Math.max(maxLabels, 1)));
  return Array.from({ length: count }, (_, i) => i).filter((i) => i % every === 0);
}

/** Pure: the x of point `index` of `count`, spread over [left, right]; a lone point sits in the middle. */
export function pointX(index: number, count: number, left: number, right: number): number {
  return count <= 1 ? (left + right) / 2 : left + (index * (right - left)) / (count - 1);
}

/** Pure: the y of `value` on a scale from 0 (at `bottom`) to `top` (at `topY`). */
export function valueY(value: number, scaleTop: number, topY: number, bottom: number): number {
  return bottom - (value / scaleTop) * (bottom - topY);
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** Pure: "2026-11-30" → "30 Nov", whatever the server's locale. */
export function shortDay(day: string): string {
  const [, month, date] = day.split("-");
  return `${Number(date)} ${MONTHS[Number(month) - 1]}`;
}
