import type { DashboardTable } from "@/lib/metrics/dashboard-tables";
import type { EscalationMetrics } from "@/lib/metrics/escalation-metrics-types";
import { formatRate } from "@/lib/metrics/rates";
import { BarChart } from "./bar-chart";
import { DashboardSection } from "./dashboard-section";
import { FeedbackFigures } from "./feedback-figures";

type Tables = Record<"funnel" | "sla" | "timeInTier" | "backlog" | "vendors" | "agentLoad" | "groups" | "categories", DashboardTable>;

const INDIGO = "#4338ca";
const TEAL = "#0f766e";
const AMBER = "#b45309";
const ROSE = "#be123c";
const SLATE = "#475569";
const AGE_COLORS = ["#a5b4fc", "#818cf8", "#6366f1", "#4338ca", "#312e81"];

const value = (cell: { value: string | number | null } | undefined) => (typeof cell?.value === "number" ? cell.value : 0);

/** Headline figures above the charts. */
function Headlines({ metrics }: { metrics: EscalationMetrics }) {
  const f = metrics.funnel;
  const items = [
    { label: "Opened", text: f.opened.toLocaleString("en-US") },
    { label: "First-contact resolution", text: formatRate(f.rates.firstContactResolution) },
    { label: "Escalated L1→L2", text: formatRate(f.rates.escalatedL1L2) },
    { label: "Reopen rate", text: formatRate(f.rates.reopened) },
    { label: "Resolution SLA met", text: formatRate(metrics.sla.total.resolutionRate) },
  ];
  return (
    <dl className="mb-4 grid grid-cols-2 gap-3 md:grid-cols-5">
      {items.map((i) => (
        <div key={i.label} className="rounded-lg border border-slate-200 bg-white p-3">
          <dt className="text-xs text-slate-700">{i.label}</dt>
          <dd className="text-2xl font-bold text-slate-900">{i.text}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The dashboard: headline figures, then each chart with its table and CSV export. Props only. */
export function DashboardView({ metrics, tables, fileSuffix }: { metrics: EscalationMetrics; tables: Tables; fileSuffix: string }) {
  const file = (id: string) => `tierdesk-${id}-${fileSuffix}.csv`;
  const funnelData = tables.funnel.rows.map((r) => ({ step: r[0]!.text, tickets: value(r[1]) }));
  const slaData = metrics.sla.byPriority.map((s) => ({
    priority: s.priority,
    firstResponse: s.firstResponseRate === null ? null : Math.round(s.firstResponseRate * 100),
    resolution: s.resolutionRate === null ? null : Math.round(s.resolutionRate * 100),
    updates: s.updatesRate === null ? null : Math.round(s.updatesRate * 100),
  }));
  const hours = (s: number | null) => (s === null ? null : Math.round((s / 3600) * 100) / 100);
  const t = metrics.timeInTier;
  const tierData = [
    { stage: "L1", ...t.L1 },
    { stage: "L2", ...t.L2 },
    { stage: "L3", ...t.L3 },
    { stage: "L4", ...t.L4 },
    { stage: "To resolve", ...t.toResolve },
  ].map((d) => ({ stage: d.stage, mean: hours(d.mean), p90: hours(d.p90) }));
  const backlogData = metrics.backlog.map((b) => ({ tier: b.tier, ...b.buckets }));
  const agentData = metrics.agentLoad.map((a) => ({ agent: a.name, load: a.openLoad, open: a.openTickets }));
  const groupData = metrics.groupThroughput.map((g) => ({ group: g.name, resolved: g.resolved, escalatedIn: g.escalatedIn }));
  const categoryData = metrics.topCategories.map((c) => ({ category: c.name, rate: c.escalationRate === null ? 0 : Math.round(c.escalationRate * 1000) / 10 }));

  return (
    <div className="space-y-4">
      <Headlines metrics={metrics} />
      <DashboardSection
        table={tables.funnel}
        fileName={file("funnel")}
        note="Tickets opened in the period and how far they went. Each number lists its tickets."
        chart={<BarChart data={funnelData} categoryKey="step" series={[{ key: "tickets", label: "Tickets", color: INDIGO }]} horizontal height={300} />}
      />
      <FeedbackFigures deflections={metrics.deflections} satisfaction={metrics.satisfaction} />
      <DashboardSection
        table={tables.sla}
        fileName={file("sla")}
        note="Share met on time, per priority, of the tickets opened in the period whose clock has an outcome."
        chart={
          <BarChart
            data={slaData}
            categoryKey="priority"
            unit="%"
            series={[
              { key: "firstResponse", label: "First response", color: INDIGO },
              { key: "resolution", label: "Resolution", color: TEAL },
              { key: "updates", label: "Customer updates", color: AMBER },
            ]}
          />
        }
      />
      <DashboardSection
        table={tables.timeInTier}
        fileName={file("time-in-tier")}
        note="Hours in each tier (the tier ledger, plus the running clock of open tickets) and from opening to resolution."
        chart={<BarChart data={tierData} categoryKey="stage" unit=" h" series={[{ key: "mean", label: "Mean", color: INDIGO }, { key: "p90", label: "90th percentile", color: ROSE }]} />}
      />
      <DashboardSection
        table={tables.backlog}
        fileName={file("backlog")}
        note="Open tickets now (the category, organization and priority filters apply), by tier and age since opening."
        chart={
          <BarChart
            data={backlogData}
            categoryKey="tier"
            stacked
            series={["lt1h", "lt4h", "lt1d", "lt3d", "older"].map((k, i) => ({ key: k, label: ["< 1 h", "< 4 h", "< 1 d", "< 3 d", "older"][i]!, color: AGE_COLORS[i]! }))}
          />
        }
      />
      <DashboardSection table={tables.vendors} fileName={file("vendor-waits")} note={`${metrics.vendorWaits.total} ticket(s) waiting on L4 now; the longest vendor clocks first.`} />
      <div className="grid gap-4 lg:grid-cols-2">
        <DashboardSection
          table={tables.agentLoad}
          fileName={file("agent-load")}
          chart={<BarChart data={agentData} categoryKey="agent" horizontal series={[{ key: "load", label: "Load", color: TEAL }]} height={Math.max(160, agentData.length * 36)} />}
        />
        <DashboardSection
          table={tables.groups}
          fileName={file("group-throughput")}
          chart={<BarChart data={groupData} categoryKey="group" horizontal series={[{ key: "resolved", label: "Resolved", color: TEAL }, { key: "escalatedIn", label: "Escalated in", color: SLATE }]} height={Math.max(160, groupData.length * 40)} />}
        />
      </div>
      <DashboardSection
        table={tables.categories}
        fileName={file("categories")}
        note="A high rate points at a weak SOP: the article L1 follows for that category."
        chart={<BarChart data={categoryData} categoryKey="category" unit="%" series={[{ key: "rate", label: "Escalation rate", color: ROSE }]} />}
      />
    </div>
  );
}
