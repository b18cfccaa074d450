// The outbound webhook routes of /api/v1 (issue 16 §3) and their response shapes as JSON Schema: mirrors
// WebhookJson and WebhookDeliveryJson (lib/webhooks/webhook-json.ts).
import { WebhookDeliveryStatus } from "@/lib/db/generated/enums";
import { WEBHOOK_EVENT_CODES, ZCreateWebhook, ZDeliveryQuery, ZUpdateWebhook } from "@/lib/validation/webhook";
import type { ApiRoute } from "./openapi";
import { ref, type JsonSchema } from "./openapi-schemas";

const string: JsonSchema = { type: "string" };
const dateTime: JsonSchema = { type: "string", format: "date-time" };
const nullable = (schema: JsonSchema, description?: string): JsonSchema => ({ anyOf: [schema, { type: "null" }], ...(description ? { description } : {}) });
const eventCode: JsonSchema = { type: "string", enum: WEBHOOK_EVENT_CODES };

function object(properties: Record<string, JsonSchema>, description?: string): JsonSchema {
  return { type: "object", ...(description ? { description } : {}), properties, required: Object.keys(properties) };
}

const Webhook = object({
  id: { type: "string", format: "uuid" },
  url: string,
  description: string,
  events: { type: "array", items: eventCode },
  active: { type: "boolean" },
  consecutiveFailures: { type: "integer", minimum: 0, description: "Events in a row whose delivery failed for good; at 8 the endpoint is disabled." },
  disabledAt: nullable(dateTime),
  disabledReason: nullable(string, "Why it is disabled: by whom, or the failures that disabled it."),
  createdBy: object({ userId: string, name: string }),
  createdAt: dateTime,
  updatedAt: dateTime,
});

const WebhookDelivery = object({
  id: { type: "integer", minimum: 1 },
  webhookId: { ...string, description: "The Standard Webhooks webhook-id header: the same on every attempt and redelivery." },
  event: eventCode,
  ticket: nullable(string, "The ticket's number."),
  status: { type: "string", enum: Object.values(WebhookDeliveryStatus) },
  attempts: { type: "integer", minimum: 0 },
  responseCode: nullable({ type: "integer" }, "The last attempt's HTTP status; null when none came (refused address, network error, timeout)."),
  durationMs: nullable({ type: "integer", minimum: 0 }),
  lastError: nullable(string),
  createdAt: dateTime,
  nextAttemptAt: nullable(dateTime, "When a waiting delivery is tried next."),
  deliveredAt: nullable(dateTime),
});

export const WEBHOOK_RESPONSE_SCHEMAS: Record<string, JsonSchema> = {
  Webhook,
  WebhookResponse: object({ webhook: ref("Webhook") }),
  WebhookCreated: object({ webhook: ref("Webhook"), secret: { ...string, description: 'The signing secret ("whsec_" + base64 of 32 bytes): shown in this answer only.' } }),
  WebhookList: object({ webhooks: { type: "array", items: ref("Webhook") } }),
  WebhookDelivery,
  WebhookDeliveryPage: object({ deliveries: { type: "array", items: ref("WebhookDelivery") }, nextCursor: nullable({ type: "integer", minimum: 1 }, "Pass as cursor for the next (older) page; null on the last page.") }),
  WebhookRedelivered: object({ delivery: object({ id: { type: "integer", minimum: 1 }, status: { type: "string", enum: ["PENDING"] } }) }),
};

export const WEBHOOK_PATH_PARAMETERS: Record<string, JsonSchema> = {
  webhookId: { name: "webhookId", in: "path", required: true, description: "The webhook endpoint's id.", schema: { type: "string", format: "uuid" } },
  deliveryId: { name: "deliveryId", in: "path", required: true, description: "The delivery's id.", schema: { type: "integer", minimum: 1 } },
};

const URL_NOTE =
  "The URL is http or https; a loopback, private, link-local or unique-local address written out (IPv4 or IPv6, IPv4-mapped included) or a localhost name is a 400 unless the server runs with WEBHOOK_ALLOW_PRIVATE=1. Names are resolved and checked again on every delivery.";

export const WEBHOOK_ROUTES: ApiRoute[] = [
  {
    method: "get",
    path: "/api/v1/admin/webhooks",
    operationId: "listWebhooks",
    summary: "Outbound webhook endpoints, oldest first, with their state (admins and managers). Never their secrets.",
    response: { status: 200, description: "The endpoints.", schema: "WebhookList" },
    errors: [403],
  },
  {
    method: "post",
    path: "/api/v1/admin/webhooks",
    operationId: "createWebhook",
    summary: "Register an endpoint: URL, events (wire names), description (admins). The answer carries the signing secret, the only time it is shown.",
    description: URL_NOTE,
    body: { name: "CreateWebhook", schema: ZCreateWebhook },
    response: { status: 201, description: "The endpoint and its secret.", schema: "WebhookCreated" },
    errors: [403],
  },
  {
    method: "get",
    path: "/api/v1/admin/webhooks/{webhookId}",
    operationId: "getWebhook",
    summary: "One endpoint (admins and managers).",
    response: { status: 200, description: "The endpoint.", schema: "WebhookResponse" },
    errors: [403, 404],
  },
  {
    method: "patch",
    path: "/api/v1/admin/webhooks/{webhookId}",
    operationId: "updateWebhook",
    summary: "Change an endpoint's URL, events, description or active state (admins).",
    description: `Disabling records who did it. Enabling a disabled endpoint clears the reason and its count of failed events. ${URL_NOTE}`,
    body: { name: "UpdateWebhook", schema: ZUpdateWebhook },
    response: { status: 200, description: "The endpoint.", schema: "WebhookResponse" },
    errors: [403, 404],
  },
  {
    method: "delete",
    path: "/api/v1/admin/webhooks/{webhookId}",
    operationId: "deleteWebhook",
    summary: "Remove an endpoint with its delivery log (admins); the audit trail keeps what it was.",
    response: { status: 200, description: "Deleted.", schema: "Deleted" },
    errors: [403, 404],
  },
  {
    method: "get",
    path: "/api/v1/admin/webhooks/{webhookId}/deliveries",
    operationId: "listWebhookDeliveries",
    summary: "An endpoint's delivery log, newest first, keyset-paginated (admins and managers): status, event, ticket, last answer, duration, attempts, last error.",
    query: ZDeliveryQuery,
    response: { status: 200, description: "A page of deliveries.", schema: "WebhookDeliveryPage" },
    errors: [403, 404],
  },
  {
    method: "post",
    path: "/api/v1/admin/webhooks/{webhookId}/deliveries/{deliveryId}/redeliver",
    operationId: "redeliverWebhook",
    summary: "Send a failed delivery again (admins): it waits again, due now, with a fresh set of 8 attempts, the same webhook-id and the same body.",
    description: "A delivery that is not FAILED is a 409.",
    response: { status: 200, description: "Queued again.", schema: "WebhookRedelivered" },
    errors: [403, 404, 409],
  },
];
