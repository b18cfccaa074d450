// Response shape of GET /api/v1/queue as JSON Schema: mirrors QueuePage in lib/tickets/find-queue.ts.
import { Priority, TicketChannel, TicketStatus, Tier } from "@/lib/db/generated/enums";
import { BULK_ACTIONS } from "@/lib/validation/bulk";
import { QUEUE_COLUMNS } from "@/lib/validation/queue-preferences";
import { OPEN_STATUSES, QUEUE_SORTS, QUEUE_TIERS, QUEUE_VIEWS, SORT_DIRECTIONS } from "@/lib/validation/queue";
import { ref, type JsonSchema } from "./openapi-schemas";

const string: JsonSchema = { type: "string" };
const dateTime: JsonSchema = { type: "string", format: "date-time" };
const nullableDateTime: JsonSchema = { type: ["string", "null"], format: "date-time" };
const enumOf = (values: readonly string[]): JsonSchema => ({ type: "string", enum: [...values] });

function object(properties: Record<string, JsonSchema>, description?: string): JsonSchema {
  return { type: "object", ...(description ? { description } : {}), properties, required: Object.keys(properties) };
}

const QueueRow = object({
  number: { type: "string", pattern: "^(INC|REQ)-\\d{6,}$" },
  version: { type: "integer", minimum: 1, description: "Send it back in a bulk action: a ticket changed since is refused where the action checks versions." },
  title: string,
  priority: enumOf(Object.values(Priority)),
  tier: enumOf(Object.values(Tier)),
  status: enumOf(Object.values(TicketStatus)),
  category: object({ slug: string, name: string }),
  group: object({ slug: string, name: string }),
  customer: object({ userId: string, name: string, organization: { type: ["string", "null"] } }),
  assignee: { anyOf: [object({ userId: string, name: string }), { type: "null" }] },
  createdAt: dateTime,
  updatedAt: dateTime,
  channel: { ...enumOf(Object.values(TicketChannel)), description: "How the ticket came in; MONITORING: opened by a monitoring alert." },
  majorIncident: { anyOf: [object({ childCount: { type: "integer", minimum: 0 } }), { type: "null" }], description: "A major incident and how many tickets are attached to it." },
  parentNumber: { type: ["string", "null"], description: "The major incident this ticket is attached to." },
  due: object(
    { firstResponseDueAt: nullableDateTime, tierBudgetWarnAt: nullableDateTime, tierBudgetEndsAt: nullableDateTime, resolutionWarnAt: nullableDateTime, resolutionDueAt: nullableDateTime },
    "Null where that clock is stopped. A warn instant is 75 % of the tier budget or resolution target: 25 % is left.",
  ),
});

const QueuePage = object({
  view: enumOf(QUEUE_VIEWS),
  tier: { ...enumOf(QUEUE_TIERS), description: "An agent's own tier, or what a manager chose (default all)." },
  sort: enumOf(QUEUE_SORTS),
  dir: enumOf(SORT_DIRECTIONS),
  query: { type: "object", description: "The query as understood (defaults left out), without the cursor." },
  rows: { type: "array", items: ref("QueueRow") },
  counts: {
    ...object(Object.fromEntries(QUEUE_VIEWS.map((v) => [v, { type: "integer", minimum: 0 }]))),
    description: "Tickets in each view of this scope, before filters and search, counted up to countCap (see cappedCounts).",
  },
  cappedCounts: { type: "array", items: enumOf(QUEUE_VIEWS), description: "Views holding more than countCap tickets: their count is countCap (shown \"10,000+\")." },
  countCap: { type: "integer", minimum: 1, description: "Where counting stops." },
  nextCursor: { type: ["string", "null"], description: "Pass as ?cursor= for the next page; null on the last one." },
  now: { ...dateTime, description: "The server's clock when the page was read: count down from it." },
});

const BulkResult = object({
  action: enumOf(BULK_ACTIONS),
  done: { type: "integer", minimum: 0 },
  refused: { type: "integer", minimum: 0 },
  results: {
    type: "array",
    description: "One entry per ticket, in the order sent.",
    items: {
      type: "object",
      properties: {
        number: string,
        outcome: enumOf(["done", "refused"]),
        code: { type: "string", description: "Refused only: the error code the single-ticket action gave (CONFLICT, FORBIDDEN, NOT_FOUND, VALIDATION …)." },
        reason: { type: "string", description: "Refused only: why, in words a person reads." },
      },
      required: ["number", "outcome"],
    },
  },
});

const QueuePreferences = object({ hiddenColumns: { type: "array", items: enumOf(QUEUE_COLUMNS), description: "The optional columns this person hides." } });

const SavedView = object({
  id: { type: "integer", minimum: 1 },
  name: string,
  query: { type: "object", description: "The queue query it opens: view, tier, filters, q, sort, dir." },
  hiddenColumns: { type: "array", items: enumOf(QUEUE_COLUMNS) },
});
const SavedViewList = object({ views: { type: "array", items: { allOf: [ref("SavedView"), object({ count: { type: "integer", minimum: 0 }, countCapped: { type: "boolean", description: "The view holds more than count (the queue's countCap) tickets." } })] } } });
const SavedViewResponse = object({ view: ref("SavedView") });
const SavedViewDeleted = object({ deleted: { type: "integer", minimum: 1 } });

export const QUEUE_RESPONSE_SCHEMAS: Record<string, JsonSchema> = { QueueRow, QueuePage, BulkResult, QueuePreferences, SavedView, SavedViewList, SavedViewResponse, SavedViewDeleted };

/** Open statuses, for the description of the status filter. */
export const QUEUE_STATUS_NOTE = `Open statuses only: ${OPEN_STATUSES.join(", ")}.`;
