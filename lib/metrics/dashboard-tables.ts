import { CHANNEL_LABEL } from "@/lib/labels";
import { AGE_BUCKETS, type AgeBucket } from "@/lib/validation/dashboard";
import { metricHref, type DashboardScope } from "./dashboard-links";
import type { DurationStats, EscalationMetrics, SlaRow, VendorTargetRow } from "./escalation-metrics-types";
import { formatDelta, formatFigure, VERDICT_LABEL } from "./key-figure-text";
import { PERCENTILE_PRECISION } from "./histogram";
import type { FigureKind } from "./key-figures";
import { formatDuration, formatRate } from "./rates";

/** One table cell: what the page shows, what the CSV holds, and the tickets behind it. */
export interface Cell {
  text: string;
  value: string | number | null;
  href?: string;
}

/** Every chart's numbers, as the page's table and the CSV export show them. */
export interface DashboardTable {
  id: string;
  title: string;
  columns: string[];
  /** The CSV's header when its raw values need a unit the page's formatted text carries itself ("Mean (s)"). */
  csvColumns?: string[];
  rows: Cell[][];
}

export const AGE_LABEL: Record<AgeBucket, string> = { lt1h: "< 1 h", lt4h: "< 4 h", lt1d: "< 1 d", lt3d: "< 3 d", older: "older" };

const num = (value: number, href?: string): Cell => ({ text: value.toLocaleString("en-US"), value, ...(href ? { href } : {}) });
const txt = (text: string, href?: string): Cell => ({ text, value: text, ...(href ? { href } : {}) });
const pct = (value: number | null): Cell => ({ text: formatRate(value), value: value === null ? null : Math.round(value * 10000) / 100 });
const secs = (value: number | null): Cell => ({ text: formatDuration(value), value: value === null ? null : Math.round(value) });

const UNIT: Record<FigureKind, string> = { count: "tickets", rate: "%", duration: "seconds" };
/** A key figure's raw value in its CSV unit: tickets, percent, seconds. */
const raw = (kind: FigureKind, value: number | null) => (value === null ? null : kind === "rate" ? Math.round(value * 10000) / 100 : Math.round(value));

export function keyFiguresTable(m: EscalationMetrics): DashboardTable {
  return {
    id: "key-figures",
    title: "Key figures against the previous period",
    columns: ["Figure", "Unit", "This period", "Previous period", "Change", "Better or worse"],
    rows: m.keyFigures.map((f) => [
      txt(f.kind === "duration" ? `${f.label} (${PERCENTILE_PRECISION})` : f.label),
      txt(UNIT[f.kind]),
      { text: formatFigure(f.kind, f.current), value: raw(f.kind, f.current) },
      { text: formatFigure(f.kind, f.previous), value: raw(f.kind, f.previous) },
      { text: f.delta === null ? "—" : formatDelta(f.kind, f.delta), value: f.delta === null ? null : f.kind === "rate" ? Math.round(f.delta * 1000) / 10 : f.delta },
      txt(VERDICT_LABEL[f.verdict]),
    ]),
  };
}

export function trendTable(m: EscalationMetrics): DashboardTable {
  return {
    id: "trend",
    title: "Trend per day",
    columns: ["Day (UTC)", "Opened", "Escalated L1→L2", "Escalated L2→L3", "Escalated L3→L4", "Resolution SLA breached"],
    rows: m.trend.map((d) => [txt(d.day), num(d.opened), num(d.escalatedL1L2), num(d.escalatedL2L3), num(d.escalatedL3L4), num(d.resolutionBreached)]),
  };
}

export function funnelTable(m: EscalationMetrics, scope: DashboardScope): DashboardTable {
  const f = m.funnel;
  const r = f.rates;
  const row = (step: string, count: number, href: string, rate: number | null, of: string): Cell[] => [txt(step), num(count, href), pct(rate), txt(of)];
  return {
    id: "funnel",
    title: "Escalation funnel",
    columns: ["Step", "Tickets", "Rate (%)", "Rate of"],
    rows: [
      row("Opened", f.opened, metricHref(scope, "opened"), null, ""),
      row("Resolved at L1", f.resolvedAtL1, metricHref(scope, "resolved-l1"), r.resolvedAtL1, "opened"),
      row("First-contact resolution (L1)", f.firstContactResolved, metricHref(scope, "first-contact"), r.firstContactResolution, "opened"),
      row("Escalated L1→L2", f.escalatedL1L2, metricHref(scope, "escalated-l1-l2"), r.escalatedL1L2, "opened"),
      row("Escalated L2→L3", f.escalatedL2L3, metricHref(scope, "escalated-l2-l3"), r.escalatedL2L3, "opened"),
      row("Escalated L3→L4", f.escalatedL3L4, metricHref(scope, "escalated-l3-l4"), r.escalatedL3L4, "opened"),
      row("Returned down a tier", f.returned, metricHref(scope, "returned"), r.returned, "opened"),
      row("Reopened", f.reopened, metricHref(scope, "reopened"), r.reopened, "resolved"),
    ],
  };
}

export function slaTable(m: EscalationMetrics, scope: DashboardScope): DashboardTable {
  const row = (s: SlaRow): Cell[] => {
    const p = s.priority === "all" ? {} : { priority: s.priority as DashboardScope["priority"] };
    const at = { ...scope, ...p };
    return [
      txt(s.priority === "all" ? "All" : s.priority),
      num(s.opened, metricHref(at, "opened")),
      num(s.firstResponseMet, metricHref(at, "first-response-met")),
      num(s.firstResponseBreached, metricHref(at, "first-response-breached")),
      pct(s.firstResponseRate),
      num(s.resolutionMet, metricHref(at, "resolution-met")),
      num(s.resolutionBreached, metricHref(at, "resolution-breached")),
      pct(s.resolutionRate),
      num(s.updatesOnTime, metricHref(at, "update-on-time")),
      num(s.updatesLate, metricHref(at, "update-late")),
      pct(s.updatesRate),
    ];
  };
  return {
    id: "sla",
    title: "SLA compliance by priority",
    columns: ["Priority", "Opened", "First response met", "First response breached", "First response on time (%)", "Resolution met", "Resolution breached", "Resolution on time (%)", "Updates on time", "Updates late", "Updates on time (%)"],
    rows: [...m.sla.byPriority.map(row), row(m.sla.total)],
  };
}

export function timeInTierTable(m: EscalationMetrics, scope: DashboardScope): DashboardTable {
  const t = m.timeInTier;
  const f = m.funnel;
  const row = (label: string, count: number, href: string, d: DurationStats): Cell[] => [txt(label), num(count, href), secs(d.mean), secs(d.median), secs(d.p90)];
  return {
    id: "time-in-tier",
    title: "Time in tier and to resolve",
    columns: ["Stage", "Tickets", "Mean", `Median (${PERCENTILE_PRECISION})`, `90th percentile (${PERCENTILE_PRECISION})`],
    csvColumns: ["Stage", "Tickets", "Mean (s)", `Median (s, ${PERCENTILE_PRECISION})`, `90th percentile (s, ${PERCENTILE_PRECISION})`],
    rows: [
      row("L1", f.opened, metricHref(scope, "opened"), t.L1),
      row("L2", f.escalatedL1L2, metricHref(scope, "escalated-l1-l2"), t.L2),
      row("L3", f.escalatedL2L3, metricHref(scope, "escalated-l2-l3"), t.L3),
      row("L4 (vendor clock)", f.escalatedL3L4, metricHref(scope, "escalated-l3-l4"), t.L4),
      row("To resolve", f.resolved, metricHref(scope, "resolved"), t.toResolve),
    ],
  };
}

export function backlogTable(m: EscalationMetrics, scope: DashboardScope): DashboardTable {
  return {
    id: "backlog",
    title: "Backlog now by tier and age",
    columns: ["Tier", ...AGE_BUCKETS.map((a) => AGE_LABEL[a]), "Total"],
    rows: m.backlog.map((b) => [
      txt(b.tier),
      ...AGE_BUCKETS.map((age) => num(b.buckets[age], metricHref(scope, "backlog", { tier: b.tier, age }))),
      num(b.total, metricHref(scope, "backlog", { tier: b.tier })),
    ]),
  };
}

export function vendorTable(m: EscalationMetrics): DashboardTable {
  return {
    id: "vendor-waits",
    title: "Waiting on L4 vendors and engineering",
    columns: ["Ticket", "Priority", "Group", "Reference", "Vendor clock", "Clock"],
    csvColumns: ["Ticket", "Priority", "Group", "Reference", "Vendor clock (s)", "Clock"],
    rows: m.vendorWaits.tickets.map((v) => [
      txt(v.number, `/queue/tickets/${v.number}`),
      txt(v.priority),
      txt(v.group),
      txt(v.externalReference ?? "—"),
      secs(v.vendorSeconds),
      txt(v.running ? "running" : "stopped"),
    ]),
  };
}

/** L4 vendor targets per group and priority, then all of them: each count lists the tickets behind it. */
export function vendorTargetsTable(m: EscalationMetrics, scope: DashboardScope): DashboardTable {
  const row = (r: VendorTargetRow): Cell[] => {
    const at: DashboardScope = r.priority ? { ...scope, priority: r.priority } : scope;
    const link = (metric: Parameters<typeof metricHref>[1]) => metricHref(at, metric, r.group ? { group: r.group.slug } : {});
    return [
      txt(r.group?.name ?? "All L4 groups"),
      txt(r.priority ?? "All"),
      num(r.engagements, link("vendor-engagements")),
      num(r.noTarget, link("vendor-no-target")),
      num(r.response.met, link("vendor-response-met")),
      num(r.response.missed, link("vendor-response-missed")),
      num(r.response.pending, link("vendor-response-pending")),
      pct(r.response.rate),
      num(r.resolution.met, link("vendor-resolution-met")),
      num(r.resolution.missed, link("vendor-resolution-missed")),
      num(r.resolution.pending, link("vendor-resolution-pending")),
      pct(r.resolution.rate),
      num(r.timeAtVendor.ended, link("vendor-ended")),
      num(r.timeAtVendor.open, link("vendor-open")),
      secs(r.timeAtVendor.p50),
      secs(r.timeAtVendor.p90),
    ];
  };
  const columns = (unit: string) => [
    "Group",
    "Priority",
    "Engagements",
    "No target",
    "Response met",
    "Response missed",
    "Response pending",
    "Response on time (%)",
    "Resolution met",
    "Resolution missed",
    "Resolution pending",
    "Resolution on time (%)",
    "Ended",
    "Still open",
    `Time at vendor p50${unit}`,
    `Time at vendor p90${unit}`,
  ];
  const { rows, total } = m.vendorTargets;
  return {
    id: "vendor-targets",
    title: "L4 vendor targets",
    columns: columns(""),
    csvColumns: columns(" (s)"),
    rows: rows.length ? [...rows.map(row), row(total)] : [],
  };
}

export function agentLoadTable(m: EscalationMetrics, scope: DashboardScope): DashboardTable {
  return {
    id: "agent-load",
    title: "Agent load now",
    columns: ["Agent", "Tier", "Open tickets", "Load (P1 = 5 … P5 = 1)"],
    rows: m.agentLoad.map((a) => [txt(a.name), txt(a.tier ?? "—"), num(a.openTickets, metricHref(scope, "assigned", { agent: a.userId })), num(a.openLoad, metricHref(scope, "assigned", { agent: a.userId }))]),
  };
}

export function groupThroughputTable(m: EscalationMetrics, scope: DashboardScope): DashboardTable {
  return {
    id: "group-throughput",
    title: "Group throughput in the period",
    columns: ["Group", "Tier", "Resolved", "Escalated in"],
    rows: m.groupThroughput.map((g) => [
      txt(g.name),
      txt(g.tier),
      num(g.resolved, metricHref(scope, "group-resolved", { group: g.slug })),
      num(g.escalatedIn, metricHref(scope, "group-escalated-in", { group: g.slug })),
    ]),
  };
}

export function categoryTable(m: EscalationMetrics, scope: DashboardScope): DashboardTable {
  return {
    id: "categories",
    title: "Categories by escalation rate (L1→L2)",
    columns: ["Category", "Opened", "Escalated to L2", "Escalation rate (%)", "SOP complete", "SOP completion (%)", "SOP overridden", "Override rate (%)", "SOP article"],
    rows: m.topCategories.map((c) => [
      txt(c.name),
      num(c.opened, metricHref({ ...scope, category: c.slug }, "opened")),
      num(c.escalated, metricHref({ ...scope, category: c.slug }, "escalated-l1-l2")),
      pct(c.escalationRate),
      num(c.sopComplete, metricHref({ ...scope, category: c.slug }, "sop-complete")),
      pct(c.sopCompletionRate),
      num(c.sopOverridden, metricHref({ ...scope, category: c.slug }, "sop-override")),
      pct(c.sopOverrideRate),
      txt(c.sop?.title ?? "none"),
    ]),
  };
}

/** The funnel's L1 steps per channel: does a phone call get resolved on first contact more often than a portal ticket? */
export function channelTable(m: EscalationMetrics): DashboardTable {
  return {
    id: "channels",
    title: "First contact by channel",
    columns: ["Channel", "Opened", "Resolved at L1", "First-contact resolved", "First-contact resolution (%)", "Escalated L1→L2", "Escalation rate (%)"],
    rows: m.byChannel.map((c) => [
      txt(CHANNEL_LABEL[c.channel]),
      num(c.opened),
      num(c.resolvedAtL1),
      num(c.firstContactResolved),
      pct(c.firstContactResolution),
      num(c.escalatedL1L2),
      pct(c.escalationRate),
    ]),
  };
}

/** Alerts that need a person, raised in the period and the one before: counts (each lists its tickets) and the median time to acknowledge. */
export function alertsTable(m: EscalationMetrics, scope: DashboardScope): DashboardTable {
  const { previous, ...now } = m.alerts;
  return {
    id: "alerts",
    title: "Alerts raised in the period",
    columns: ["Figure", "Unit", "This period", "Previous period"],
    rows: [
      [txt("Raised"), txt("alerts"), num(now.raised, metricHref(scope, "alerts-raised")), num(previous.raised)],
      [txt("Acknowledged (of those raised)"), txt("alerts"), num(now.acknowledged, metricHref(scope, "alerts-acknowledged")), num(previous.acknowledged)],
      [txt("Median time to acknowledge"), txt("seconds"), secs(now.medianSecondsToAcknowledge), secs(previous.medianSecondsToAcknowledge)],
    ],
  };
}

/** Every table of the dashboard, in page order. */
export function dashboardTables(m: EscalationMetrics, scope: DashboardScope) {
  return {
    keyFigures: keyFiguresTable(m),
    trend: trendTable(m),
    funnel: funnelTable(m, scope),
    sla: slaTable(m, scope),
    timeInTier: timeInTierTable(m, scope),
    backlog: backlogTable(m, scope),
    vendors: vendorTable(m),
    vendorTargets: vendorTargetsTable(m, scope),
    agentLoad: agentLoadTable(m, scope),
    groups: groupThroughputTable(m, scope),
    categories: categoryTable(m, scope),
    channels: channelTable(m),
    alerts: alertsTable(m, scope),
  };
}
