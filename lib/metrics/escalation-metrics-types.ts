import type { Tier } from "@/lib/db/generated/enums";
import type { AgeBucket, DashboardPeriod } from "@/lib/validation/dashboard";
import type { DeflectionFigures, SatisfactionFigures } from "./deflections-and-satisfaction";
import type { FunnelCounts, FunnelRates } from "./rates";

/** Mean and 90th percentile, in seconds; null when no ticket counts. */
export interface DurationStats {
  mean: number | null;
  p90: number | null;
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
  agentLoad: { userId: string; name: string; tier: string | null; openTickets: number; openLoad: number }[];
  groupThroughput: { slug: string; name: string; tier: string; resolved: number; escalatedIn: number }[];
  topCategories: CategoryRow[];
  deflections: DeflectionFigures;
  satisfaction: SatisfactionFigures;
}
