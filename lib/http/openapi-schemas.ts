// Response shapes of the /api/v1 routes as JSON Schema (2020-12, as OpenAPI 3.1 uses it). Requests are
// generated from the zod schemas the routes parse with (see openapi.ts); these mirror what lib returns:
// toTicketJson, EventJson, CommentJson, getPriorityMatrix and SweepResult.
import {
  CommentVisibility,
  Impact,
  L4Kind,
  Priority,
  Role,
  TicketEventType,
  TicketStatus,
  TicketType,
  Tier,
  Urgency,
} from "@/lib/db/generated/enums";
import { HTTP_STATUS } from "@/lib/errors";

export type JsonSchema = Record<string, unknown>;

export const ref = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` });
const nullable = (schema: JsonSchema): JsonSchema => ({ anyOf: [schema, { type: "null" }] });
const enumOf = (values: Record<string, string>): JsonSchema => ({ type: "string", enum: Object.values(values) });
const string: JsonSchema = { type: "string" };
const integer: JsonSchema = { type: "integer" };
const dateTime: JsonSchema = { type: "string", format: "date-time" };
const nullableDateTime: JsonSchema = { type: ["string", "null"], format: "date-time" };

/** An object whose every listed property is always present. */
function object(properties: Record<string, JsonSchema>, description?: string): JsonSchema {
  return { type: "object", ...(description ? { description } : {}), properties, required: Object.keys(properties) };
}

const person = object({ userId: string, name: string });
const tierBudgets = (of: JsonSchema) => object({ L1: of, L2: of, L3: of });

const Ticket = object({
  number: { type: "string", pattern: "^(INC|REQ)-\\d{6,}$" },
  type: enumOf(TicketType),
  title: string,
  description: string,
  status: enumOf(TicketStatus),
  tier: enumOf(Tier),
  priority: enumOf(Priority),
  impact: enumOf(Impact),
  urgency: enumOf(Urgency),
  category: object({ slug: string, name: string }),
  customer: object({ userId: string, name: string, organization: nullable(object({ slug: string, name: string })) }),
  group: object({ slug: string, name: string, tier: enumOf(Tier) }),
  assignee: nullable(person),
  externalReference: { type: ["string", "null"], description: "The L4 vendor's or team's reference." },
  version: { type: "integer", minimum: 1, description: "Send it back with PATCH: a stale version gets 409." },
  createdAt: dateTime,
  updatedAt: dateTime,
  due: object(
    { firstResponseAt: nullableDateTime, resolutionAt: nullableDateTime, nextUpdateAt: nullableDateTime, tierBudgetEndsAt: nullableDateTime },
    "Null where that clock is stopped (waiting on the customer, resolved) or done (first response given).",
  ),
  clocks: object(
    {
      customerClockRunning: { type: "boolean" },
      customerSecondsUsed: integer,
      tierSecondsUsed: tierBudgets(integer),
      vendorSecondsUsed: integer,
      vendorClockRunning: { type: "boolean" },
    },
    "Time used so far, in seconds: the customer clock, each tier's ledger, and the L4 vendor clock.",
  ),
  firstRespondedAt: nullableDateTime,
  resolvedAt: nullableDateTime,
});

const handoffGroup = nullable(object({ slug: string, name: string, l4Kind: { ...nullable(enumOf(L4Kind)), description: "VENDOR or ENGINEERING for an L4 group." } }));

const Handoff = object(
  {
    kind: { type: "string", enum: ["ESCALATION", "AUTO_ESCALATION", "L4_HANDOFF", "RETURN", "L4_REPLY"] },
    by: { ...nullable(person), description: "Who handed it on; null for the budget sweep. For an L4 reply: who recorded it." },
    from: object({ tier: enumOf(Tier), group: handoffGroup }),
    to: object({ tier: enumOf(Tier), group: handoffGroup, assignee: { type: ["string", "null"], description: "The user ID it went to, if anyone." } }),
    reason: { type: ["string", "null"], description: "Why it moved (escalations); null for returns and replies." },
    summary: { type: ["string", "null"], description: "Markdown: the escalation summary, the return's guidance, or the L4 group's reply." },
    stepsDone: { type: "array", items: string, description: "The SOP steps ticked on the ticket when it was handed on (and any the escalating client listed)." },
    externalReference: { type: ["string", "null"], description: "The L4 group's reference (hand-offs to L4 and their replies)." },
    openRequiredSteps: { type: "array", items: string, description: "Required SOP steps still open when L1 handed on (with an override, or by the budget sweep)." },
    sopOverride: { type: ["string", "null"], description: "Why L1 escalated with required SOP steps open (rule escalate.sop-override)." },
  },
  "An escalation, automatic escalation, return with guidance, hand-off to L4 or the L4 group's reply.",
);

const Event = object({
  type: enumOf(TicketEventType),
  at: dateTime,
  actor: {
    ...nullable({
      type: "object",
      properties: { userId: string, name: string, role: enumOf(Role), tier: nullable(enumOf(Tier)) },
      required: ["name"],
    }),
    description: "Null when the system decided. Customers get the name only, never a staff login ID, role or tier.",
  },
  fromTier: nullable(enumOf(Tier)),
  toTier: nullable(enumOf(Tier)),
  explanation: { type: "string", description: "One readable sentence that says why." },
  details: {
    ...nullable(
      object({
        rule: { type: ["string", "null"] },
        inputs: { description: "The rule's inputs: matrix version and cell, candidates and their loads, budget spent…" },
        fromGroup: { type: ["string", "null"] },
        toGroup: { type: ["string", "null"] },
        fromAssignee: { type: ["string", "null"] },
        toAssignee: { type: ["string", "null"] },
      }),
    ),
    description: "The rule that fired and its inputs; always null for customers.",
  },
  handoff: { ...nullable(ref("Handoff")), description: "The hand-off this event records (escalations, returns, L4 replies); always null for customers." },
});

const commentFields = object({
  id: integer,
  body: string,
  visibility: enumOf(CommentVisibility),
  author: person,
  createdAt: dateTime,
});
// Optional: present only on an internal note that mentions someone, in the answer to its writer.
const Comment: JsonSchema = {
  ...commentFields,
  properties: {
    ...(commentFields.properties as Record<string, JsonSchema>),
    mentions: object(
      { notified: { type: "array", items: string }, notNotified: { type: "array", items: object({ userId: string, reason: string }) } },
      "An internal note's @mentions: the staff told, and the people not told (a customer, a deactivated user, an unknown ID, the writer) with why.",
    ),
  },
};

const PriorityMatrix = object({
  version: { type: "integer", minimum: 1 },
  cells: { type: "array", items: object({ impact: enumOf(Impact), urgency: enumOf(Urgency), priority: enumOf(Priority) }) },
  targets: {
    type: "array",
    items: object({
      priority: enumOf(Priority),
      firstResponseMinutes: integer,
      resolutionMinutes: integer,
      updateEveryMinutes: integer,
      tierBudgetMinutes: tierBudgets(integer),
      businessHours: { type: "boolean" },
    }),
  },
});

const SweepResult = object({
  escalated: { type: "integer", description: "Tickets escalated because their tier budget was spent." },
  alerted: { type: "integer", description: "Manager alerts raised (75 % and 100 % of the resolution target, L3 budget spent, a customer update overdue by half the cadence)." },
  updatesDue: { type: "integer", description: "Tickets flagged because a customer update fell due." },
  closed: { type: "integer", description: "Resolved tickets closed because the customer had not answered for the support calendar's auto-close business days." },
  skipped: { type: "boolean", description: "True when another instance was sweeping: this run did nothing." },
});

const ErrorBody = object({
  error: {
    type: "object",
    properties: {
      code: { type: "string", enum: [...Object.keys(HTTP_STATUS), "INTERNAL"] },
      message: { type: "string", description: "Safe to show to the user." },
      fields: {
        type: "object",
        description: "On 400: each field at fault (dotted path, or _ for the whole body) with its messages.",
        additionalProperties: { type: "array", items: string },
      },
      currentVersion: { type: "integer", description: "On 409 for a stale version: the ticket's current version." },
      openSteps: { type: "array", items: string, description: "On 409 for an L1→L2 escalation: the required SOP steps still open." },
      acknowledgedBy: { type: ["string", "null"], description: "On 409 for an alert acknowledged before: the name of who acknowledged it." },
      acknowledgedAt: { ...nullableDateTime, description: "On 409 for an alert acknowledged before: when." },
      scope: { type: "string", description: "On 403 for a bearer token: the scope it lacks (tickets:read, tickets:write, alerts:write, metrics:read or admin)." },
    },
    required: ["code", "message"],
  },
});

/** The hand-written response schemas, by component name. */
export const RESPONSE_SCHEMAS: Record<string, JsonSchema> = {
  Ticket,
  TicketResponse: object({ ticket: ref("Ticket") }),
  TicketPage: object({
    tickets: { type: "array", items: ref("Ticket") },
    nextCursor: { type: ["string", "null"], description: "Pass as ?cursor= for the next page; null on the last one." },
  }),
  Handoff,
  Event,
  EventList: object({ events: { type: "array", items: ref("Event") } }),
  Comment,
  CommentResponse: object({ comment: ref("Comment") }),
  ViewerList: object({ viewers: { type: "array", items: object({ userId: string, name: string, seenAt: dateTime }) } }),
  PriorityMatrix,
  SweepResult,
  Error: ErrorBody,
};
