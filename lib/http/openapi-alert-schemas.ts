// The alert routes of /api/v1 and their response shape (mirrors AlertJson in lib/alerts/alert-json.ts).
import { ZAcknowledgeAlert } from "@/lib/validation/alerts";
import type { ApiRoute } from "./openapi";
import { ref, type JsonSchema } from "./openapi-schemas";

const string: JsonSchema = { type: "string" };
const object = (properties: Record<string, JsonSchema>, description?: string): JsonSchema => ({
  type: "object",
  ...(description ? { description } : {}),
  properties,
  required: Object.keys(properties),
});

const Alert = object(
  {
    id: { type: "integer", description: "The id of the ALERT event that raised it." },
    rule: { type: "string", enum: ["sla.resolution-100", "budget.l3", "sla.customer-update-overdue", "customer.escalation-request", "vendor.response-100", "vendor.resolution-100"] },
    label: { ...string, description: "The rule in words, e.g. Resolution target breached." },
    reason: { ...string, description: "The decision log's sentence that raised it." },
    raisedAt: { type: "string", format: "date-time" },
    ticket: object({ number: string, title: string }),
    acknowledgedAt: { type: ["string", "null"], format: "date-time" },
    acknowledgedBy: { anyOf: [object({ userId: string, name: string }), { type: "null" }] },
    note: { type: ["string", "null"] },
  },
  "An alert a person must acknowledge: a resolution target breached, an L3 budget spent, a customer update overdue, a customer's escalation request.",
);

export const ALERT_ROUTES: ApiRoute[] = [
  {
    method: "post",
    path: "/api/v1/alerts/{alertId}/acknowledge",
    operationId: "acknowledgeAlert",
    summary: "Acknowledge an alert, with an optional note (managers, admins, and the staff told of it): recorded once, as an event on the ticket's staff timeline.",
    description: "A second acknowledgement is 409; its message names who acknowledged the alert and when.",
    body: { name: "AcknowledgeAlert", schema: ZAcknowledgeAlert },
    response: { status: 200, description: "The acknowledged alert.", schema: "AlertResponse" },
    errors: [403, 409],
  },
];

export const ALERT_PATH_PARAMETERS: Record<string, JsonSchema> = {
  alertId: { name: "alertId", in: "path", required: true, description: "The alert's id.", schema: { type: "integer", minimum: 1 } },
};

export const ALERT_RESPONSE_SCHEMAS: Record<string, JsonSchema> = { Alert, AlertResponse: object({ alert: ref("Alert") }) };
