import type { Metadata } from "next";
import Link from "next/link";
import { MetricTicketsTable } from "@/components/dashboard/metric-tickets-table";
import { QueryError } from "@/components/ui/query-error";
import { requirePageActor } from "@/lib/auth/page-guard";
import { AppError } from "@/lib/errors";
import { dashboardHref, dashboardSearchParams } from "@/lib/metrics/dashboard-links";
import { findMetricTickets } from "@/lib/metrics/find-metric-tickets";
import { METRIC_LABEL } from "@/lib/metrics/metric-labels";
import { unchecked } from "@/lib/validation/unchecked";

export const metadata: Metadata = { title: "Dashboard tickets" };


/** The tickets behind one dashboard figure, newest first, 50 a page (keyset). */
export default async function MetricTicketsPage({ searchParams }: PageProps<"/dashboard/tickets">) {
  const actor = await requirePageActor(["MANAGER", "ADMIN"]);
  const params = await searchParams;
  const page = await findMetricTickets(actor, unchecked(params)).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "VALIDATION") return error;
    throw error;
  });
  if (page instanceof AppError) {
    return (
      <section aria-labelledby="metric-heading">
        <h1 id="metric-heading" className="mb-4 text-xl font-bold">
          Dashboard tickets
        </h1>
        <QueryError error={page} back="/dashboard" backLabel="Back to the dashboard" />
      </section>
    );
  }
  const q = page.query;
  const details = [q.tier && `tier ${q.tier}`, q.age && `age ${q.age}`, q.agent && `agent ${q.agent}`, q.group && `group ${q.group}`, q.category && `category ${q.category}`, q.org && `organization ${q.org}`, q.priority && `priority ${q.priority}`].filter(Boolean);
  const periodWide = q.metric !== "backlog" && q.metric !== "vendor" && q.metric !== "assigned";
  return (
    <section aria-labelledby="metric-heading">
      <p className="mb-2 text-sm">
        <Link href={dashboardHref({ period: q.period, from: q.from, to: q.to, category: q.category, org: q.org, priority: q.priority })} className="text-indigo-800 underline">
          ← Dashboard
        </Link>
      </p>
      <h1 id="metric-heading" className="mb-1 text-xl font-bold">
        {METRIC_LABEL[q.metric]}
      </h1>
      <p className="mb-4 text-sm text-slate-700">
        {periodWide ? `Period ${page.range.from.slice(0, 16).replace("T", " ")} – ${page.range.to.slice(0, 16).replace("T", " ")} UTC` : "Now"}
        {details.length ? ` · ${details.join(" · ")}` : ""}
      </p>
      <MetricTicketsTable rows={page.rows} />
      {page.nextCursor && (
        <p className="mt-3">
          <Link href={`/dashboard/tickets?${dashboardSearchParams({ ...q, cursor: page.nextCursor })}`} className="text-indigo-800 underline">
            Next page
          </Link>
        </p>
      )}
    </section>
  );
}
