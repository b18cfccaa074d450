// Response shapes of the /api/v1/admin routes as JSON Schema: mirror lib/admin (list-audit-events,
// list-matrix-versions, run-what-if, person-json, list-login-throttles).
import { Priority, Role, Tier } from "@/lib/db/generated/enums";
import { ref, type JsonSchema } from "./openapi-schemas";

const string: JsonSchema = { type: "string" };
const integer: JsonSchema = { type: "integer" };
const dateTime: JsonSchema = { type: "string", format: "date-time" };
const enumOf = (values: readonly string[]): JsonSchema => ({ type: "string", enum: [...values] });
const countsBy = (keys: readonly string[]): JsonSchema => object(Object.fromEntries(keys.map((k) => [k, integer])));

function object(properties: Record<string, JsonSchema>, description?: string): JsonSchema {
  return { type: "object", ...(description ? { description } : {}), properties, required: Object.keys(properties) };
}

const Person = object({
  userId: string,
  name: string,
  email: { type: ["string", "null"] },
  role: enumOf(Object.values(Role)),
  tier: { anyOf: [enumOf(Object.values(Tier)), { type: "null" }] },
  organization: { type: ["string", "null"], description: "The organization's slug (customers)." },
  active: { type: "boolean" },
  serviceAccount: { type: "boolean", description: "Acts only through API tokens (/admin/tokens) and never signs in." },
  createdAt: dateTime,
});

const breachCounts = {
  firstResponse: integer,
  resolution: integer,
  update: { ...integer, description: "Customer updates that fell due unanswered." },
  vendorResponse: { ...integer, description: "L4 stints whose vendor responded after the target, or not by its due time." },
  vendorResolution: { ...integer, description: "L4 stints that ran past the vendor's resolution target." },
};
const Breaches = object(breachCounts);
const ReplaySummary = object({
  tickets: integer,
  priorityMix: countsBy(Object.values(Priority)),
  breaches: object({ ...breachCounts, byPriority: object(Object.fromEntries(Object.values(Priority).map((p) => [p, Breaches]))) }),
  escalations: { ...countsBy(["L1L2", "L2L3", "L3L4"]), description: "Tier moves up in the replay: by the budget sweep and by hand." },
  automaticEscalations: { ...countsBy(["L1L2", "L2L3"]), description: "Of those, the budget sweep's." },
  load: {
    ...object(Object.fromEntries(Object.values(Tier).map((t) => [t, object({ peak: integer, mean: { type: "number" }, series: { type: "array", items: integer } })]))),
    description: "The period's tickets open at each tier at the end of each day (loadDays): peak, mean and the series.",
  },
});
const TicketOutcome = object({
  priority: enumOf(Object.values(Priority)),
  firstResponse: enumOf(["met", "breached", "pending"]),
  resolution: enumOf(["met", "breached", "pending"]),
  escalations: integer,
});

export const ADMIN_RESPONSE_SCHEMAS: Record<string, JsonSchema> = {
  AuditEventPage: object({
    events: {
      type: "array",
      items: object({ id: integer, at: dateTime, actor: object({ userId: string, name: string }), entity: string, entityId: string, action: string, before: {}, after: {} }),
    },
    nextCursor: { type: ["integer", "null"] },
  }),
  MatrixVersionList: object({
    versions: {
      type: "array",
      items: object({
        version: integer,
        note: string,
        publishedAt: dateTime,
        publishedBy: { anyOf: [object({ userId: string, name: string }), { type: "null" }] },
        cells: { type: "array", items: { type: "object" } },
        targets: { type: "array", items: { type: "object" } },
      }),
    },
  }),
  WhatIfResult: object({
    current: ReplaySummary,
    draft: ReplaySummary,
    reclassified: { ...integer, description: "Tickets whose priority differs on the draft." },
    changed: { ...integer, description: "Tickets whose priority, breaches or escalations differ on the draft." },
    changedTickets: { type: "array", description: "The first 500 of them.", items: object({ number: string, current: TicketOutcome, draft: TicketOutcome }) },
    loadDays: { type: "array", description: "The day ends the load series sample.", items: dateTime },
    currentVersion: integer,
    period: object({ from: string, to: string }),
    seconds: { type: "number", description: "How long the replay took." },
  }),
  Person,
  PersonResponse: object({ person: ref("Person") }),
  PersonList: object({ people: { type: "array", items: ref("Person") }, more: { type: "boolean" } }),
  CreatedPerson: object({
    person: ref("Person"),
    secret: { type: "string", description: "The PIN (customers) or first password (staff): shown this once, stored only as a hash." },
    secretKind: enumOf(["PIN", "password"]),
  }),
  IssuedPin: object({ userId: string, pin: { type: "string", description: "Shown this once, stored only as a hash." } }),
  ResetPassword: object({ userId: string, password: { type: "string", description: "Shown this once, stored only as a hash." } }),
  LoginThrottleList: object({
    throttles: { type: "array", items: object({ key: string, failures: integer, lastFailureAt: dateTime, blockedUntil: dateTime, blocked: { type: "boolean" } }) },
  }),
  Cleared: object({ cleared: { type: "boolean" } }),
  Deleted: object({ deleted: { type: "boolean" } }),
  KbArticle: object({
    slug: string,
    title: string,
    body: { type: "string", description: "Markdown." },
    audience: enumOf(["CUSTOMER", "AGENT"]),
    category: { type: ["string", "null"] },
    published: { type: "boolean" },
    updatedAt: dateTime,
  }),
  KbArticleList: object({ articles: { type: "array", items: ref("KbArticle") } }),
  KbArticleResponse: object({ article: ref("KbArticle") }),
  SupportGroup: object({
    slug: string,
    name: string,
    tier: enumOf(Object.values(Tier)),
    l4Kind: { type: ["string", "null"], enum: ["VENDOR", "ENGINEERING", null] },
    assignmentMode: enumOf(["AUTO", "PULL"]),
    members: { type: "array", items: object({ userId: string, name: string, isLead: { type: "boolean", description: "Told of the group's alerts: breaches, L3 budgets spent, overdue updates, escalation requests." } }) },
    categories: { type: "array", items: string, description: "Categories whose L1 escalations come to this group." },
    calendar: { type: ["string", "null"], description: "The slug of the calendar its tier budgets run on; null: the priority matrix version's." },
    vendorTargets: {
      type: "array",
      description: "L4 groups: the vendor's (or engineering team's) targets per priority, P1 first; empty for other groups and for an L4 group without a contract.",
      items: object({
        priority: enumOf(["P1", "P2", "P3", "P4", "P5"]),
        responseMinutes: { type: "integer", minimum: 1, description: "Until the vendor acknowledges the hand-off." },
        resolutionMinutes: { type: "integer", minimum: 1, description: "Until the vendor resolves it (hands it back or it is resolved at L4)." },
        calendar: { type: "string", description: "The slug of the calendar the targets count on: the vendor's support hours, or 24x7." },
      }),
    },
  }),
  SupportGroupList: object({ groups: { type: "array", items: ref("SupportGroup") } }),
  SupportGroupResponse: object({ group: ref("SupportGroup") }),
  AdminCategory: object({
    slug: string,
    name: string,
    description: string,
    defaultImpact: enumOf(["HIGH", "MEDIUM", "LOW"]),
    defaultUrgency: enumOf(["HIGH", "MEDIUM", "LOW"]),
    sopArticle: { type: "string", description: "The SOP article's slug, or empty." },
    l2Group: { type: "string", description: "The L2 group's slug, or empty for the default." },
  }),
  AdminCategoryList: object({ categories: { type: "array", items: ref("AdminCategory") } }),
  AdminCategoryResponse: object({ category: ref("AdminCategory") }),
  SupportCalendar: object({
    id: string,
    slug: { type: "string", description: "The slug of the calendar the priority matrix version runs on: its windows and versions are at /api/v1/admin/calendars/{slug}." },
    name: string,
    timeZone: string,
    workdays: { type: "array", items: { type: "integer", minimum: 1, maximum: 7 }, description: "ISO weekdays: 1 = Monday … 7 = Sunday." },
    opensAt: { type: "string", description: "HH:MM local time." },
    closesAt: { type: "string", description: "HH:MM local time." },
    holidays: { type: "array", items: object({ date: { type: "string", format: "date" }, name: string }) },
    autoCloseBusinessDays: { type: "integer", minimum: 0, maximum: 60, description: "A resolved ticket the customer has not answered for this many business days is closed by the sweep; 0 = never." },
  }),
};
