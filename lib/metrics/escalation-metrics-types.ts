import type { Priority, TicketChannel, Tier } from "@/lib/db/generated/enums";
import type { AgeBucket, DashboardPeriod } from "@/lib/validation/dashboard";
import type { AlertFigures } from "./alert-figures";
import type { DeflectionFigures, SatisfactionFigures } from "./deflections-and-satisfaction";
import type { ComparedFigures, KeyFigure } from "./key-figures";
import type { FunnelCounts, FunnelRates } from "./rates";

/** Mean, median and 90th percentile, in seconds; null when no ticket counts. */
export interface DurationStats {
  mean: number | null;
  median: number | null;
  p90: number | null;
}

/** One UTC day of the period: tickets opened, escalations made per tier, resolution targets breached. */
export interface TrendDay {
  /** YYYY-MM-DD (UTC). */
  day: string;
  opened: number;
  escalatedL1L2: number;
  escalatedL2L3: number;
  escalatedL3L4: number;
  resolutionBreached: number;
}

export interface SlaRow {
  priority: string;
  opened: number;
  firstResponseMet: number;
  firstResponseBreached: number;
  firstResponseRate: number | null;
  resolutionMet: number;
  resolutionBreached: number;
  resolutionRate: number | null;
  updatesOnTime: number;
  updatesLate: number;
  updatesRate: number | null;
}

export interface CategoryRow {
  slug: string;
  name: string;
  opened: number;
  escalated: number;
  escalationRate: number | null;
  sop: { slug: string; title: string } | null;
  /** Tickets escalated L1→L2 with every required SOP step ticked, and their share of `escalated`. */
  sopComplete: number;
  sopCompletionRate: number | null;
  /** Tickets escalated L1→L2 by an SOP override (escalate.sop-override), and their share of `escalated`. */
  sopOverridden: number;
  sopOverrideRate: number | null;
}

/** The funnel's L1 steps for the tickets that came in through one channel (portal, API, phone, chat, email, walk-in). */
export interface ChannelRow {
  channel: TicketChannel;
  opened: number;
  resolvedAtL1: number;
  firstContactResolved: number;
  firstContactResolution: number | null;
  escalatedL1L2: number;
  escalationRate: number | null;
}

/** Everything the dashboard and GET /api/v1/metrics/escalations show: JSON-safe. */
export interface EscalationMetrics {
  period: { name: DashboardPeriod; from: string; to: string };
  filters: { category: string | null; org: string | null; priority: string | null };
  now: string;
  funnel: FunnelCounts & { rates: FunnelRates };
  sla: { byPriority: SlaRow[]; total: SlaRow };
  timeInTier: { L1: DurationStats; L2: DurationStats; L3: DurationStats; L4: DurationStats; toResolve: DurationStats };
  backlog: { tier: Tier; buckets: Record<AgeBucket, number>; total: number }[];
  vendorWaits: { total: number; tickets: { number: string; priority: string; group: string; kind: string | null; externalReference: string | null; vendorSeconds: number; running: boolean }[] };
  /** L4 vendor targets: engagements started in the period per L4 group and priority, and in total. */
  vendorTargets: { rows: VendorTargetRow[]; total: VendorTargetRow };
  agentLoad: { userId: string; name: string; tier: string | null; openTickets: number; openLoad: number }[];
  groupThroughput: { slug: string; name: string; tier: string; resolved: number; escalatedIn: number }[];
  topCategories: CategoryRow[];
  /** The period's funnel split by how tickets came in, every channel listed. */
  byChannel: ChannelRow[];
  deflections: DeflectionFigures;
  satisfaction: SatisfactionFigures;
  /** Alerts that need a person, raised in the period (the filters apply to their tickets), and the same for the previous period. */
  alerts: AlertFigures & { previous: AlertFigures };
  /** The period of the same length just before (see previousRange), with the figures the top row compares. */
  previousPeriod: { from: string; to: string } & ComparedFigures;
  /** The top row: each figure of this period against the previous one. */
  keyFigures: KeyFigure[];
  /** Every UTC day of the period, quiet days as 0. */
  trend: TrendDay[];
}

/** Engagements measured against one vendor target: met, missed, still pending, and met / (met + missed). */
export interface VendorTargetOutcomes {
  met: number;
  missed: number;
  pending: number;
  rate: number | null;
}

/** One L4 group and priority (or, in `total`, every one): engagements started in the period and how they fared. */
export interface VendorTargetRow {
  /** Null in the total row. */
  group: { slug: string; name: string } | null;
  priority: Priority | null;
  engagements: number;
  /** Engagements the group had no target for (nothing measured). */
  noTarget: number;
  response: VendorTargetOutcomes;
  resolution: VendorTargetOutcomes;
  /** Seconds from hand-off to the engagement's end, exact median and 90th percentile of the ended ones; `open` are left out. */
  timeAtVendor: { ended: number; open: number; p50: number | null; p90: number | null };
}
