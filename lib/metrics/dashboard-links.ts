import type { DashboardMetric, DashboardQuery, MetricTicketsQuery } from "@/lib/validation/dashboard";

const ORDER = ["metric", "period", "from", "to", "category", "org", "priority", "tier", "age", "agent", "group", "cursor"] as const;

/** The dashboard's own query string: given parameters only, in a fixed order. */
export function dashboardSearchParams(query: Partial<Record<(typeof ORDER)[number], string | undefined>>): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of ORDER) {
    const value = query[key];
    if (value !== undefined && value !== "") params.set(key, value);
  }
  return params;
}

/** The period and filters a dashboard link carries; custom periods keep their days. */
export type DashboardScope = Pick<DashboardQuery, "period" | "from" | "to" | "category" | "org" | "priority">;

/** A link to the list of the tickets behind one figure, for the dashboard's period and filters plus `extra`. */
export function metricHref(scope: DashboardScope, metric: DashboardMetric, extra: Partial<Omit<MetricTicketsQuery, "metric">> = {}): string {
  const custom = scope.period === "custom";
  return `/dashboard/tickets?${dashboardSearchParams({
    metric,
    period: scope.period,
    from: custom ? scope.from : undefined,
    to: custom ? scope.to : undefined,
    category: scope.category,
    org: scope.org,
    priority: scope.priority,
    ...extra,
  })}`;
}

/** The dashboard itself with `scope`. */
export function dashboardHref(scope: DashboardScope): string {
  const search = dashboardSearchParams({ ...scope, ...(scope.period === "custom" ? {} : { from: undefined, to: undefined }) }).toString();
  return search ? `/dashboard?${search}` : "/dashboard";
}
