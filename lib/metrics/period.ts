import { DEFAULT_DASHBOARD_PERIOD, type DashboardPeriod, type DashboardQuery } from "@/lib/validation/dashboard";

/** The instants a dashboard period covers: tickets created at `from` or later and before `to`. */
export interface MetricsRange {
  period: DashboardPeriod;
  from: Date;
  to: Date;
}

const DAY_MS = 86_400_000;

/** Pure: today (since UTC midnight), the last 7, 30 or 365 days up to `now`, or whole UTC days from `from` to `to`. */
export function resolvePeriod(query: Pick<DashboardQuery, "period" | "from" | "to">, now: Date): MetricsRange {
  const period = query.period ?? (query.from || query.to ? "custom" : DEFAULT_DASHBOARD_PERIOD);
  switch (period) {
    case "today":
      return { period, from: new Date(Math.floor(now.getTime() / DAY_MS) * DAY_MS), to: now };
    case "7d":
      return { period, from: new Date(now.getTime() - 7 * DAY_MS), to: now };
    case "30d":
      return { period, from: new Date(now.getTime() - 30 * DAY_MS), to: now };
    case "365d":
      return { period, from: new Date(now.getTime() - 365 * DAY_MS), to: now };
    case "custom":
      return { period, from: new Date(`${query.from}T00:00:00.000Z`), to: new Date(Date.parse(`${query.to}T00:00:00.000Z`) + DAY_MS) };
  }
}

/**
 * Pure: the period just before, of the same length, for the top row's changes: the same stretch one period
 * earlier (today so far → yesterday up to the same time; the last 30 days → the 30 days before them).
 */
export function previousRange(range: MetricsRange): MetricsRange {
  const span = range.period === "today" ? DAY_MS : range.to.getTime() - range.from.getTime();
  return { period: range.period, from: new Date(range.from.getTime() - span), to: new Date(range.to.getTime() - span) };
}

/** Inclusive UTC day strings for a range, as a custom period's form shows them. */
export function rangeDays(range: Pick<MetricsRange, "from" | "to">): { from: string; to: string } {
  return { from: range.from.toISOString().slice(0, 10), to: new Date(range.to.getTime() - 1).toISOString().slice(0, 10) };
}

/**
 * Pure: the whole UTC days inside a range, which the dashboard reads from its daily rollups; the rest of the
 * range (the partial days at either end of a rolling period) is read from the tickets. A range that holds
 * no whole day gets an empty stretch at its end, so that all of it is read from the tickets.
 */
export function wholeDays(range: Pick<MetricsRange, "from" | "to">): { from: Date; to: Date } {
  const first = Math.ceil(range.from.getTime() / DAY_MS) * DAY_MS;
  const last = Math.floor(range.to.getTime() / DAY_MS) * DAY_MS;
  return first < last ? { from: new Date(first), to: new Date(last) } : { from: range.to, to: range.to };
}
