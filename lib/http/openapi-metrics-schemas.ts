// Response shape of GET /api/v1/metrics/escalations as JSON Schema: mirrors EscalationMetrics in
// lib/metrics/escalation-metrics-types.ts.
import { Priority, TicketChannel } from "@/lib/db/generated/enums";
import { KEY_FIGURE_IDS } from "@/lib/metrics/key-figures";
import { AGE_BUCKETS, DASHBOARD_PERIODS } from "@/lib/validation/dashboard";
import type { JsonSchema } from "./openapi-schemas";

const int: JsonSchema = { type: "integer", minimum: 0 };
const string: JsonSchema = { type: "string" };
const nullableString: JsonSchema = { type: ["string", "null"] };
const share: JsonSchema = { type: ["number", "null"], minimum: 0, maximum: 1, description: "0–1; null when nothing to divide by." };
const seconds: JsonSchema = { type: ["number", "null"], minimum: 0 };

function object(properties: Record<string, JsonSchema>, description?: string): JsonSchema {
  return { type: "object", ...(description ? { description } : {}), properties, required: Object.keys(properties) };
}
const arrayOf = (items: JsonSchema): JsonSchema => ({ type: "array", items });
const durations = object({ mean: seconds, median: seconds, p90: seconds }, "Seconds: mean (exact), median and 90th percentile (read from histograms with 2 % wide buckets: within 1 % of the exact value).");

const FUNNEL = ["opened", "resolvedAtL1", "firstContactResolved", "escalatedL1L2", "escalatedL2L3", "escalatedL3L4", "returned", "reopened", "resolved"];
const RATES = ["resolvedAtL1", "firstContactResolution", "escalatedL1L2", "escalatedL2L3", "escalatedL3L4", "returned", "reopened"];

const SlaRow = object({
  priority: string,
  opened: int,
  firstResponseMet: int,
  firstResponseBreached: int,
  firstResponseRate: share,
  resolutionMet: int,
  resolutionBreached: int,
  resolutionRate: share,
  updatesOnTime: int,
  updatesLate: int,
  updatesRate: share,
});

const funnel = object(
  { ...Object.fromEntries(FUNNEL.map((k) => [k, int])), rates: object(Object.fromEntries(RATES.map((k) => [k, share]))) },
  "Tickets opened in the period and what happened to them. Rates: each step of those opened (a ticket can reach L2 or L3 by assignment as well as by escalation, so a step is not a share of the one before); reopened of those resolved.",
);

const KeyFigure = object({
  id: { type: "string", enum: [...KEY_FIGURE_IDS] },
  label: string,
  kind: { type: "string", enum: ["count", "rate", "duration"], description: "count: tickets; rate: a share 0–1; duration: seconds." },
  betterWhen: { type: "string", enum: ["higher", "lower", "neither"] },
  current: { type: ["number", "null"] },
  previous: { type: ["number", "null"] },
  delta: { type: ["number", "null"], description: "current − previous in the figure's unit, compared as shown (rates to 0.001, durations to the second); null when either is missing." },
  change: { type: "string", enum: ["up", "down", "same", "no-comparison"] },
  verdict: { type: "string", enum: ["better", "worse", "neutral", "unchanged", "no-comparison"] },
});

const TrendDay = object(
  { day: { type: "string", format: "date" }, opened: int, escalatedL1L2: int, escalatedL2L3: int, escalatedL3L4: int, resolutionBreached: int },
  "One UTC day: tickets opened, escalation events per tier, resolution targets breached (the sweep's alert) on that day; quiet days are 0.",
);

const alertFigures = { raised: int, acknowledged: int, medianSecondsToAcknowledge: seconds };
const alerts = {
  ...object({ ...alertFigures, previous: object(alertFigures) }),
  description: "Alerts that need a person (breaches, L3 budgets spent, overdue updates, escalation requests) raised in the period: acknowledged by now, and the median seconds to acknowledge; previous: the same for the period before.",
};

const outcomes = (what: string) =>
  object(
    { met: int, missed: int, pending: int, rate: { ...share, description: "met / (met + missed)." } },
    `Engagements with a ${what} target: met, missed, and still pending (open, not yet due).`,
  );
const VendorTargetRow = object({
  group: { anyOf: [object({ slug: string, name: string }), { type: "null" }], description: "Null in the total row." },
  priority: { type: ["string", "null"], enum: [...Object.values(Priority), null], description: "The engagement's priority (its target's); null in the total row." },
  engagements: { ...int, description: "Engagements started in the period." },
  noTarget: { ...int, description: "Engagements whose group had no target for the priority: not measured." },
  response: {
    ...outcomes("response"),
    description:
      "Met: the recorded response came by its due time. Missed: later, or none recorded by the due time while the engagement was open. Pending: open, no response, not yet due. An engagement that ended before its response was due without one recorded is none of these.",
  },
  resolution: { ...outcomes("resolution"), description: "Met: the engagement ended (handed back or resolved) by its due time. Missed: later, or open past it. Pending: open, not yet due." },
  timeAtVendor: object(
    { ended: int, open: int, p50: seconds, p90: seconds },
    "Seconds from hand-off to the engagement's end: exact median and 90th percentile of the ended engagements (percentile_cont); the open ones are left out and counted in open.",
  ),
});

const EscalationMetrics = object({
  period: object({ name: { type: "string", enum: [...DASHBOARD_PERIODS] }, from: { type: "string", format: "date-time" }, to: { type: "string", format: "date-time" } }),
  filters: object({ category: nullableString, org: nullableString, priority: nullableString }),
  now: { type: "string", format: "date-time" },
  funnel,
  sla: object({ byPriority: arrayOf(SlaRow), total: SlaRow }),
  timeInTier: object({ L1: durations, L2: durations, L3: durations, L4: durations, toResolve: durations }),
  backlog: arrayOf(object({ tier: string, buckets: object(Object.fromEntries(AGE_BUCKETS.map((a) => [a, int]))), total: int }, "Open tickets now, by age.")),
  vendorWaits: object({
    total: int,
    tickets: arrayOf(object({ number: string, priority: string, group: string, kind: nullableString, externalReference: nullableString, vendorSeconds: { type: "number" }, running: { type: "boolean" } })),
  }),
  vendorTargets: object(
    { rows: arrayOf(VendorTargetRow), total: VendorTargetRow },
    "L4 vendor targets: engagements with an L4 group started in the period (the category and organization filters apply to their tickets, the priority filter to the engagement), per group and priority, and in total.",
  ),
  agentLoad: arrayOf(object({ userId: string, name: string, tier: nullableString, openTickets: int, openLoad: int })),
  groupThroughput: arrayOf(object({ slug: string, name: string, tier: string, resolved: int, escalatedIn: int })),
  topCategories: arrayOf(
    object({
      slug: string,
      name: string,
      opened: int,
      escalated: int,
      escalationRate: share,
      sop: { anyOf: [object({ slug: string, title: string }), { type: "null" }] },
      sopComplete: { ...int, description: "Tickets escalated L1→L2 with every required SOP step ticked (not by override, not by the budget sweep with steps open)." },
      sopCompletionRate: { ...share, description: "sopComplete / escalated." },
      sopOverridden: { ...int, description: "Tickets escalated L1→L2 by an SOP override (rule escalate.sop-override)." },
      sopOverrideRate: { ...share, description: "sopOverridden / escalated." },
    }),
  ),
  byChannel: {
    ...arrayOf(
      object({ channel: { type: "string", enum: Object.values(TicketChannel) }, opened: int, resolvedAtL1: int, firstContactResolved: int, firstContactResolution: share, escalatedL1L2: int, escalationRate: share }),
    ),
    description: "The period's L1 funnel by how tickets came in (every channel, quiet ones as 0): rates are of the channel's opened tickets.",
  },
  deflections: { ...object({ deflections: int, rate: share }), description: "Self-service deflections in the period, and their share of contacts (tickets opened plus deflections)." },
  satisfaction: {
    ...object({ average: { type: ["number", "null"] }, distribution: arrayOf(object({ rating: int, count: int })) }),
    description: "Satisfaction ratings given in the period: average (null without ratings) and count per score 1–5.",
  },
  alerts,
  previousPeriod: object(
    { from: { type: "string", format: "date-time" }, to: { type: "string", format: "date-time" }, funnel, sla: object({ total: SlaRow }), timeToResolve: durations },
    "The period of the same length just before (today so far: yesterday up to the same time), with the same figures for the top row's changes.",
  ),
  keyFigures: { ...arrayOf(KeyFigure), description: "The top row: opened, resolved, first-contact resolution, escalation rate L1→L2, resolution SLA breaches, median time to resolve, each against the previous period." },
  trend: { ...arrayOf(TrendDay), description: "Every UTC day of the period, in order." },
});

export const METRICS_RESPONSE_SCHEMAS: Record<string, JsonSchema> = { EscalationMetrics };
