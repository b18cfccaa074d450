import type { Actor } from "@/lib/actor";
import { db } from "@/lib/db/client";
import { Priority, TicketChannel, Tier } from "@/lib/db/generated/enums";
import { forbidden } from "@/lib/errors";
import { can } from "@/lib/permissions";
import { parseInput } from "@/lib/validation/parse";
import type { VerbInput } from "@/lib/validation/unchecked";
import { AGE_BUCKETS, ZDashboardQuery, type AgeBucket } from "@/lib/validation/dashboard";
import { dashboardStatements, type DurationMeasure } from "./dashboard.sql";
import type { CategoryRow, ChannelRow, DurationStats, EscalationMetrics, SlaRow, TrendDay } from "./escalation-metrics-types";
import { keyFigures, type ComparedFigures } from "./key-figures";
import { getAlertFigures } from "./alert-figures";
import { countDeflections, deflectionFigures, getSatisfaction } from "./deflections-and-satisfaction";
import { histogramPercentile, type HistogramBucket } from "./histogram";
import { previousRange, resolvePeriod } from "./period";
import { funnelRates, rate, type FunnelCounts } from "./rates";
import { vendorTargetFigures, type VendorTargetSqlRow } from "./vendor-target-rows";

interface PeriodRow extends FunnelCounts {
  groupedBy: "priority" | "category" | "channel" | "total";
  priority: string | null;
  categoryId: string | null;
  channel: TicketChannel | null;
  firstResponseMet: number;
  firstResponseBreached: number;
  resolutionMet: number;
  resolutionBreached: number;
  updateLate: number;
  sopComplete: number;
  sopOverride: number;
  [mean: `${string}Mean`]: number | null;
  /** The total row's histogram of durations: [measure, bucket, count], in order. */
  durations: [DurationMeasure, number, number][] | null;
}

/** The exact mean from the period's sums; the median and 90th percentile from the histogram, within 1 %. */
function duration(row: PeriodRow | undefined, name: string, measure: DurationMeasure): DurationStats {
  const buckets: HistogramBucket[] = (row?.durations ?? []).filter(([m]) => m === measure).map(([, bucket, count]) => ({ bucket, count }));
  return { mean: row?.[`${name}Mean`] ?? null, median: histogramPercentile(buckets, 0.5), p90: histogramPercentile(buckets, 0.9) };
}

function slaRow(priority: string, row: PeriodRow | undefined): SlaRow {
  const opened = row?.opened ?? 0;
  const frMet = row?.firstResponseMet ?? 0;
  const frBreached = row?.firstResponseBreached ?? 0;
  const resMet = row?.resolutionMet ?? 0;
  const resBreached = row?.resolutionBreached ?? 0;
  const late = row?.updateLate ?? 0;
  return {
    priority,
    opened,
    firstResponseMet: frMet,
    firstResponseBreached: frBreached,
    firstResponseRate: rate(frMet, frMet + frBreached),
    resolutionMet: resMet,
    resolutionBreached: resBreached,
    resolutionRate: rate(resMet, resMet + resBreached),
    updatesOnTime: opened - late,
    updatesLate: late,
    updatesRate: rate(opened - late, opened),
  };
}

const FUNNEL_KEYS = ["opened", "resolvedAtL1", "firstContactResolved", "escalatedL1L2", "escalatedL2L3", "escalatedL3L4", "returned", "reopened", "resolved"] as const;

/** The figures the top row compares, from a period statement's total row. */
function comparedFigures(total: PeriodRow | undefined): ComparedFigures {
  const funnel = Object.fromEntries(FUNNEL_KEYS.map((k) => [k, total?.[k] ?? 0])) as unknown as FunnelCounts;
  return { funnel: { ...funnel, rates: funnelRates(funnel) }, sla: { total: slaRow("all", total) }, timeToResolve: duration(total, "resolve", "RESOLVE") };
}

/**
 * The manager dashboard's figures for a period and filters, all computed by SQL aggregation over the daily
 * rollups and the tickets they leave out (see dashboard.sql.ts and rollup.sql.ts): the top row against the
 * previous period, the trend per day, the escalation funnel, SLA compliance, time in tier, backlog, vendor
 * waits, L4 vendor targets, agent load, group throughput and categories by escalation rate. Managers and admins only.
 */
export async function getEscalationMetrics(actor: Actor, input: VerbInput<typeof ZDashboardQuery>, now = new Date()): Promise<EscalationMetrics> {
  if (!can(actor, "metrics:read")) throw forbidden("Only managers and admins see the dashboard.");
  const query = parseInput(ZDashboardQuery, input);
  const range = resolvePeriod(query, now);
  const previous = previousRange(range);
  const s = dashboardStatements(range, query, now);
  const [period, previousPeriod, [opened], trend, backlog, vendors, vendorTargets, agents, groups, categories, deflections, satisfaction, alerts, previousAlerts] = await Promise.all([
    db().$queryRaw<PeriodRow[]>(s.period),
    db().$queryRaw<PeriodRow[]>(s.previousPeriod),
    db().$queryRaw<[{ opened: number }]>(s.opened),
    db().$queryRaw<TrendDay[]>(s.trend),
    db().$queryRaw<{ tier: Tier; age: AgeBucket; count: number }[]>(s.backlog),
    db().$queryRaw<(EscalationMetrics["vendorWaits"]["tickets"][number] & { total: number })[]>(s.vendors),
    db().$queryRaw<VendorTargetSqlRow[]>(s.vendorTargets),
    db().$queryRaw<EscalationMetrics["agentLoad"]>(s.agents),
    db().$queryRaw<EscalationMetrics["groupThroughput"]>(s.groups),
    db().$queryRaw<{ id: string; slug: string; name: string; sopSlug: string | null; sopTitle: string | null }[]>(s.categories),
    countDeflections(range),
    getSatisfaction(range),
    getAlertFigures(range, query),
    getAlertFigures(previous, query),
  ]);

  const total = period.find((r) => r.groupedBy === "total");
  const current = comparedFigures(total);
  const before = comparedFigures(previousPeriod[0]);
  const byPriority = Object.values(Priority).map((p) => slaRow(p, period.find((r) => r.groupedBy === "priority" && r.priority === p)));
  const topCategories = categories
    .map((c): CategoryRow => {
      const row = period.find((r) => r.groupedBy === "category" && r.categoryId === c.id);
      const opened = row?.opened ?? 0;
      const escalated = row?.escalatedL1L2 ?? 0;
      const sopComplete = row?.sopComplete ?? 0;
      const sopOverridden = row?.sopOverride ?? 0;
      return {
        slug: c.slug,
        name: c.name,
        opened,
        escalated,
        escalationRate: rate(escalated, opened),
        sop: c.sopSlug ? { slug: c.sopSlug, title: c.sopTitle ?? c.sopSlug } : null,
        sopComplete,
        sopCompletionRate: rate(sopComplete, escalated),
        sopOverridden,
        sopOverrideRate: rate(sopOverridden, escalated),
      };
    })
    .filter((c) => c.opened > 0)
    .sort((a, b) => (b.escalationRate ?? 0) - (a.escalationRate ?? 0) || b.opened - a.opened || a.slug.localeCompare(b.slug));

  // Every channel, quiet ones as 0: first contact by phone against the portal is the comparison managers want.
  const byChannel = Object.values(TicketChannel).map((channel): ChannelRow => {
    const row = period.find((r) => r.groupedBy === "channel" && r.channel === channel);
    const opened = row?.opened ?? 0;
    const firstContactResolved = row?.firstContactResolved ?? 0;
    const escalatedL1L2 = row?.escalatedL1L2 ?? 0;
    return {
      channel,
      opened,
      resolvedAtL1: row?.resolvedAtL1 ?? 0,
      firstContactResolved,
      firstContactResolution: rate(firstContactResolved, opened),
      escalatedL1L2,
      escalationRate: rate(escalatedL1L2, opened),
    };
  });

  return {
    period: { name: range.period, from: range.from.toISOString(), to: range.to.toISOString() },
    filters: { category: query.category ?? null, org: query.org ?? null, priority: query.priority ?? null },
    now: now.toISOString(),
    funnel: current.funnel,
    sla: { byPriority, total: current.sla.total },
    timeInTier: {
      L1: duration(total, "l1", "L1"),
      L2: duration(total, "l2", "L2"),
      L3: duration(total, "l3", "L3"),
      L4: duration(total, "l4", "L4"),
      toResolve: current.timeToResolve,
    },
    backlog: Object.values(Tier).map((tier) => {
      const buckets = Object.fromEntries(AGE_BUCKETS.map((age) => [age, backlog.find((b) => b.tier === tier && b.age === age)?.count ?? 0])) as Record<AgeBucket, number>;
      return { tier, buckets, total: Object.values(buckets).reduce((a, b) => a + b, 0) };
    }),
    vendorWaits: {
      total: vendors[0]?.total ?? 0,
      tickets: vendors.map((v) => ({ number: v.number, priority: v.priority, group: v.group, kind: v.kind, externalReference: v.externalReference, vendorSeconds: v.vendorSeconds, running: v.running })),
    },
    vendorTargets: vendorTargetFigures(vendorTargets),
    agentLoad: agents,
    groupThroughput: groups,
    topCategories,
    byChannel,
    deflections: deflectionFigures(deflections, opened.opened),
    satisfaction,
    alerts: { ...alerts, previous: previousAlerts },
    previousPeriod: { from: previous.from.toISOString(), to: previous.to.toISOString(), ...before },
    keyFigures: keyFigures(current, before),
    trend,
  };
}
