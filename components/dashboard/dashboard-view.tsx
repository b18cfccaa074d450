import { CHANNEL_LABEL } from "@/lib/labels";
import type { DashboardTable } from "@/lib/metrics/dashboard-tables";
import type { EscalationMetrics } from "@/lib/metrics/escalation-metrics-types";
import { PERCENTILE_PRECISION } from "@/lib/metrics/histogram";
import { BarChart } from "./bar-chart";
import { DashboardSection } from "./dashboard-section";
import { FeedbackFigures } from "./feedback-figures";
import { KeyFiguresRow } from "./key-figures-row";
import { TrendChart } from "./trend-chart";

type Tables = Record<"keyFigures" | "trend" | "funnel" | "sla" | "timeInTier" | "backlog" | "vendors" | "vendorTargets" | "agentLoad" | "groups" | "categories" | "channels", DashboardTable>;

// Okabe–Ito colours (distinct with every common colour-vision deficiency), those with at least 3:1 against white.
const BLUE = "#0072B2";
const GREEN = "#009E73";
const PURPLE = "#CC79A7";
const VERMILLION = "#D55E00";
const BLACK = "#000000";
const AGE_COLORS = [GREEN, BLUE, PURPLE, VERMILLION, BLACK];

const value = (cell: { value: string | number | null } | undefined) => (typeof cell?.value === "number" ? cell.value : 0);
const hours = (s: number | null) => (s === null ? null : Math.round((s / 3600) * 100) / 100);
const utc = (iso: string) => `${iso.slice(0, 16).replace("T", " ")} UTC`;

/** The dashboard: key figures against the previous period, the trend per day, then each chart with its numbers folded under it. Props only. */
export function DashboardView({ metrics, tables, fileSuffix }: { metrics: EscalationMetrics; tables: Tables; fileSuffix: string }) {
  const file = (id: string) => `tierdesk-${id}-${fileSuffix}.csv`;
  const funnelData = tables.funnel.rows.map((r) => ({ step: r[0]!.text, tickets: value(r[1]) }));
  const percent = (share: number | null) => (share === null ? null : Math.round(share * 1000) / 10);
  const slaData = metrics.sla.byPriority.map((s) => ({ priority: s.priority, firstResponse: percent(s.firstResponseRate), resolution: percent(s.resolutionRate), updates: percent(s.updatesRate) }));
  const t = metrics.timeInTier;
  const tierData = [
    { stage: "L1", ...t.L1 },
    { stage: "L2", ...t.L2 },
    { stage: "L3", ...t.L3 },
    { stage: "L4", ...t.L4 },
    { stage: "To resolve", ...t.toResolve },
  ].map((d) => ({ stage: d.stage, mean: hours(d.mean), median: hours(d.median), p90: hours(d.p90) }));
  const backlogData = metrics.backlog.map((b) => ({ tier: b.tier, ...b.buckets }));
  const agentData = metrics.agentLoad.map((a) => ({ agent: a.name, load: a.openLoad }));
  const groupData = metrics.groupThroughput.map((g) => ({ group: g.name, resolved: g.resolved, escalatedIn: g.escalatedIn }));
  const categoryData = metrics.topCategories.map((c) => ({ category: c.name, rate: percent(c.escalationRate) ?? 0 }));
  const vt = metrics.vendorTargets.total.timeAtVendor;
  const rowsHeight = (rows: number) => Math.max(160, rows * 32 + 48);
  const channelData = metrics.byChannel.map((c) => ({ channel: CHANNEL_LABEL[c.channel], fcr: percent(c.firstContactResolution) ?? 0, escalated: percent(c.escalationRate) ?? 0 }));

  return (
    <div className="space-y-4">
      <KeyFiguresRow
        figures={metrics.keyFigures}
        previousLabel={`${utc(metrics.previousPeriod.from)} to ${utc(metrics.previousPeriod.to)}`}
        table={tables.keyFigures}
        fileName={file("key-figures")}
      />
      <DashboardSection
        table={tables.trend}
        fileName={file("trend")}
        note="What happened on each day of the period, for the filters chosen: tickets opened, escalations made, resolution targets breached (the sweep's alert)."
        chart={<TrendChart days={metrics.trend} />}
      />
      <div className="grid gap-4 lg:grid-cols-3">
        <DashboardSection
          table={tables.funnel}
          fileName={file("funnel")}
          note="Tickets opened in the period and how far they went. Each number lists its tickets."
          chart={<BarChart data={funnelData} categoryKey="step" series={[{ key: "tickets", label: "Tickets", color: BLUE }]} horizontal height={260} />}
        />
        <DashboardSection
          table={tables.sla}
          fileName={file("sla")}
          note="Share met on time (%), per priority, of the tickets opened in the period whose clock has an outcome."
          chart={
            <BarChart
              data={slaData}
              categoryKey="priority"
              unit=" %"
              height={260}
              series={[
                { key: "firstResponse", label: "First response", color: BLUE },
                { key: "resolution", label: "Resolution", color: GREEN },
                { key: "updates", label: "Customer updates", color: VERMILLION },
              ]}
            />
          }
        />
        <DashboardSection
          table={tables.channels}
          fileName={file("channels")}
          note="Share of each channel's opened tickets resolved at first contact or escalated to L2."
          chart={
            <BarChart
              data={channelData}
              categoryKey="channel"
              unit=" %"
              height={220}
              series={[
                { key: "fcr", label: "Resolved first contact", color: GREEN },
                { key: "escalated", label: "Escalated L1→L2", color: VERMILLION },
              ]}
            />
          }
        />
      </div>
      <div className="grid gap-4 md:grid-cols-2 lg:grid-cols-3">
        <DashboardSection
          table={tables.timeInTier}
          fileName={file("time-in-tier")}
          note={`Hours in each tier (the tier ledger, plus the running clock of open tickets) and from opening to resolution. Means are exact; medians and 90th percentiles are read from histograms, ${PERCENTILE_PRECISION} of the exact figure.`}
          chart={
            <BarChart
              data={tierData}
              categoryKey="stage"
              unit=" h"
              height={220}
              series={[
                { key: "mean", label: "Mean", color: BLUE },
                { key: "median", label: "Median", color: GREEN },
                { key: "p90", label: "90th percentile", color: VERMILLION },
              ]}
            />
          }
        />
        <DashboardSection
          table={tables.backlog}
          fileName={file("backlog")}
          note="Open tickets now (the filters apply), by tier and age since opening."
          chart={
            <BarChart
              data={backlogData}
              categoryKey="tier"
              stacked
              height={220}
              series={["lt1h", "lt4h", "lt1d", "lt3d", "older"].map((k, i) => ({ key: k, label: ["< 1 h", "< 4 h", "< 1 d", "< 3 d", "older"][i]!, color: AGE_COLORS[i]! }))}
            />
          }
        />
        <DashboardSection
          table={tables.categories}
          fileName={file("categories")}
          note="Escalation rate L1→L2 (%): a high rate points at a weak SOP, the article L1 follows."
          chart={<BarChart data={categoryData} categoryKey="category" unit=" %" horizontal series={[{ key: "rate", label: "Escalation rate", color: VERMILLION }]} height={rowsHeight(categoryData.length)} />}
        />
        <DashboardSection
          table={tables.agentLoad}
          fileName={file("agent-load")}
          note="Open tickets per agent, weighted by priority."
          chart={<BarChart data={agentData} categoryKey="agent" horizontal series={[{ key: "load", label: "Load", color: GREEN }]} height={rowsHeight(agentData.length)} />}
        />
        <DashboardSection
          table={tables.groups}
          fileName={file("group-throughput")}
          note="Tickets resolved by each group, and escalated into it, in the period."
          chart={
            <BarChart
              data={groupData}
              categoryKey="group"
              horizontal
              series={[
                { key: "resolved", label: "Resolved", color: GREEN },
                { key: "escalatedIn", label: "Escalated in", color: BLUE },
              ]}
              height={rowsHeight(groupData.length)}
            />
          }
        />
        <FeedbackFigures deflections={metrics.deflections} satisfaction={metrics.satisfaction} />
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        <DashboardSection
          table={tables.vendors}
          fileName={file("vendor-waits")}
          note={`${metrics.vendorWaits.total} ticket(s) waiting on L4 now; the longest vendor clocks first.`}
          showLabel="Show the tickets"
        />
        <DashboardSection
          table={tables.vendorTargets}
          fileName={file("vendor-targets")}
          note={`Started in the period; % of met + missed. Time at vendor: p50/p90 of ${vt.ended} ended, ${vt.open} open left out.`}
        />
      </div>
    </div>
  );
}
