// Response shapes of the portal routes (customer view, outbox, ratings), as JSON Schema; they mirror
// toCustomerTicketJson, OutboxMessageJson, DeliveryResult and RatingSummary.
import { OutboxStatus, TicketStatus, TicketType } from "@/lib/db/generated/enums";
import { ref, type JsonSchema } from "./openapi-schemas";

const string: JsonSchema = { type: "string" };
const integer: JsonSchema = { type: "integer" };
const dateTime: JsonSchema = { type: "string", format: "date-time" };
const nullableDateTime: JsonSchema = { type: ["string", "null"], format: "date-time" };
const enumOf = (values: Record<string, string>): JsonSchema => ({ type: "string", enum: Object.values(values) });
const object = (properties: Record<string, JsonSchema>, description?: string): JsonSchema => ({
  type: "object",
  ...(description ? { description } : {}),
  properties,
  required: Object.keys(properties),
});

const CustomerTicket = object(
  {
    number: { type: "string", pattern: "^(INC|REQ)-\\d{6,}$" },
    type: enumOf(TicketType),
    title: string,
    description: string,
    status: enumOf(TicketStatus),
    statusLabel: { type: "string", description: "The status in plain words, e.g. \"Waiting for your reply\"." },
    priorityLabel: { type: "string", enum: ["Critical", "High", "Medium", "Low", "Planning"] },
    supportLevel: { type: "string", enum: ["Level 1 support", "Level 2 support", "Level 3 support", "Specialist team"] },
    category: string,
    version: { type: "integer", minimum: 1, description: "Send it back with the portal verbs: a stale version gets 409." },
    nextUpdateAt: { ...nullableDateTime, description: "When support promised the next update; null while none is promised." },
    lastActivityAt: dateTime,
    createdAt: dateTime,
    resolvedAt: nullableDateTime,
    closedAt: nullableDateTime,
    openedBy: { type: ["string", "null"], enum: ["Service Desk", null], description: "\"Service Desk\" when support logged the ticket for you (a call, chat, mail or visit); null when you opened it." },
    rating: { anyOf: [object({ score: { type: "integer", minimum: 1, maximum: 5 }, comment: string, ratedAt: dateTime }), { type: "null" }] },
  },
  "A ticket as its customer sees it: no group, agent, vendor reference or clock internals.",
);

export const PORTAL_RESPONSE_SCHEMAS: Record<string, JsonSchema> = {
  CustomerTicket,
  CustomerTicketResponse: object({ ticket: ref("CustomerTicket") }),
  CustomerMatches: object({
    customers: {
      type: "array",
      maxItems: 10,
      items: object({ userId: string, name: string, email: { type: ["string", "null"] }, organization: { type: ["string", "null"] } }),
    },
  }),
  TicketView: object({ ticket: { anyOf: [ref("Ticket"), ref("CustomerTicket")] } }, "Staff get a Ticket; customers a CustomerTicket."),
  TicketViewPage: object({
    tickets: { type: "array", items: { anyOf: [ref("Ticket"), ref("CustomerTicket")] } },
    nextCursor: { type: ["string", "null"], description: "Pass as ?cursor= for the next page; null on the last one." },
  }),
  OutboxList: object({
    messages: {
      type: "array",
      items: object({
        id: integer,
        ticketNumber: { type: ["string", "null"] },
        toAddress: string,
        subject: string,
        body: string,
        status: enumOf(OutboxStatus),
        deliveredVia: { type: ["string", "null"], enum: ["smtp", "outbox-only", null] },
        attempts: integer,
        nextAttemptAt: dateTime,
        lastError: { type: ["string", "null"] },
        sentAt: nullableDateTime,
        createdAt: dateTime,
      }),
    },
  }),
  DeliveryResult: object({ sent: integer, retried: integer, failed: integer }),
  RatingSummary: object({
    count: integer,
    average: { type: ["number", "null"] },
    byScore: object({ 1: integer, 2: integer, 3: integer, 4: integer, 5: integer }),
  }),
};
