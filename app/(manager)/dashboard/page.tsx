import type { Metadata } from "next";
import { AlertFigures } from "@/components/dashboard/alert-figures";
import { DashboardFilters } from "@/components/dashboard/dashboard-filters";
import { OpenAlertsPanel } from "@/components/dashboard/open-alerts-panel";
import { DashboardView } from "@/components/dashboard/dashboard-view";
import { QueryError } from "@/components/ui/query-error";
import { requirePageActor } from "@/lib/auth/page-guard";
import { listOpenAlerts } from "@/lib/alerts/list-open-alerts";
import { AppError } from "@/lib/errors";
import type { DashboardScope } from "@/lib/metrics/dashboard-links";
import { listDashboardFilterOptions } from "@/lib/metrics/dashboard-filter-options";
import { dashboardTables } from "@/lib/metrics/dashboard-tables";
import { getEscalationMetrics } from "@/lib/metrics/get-escalation-metrics";
import { rangeDays } from "@/lib/metrics/period";
import { acknowledgeAlertAction } from "./actions";

export const metadata: Metadata = { title: "Dashboard" };


export default async function DashboardPage({ searchParams }: PageProps<"/dashboard">) {
  const actor = await requirePageActor(["MANAGER", "ADMIN"]);
  const params = await searchParams;
  const [metrics, options, openAlerts] = await Promise.all([
    getEscalationMetrics(actor, params).catch((error: unknown) => {
      if (error instanceof AppError && error.code === "VALIDATION") return error;
      throw error;
    }),
    listDashboardFilterOptions(),
    listOpenAlerts(actor),
  ]);
  if (metrics instanceof AppError) {
    return (
      <section aria-labelledby="dashboard-heading">
        <h1 id="dashboard-heading" className="mb-4 text-xl font-bold">
          Dashboard
        </h1>
        <QueryError error={metrics} back="/dashboard" backLabel="Open the last 30 days" />
      </section>
    );
  }
  const days = rangeDays({ from: new Date(metrics.period.from), to: new Date(metrics.period.to) });
  const scope: DashboardScope = {
    period: metrics.period.name,
    ...(metrics.period.name === "custom" ? days : {}),
    category: metrics.filters.category ?? undefined,
    org: metrics.filters.org ?? undefined,
    priority: (metrics.filters.priority ?? undefined) as DashboardScope["priority"],
  };
  const tables = dashboardTables(metrics, scope);
  return (
    <section aria-labelledby="dashboard-heading">
      <h1 id="dashboard-heading" className="mb-1 text-xl font-bold">
        Dashboard
      </h1>
      <p className="mb-4 text-sm text-slate-700">
        Tickets opened from {metrics.period.from.slice(0, 16).replace("T", " ")} to {metrics.period.to.slice(0, 16).replace("T", " ")} UTC
      </p>
      <DashboardFilters scope={scope} days={days} options={options} />
      <div className="mb-4">
        <OpenAlertsPanel
          page={openAlerts}
          moreHref={openAlerts.nextAfter ? `/dashboard/alerts?after=${openAlerts.nextAfter}` : null}
          moreLabel={`Show all ${openAlerts.count.toLocaleString("en-US")} open alerts`}
          figures={<AlertFigures alerts={metrics.alerts} table={tables.alerts} fileName={`tierdesk-alerts-${days.from}_${days.to}.csv`} />}
          onAcknowledge={acknowledgeAlertAction}
        />
      </div>
      <DashboardView metrics={metrics} tables={tables} fileSuffix={`${days.from}_${days.to}`} />
    </section>
  );
}
