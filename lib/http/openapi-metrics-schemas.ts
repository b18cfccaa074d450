// Response shape of GET /api/v1/metrics/escalations as JSON Schema: mirrors EscalationMetrics in
// lib/metrics/escalation-metrics-types.ts.
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
const durations = object({ mean: seconds, p90: seconds }, "Seconds: mean and 90th percentile.");

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

const EscalationMetrics = object({
  period: object({ name: { type: "string", enum: [...DASHBOARD_PERIODS] }, from: { type: "string", format: "date-time" }, to: { type: "string", format: "date-time" } }),
  filters: object({ category: nullableString, org: nullableString, priority: nullableString }),
  now: { type: "string", format: "date-time" },
  funnel: object(
    { ...Object.fromEntries(FUNNEL.map((k) => [k, int])), rates: object(Object.fromEntries(RATES.map((k) => [k, share]))) },
    "Tickets opened in the period and what happened to them. Rates: L1→L2, resolved at L1 and first contact of those opened; L2→L3 of those that reached L2; L3→L4 of those that reached L3; returned of those escalated; reopened of those resolved.",
  ),
  sla: object({ byPriority: arrayOf(SlaRow), total: SlaRow }),
  timeInTier: object({ L1: durations, L2: durations, L3: durations, L4: durations, toResolve: durations }),
  backlog: arrayOf(object({ tier: string, buckets: object(Object.fromEntries(AGE_BUCKETS.map((a) => [a, int]))), total: int }, "Open tickets now, by age.")),
  vendorWaits: object({
    total: int,
    tickets: arrayOf(object({ number: string, priority: string, group: string, kind: nullableString, externalReference: nullableString, vendorSeconds: { type: "number" }, running: { type: "boolean" } })),
  }),
  agentLoad: arrayOf(object({ userId: string, name: string, tier: nullableString, openTickets: int, openLoad: int })),
  groupThroughput: arrayOf(object({ slug: string, name: string, tier: string, resolved: int, escalatedIn: int })),
  topCategories: arrayOf(
    object({ slug: string, name: string, opened: int, escalated: int, escalationRate: share, sop: { anyOf: [object({ slug: string, title: string }), { type: "null" }] } }),
  ),
  deflections: { ...object({ deflections: int, rate: share }), description: "Self-service deflections in the period, and their share of contacts (tickets opened plus deflections)." },
  satisfaction: {
    ...object({ average: { type: ["number", "null"] }, distribution: arrayOf(object({ rating: int, count: int })) }),
    description: "Satisfaction ratings given in the period: average (null without ratings) and count per score 1–5.",
  },
});

export const METRICS_RESPONSE_SCHEMAS: Record<string, JsonSchema> = { EscalationMetrics };
