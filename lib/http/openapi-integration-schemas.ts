// The monitoring-alert routes of /api/v1 (issue 16) and their response shapes as JSON Schema: mirrors
// IntegrationJson (lib/integrations/integration-json.ts) and AlertReceipt (lib/integrations/receive-alerts.ts).
import { z } from "zod";
import { Impact, IntegrationKind, Urgency } from "@/lib/db/generated/enums";
import { ZAlertmanagerPayload } from "@/lib/validation/alertmanager";
import { ZIntegration, ZIntegrationPatch, ZIntegrationSlug } from "@/lib/validation/integration";
import type { ApiRoute } from "./openapi";
import { ref, type JsonSchema } from "./openapi-schemas";

const string: JsonSchema = { type: "string" };
const count: JsonSchema = { type: "integer", minimum: 0 };
const dateTime: JsonSchema = { type: "string", format: "date-time" };
const enumOf = (values: Record<string, string>): JsonSchema => ({ type: "string", enum: Object.values(values) });
const numbers: JsonSchema = { type: "array", items: { type: "string", pattern: "^INC-\\d{6,}$" } };

function object(properties: Record<string, JsonSchema>, description?: string): JsonSchema {
  return { type: "object", ...(description ? { description } : {}), properties, required: Object.keys(properties) };
}

const level = object({ impact: enumOf(Impact), urgency: enumOf(Urgency) });

const Integration = object({
  id: { type: "string", format: "uuid" },
  slug: string,
  name: string,
  kind: enumOf(IntegrationKind),
  customer: object({ userId: string, name: string }, "The customer incidents are opened for."),
  category: object({ slug: string, name: string }, "The incidents' category unless categoryLabel names another."),
  severityMap: object({ critical: level, warning: level, info: level }, "The alert's severity label → impact and urgency; another severity takes the category's defaults."),
  categoryLabel: { type: ["string", "null"], description: "The alert label whose value names a category slug." },
  resolveOnResolved: { type: "boolean", description: "A resolved alert resolves its incident." },
  active: { type: "boolean", description: "Off: the endpoint answers 404 for it." },
  endpointPath: { ...string, description: "The path Alertmanager posts to; prefix the site's address." },
  incidents: { ...count, description: "Incidents it opened." },
  openAlerts: { ...count, description: "Of those, alerts still open (firing, or not yet resolved)." },
  createdAt: dateTime,
  updatedAt: dateTime,
});

const AlertReceipt = object({
  integration: string,
  opened: { ...numbers, description: "Incidents opened: a firing alert whose fingerprint had no open incident." },
  repeated: { ...count, description: "Firing alerts whose incident is open: counted on it (last seen, times received), nothing opened." },
  resolved: { ...numbers, description: "Incidents resolved with their alert (when the integration resolves them)." },
  resolvedAlerts: { ...count, description: "Resolved alerts recorded on their incident (a MONITORING_ALERT event; its owner is notified)." },
  ignored: { ...count, description: "Resolved alerts with no open incident: nothing to do." },
});

export const INTEGRATION_RESPONSE_SCHEMAS: Record<string, JsonSchema> = {
  Integration,
  IntegrationResponse: object({ integration: ref("Integration") }),
  IntegrationList: object({ integrations: { type: "array", items: ref("Integration") } }),
  AlertReceipt,
};

export const INTEGRATION_PATH_PARAMETERS: Record<string, JsonSchema> = {
  integration: { name: "integration", in: "path", required: true, description: "The integration's id or slug.", schema: { type: "string" } },
};

const SAVE_NOTE =
  "customer is an active customer's user ID, category a category's slug (either unknown: 400 naming it); severityMap defaults to critical → HIGH/HIGH, warning → MEDIUM/MEDIUM, info → LOW/LOW; a slug another integration has is a 409. Audited.";

export const INTEGRATION_ROUTES: ApiRoute[] = [
  {
    method: "post",
    path: "/api/v1/integrations/alertmanager",
    operationId: "receiveAlertmanagerAlerts",
    summary: "Prometheus Alertmanager's webhook (payload version 4, as sent): opens, counts and resolves incidents (staff; a token with alerts:write).",
    description:
      "Name the integration in the URL: ?integration=<slug> (unknown or switched off: 404). One incident per alert fingerprint while it is open: a firing alert with no open incident opens one through the usual L1 intake (channel MONITORING, impact and urgency from the severity label, title and description from the annotations as plain text, the acknowledgement mail to the integration's customer), linked as related to the fingerprint's previous incident if it had one; a repeat is counted on its incident; a resolved alert is recorded on it (its owner is notified) and, if the integration says so, resolves it. A storm of many alerts opens its incidents in one statement; a replay opens none; concurrent identical payloads open each incident once. The body may be up to 8 MB and 5,000 alerts.",
    query: z.object({ integration: ZIntegrationSlug }),
    body: { name: "AlertmanagerPayload", schema: ZAlertmanagerPayload },
    response: { status: 200, description: "What the payload did.", schema: "AlertReceipt" },
    errors: [403, 404],
  },
  {
    method: "get",
    path: "/api/v1/admin/integrations",
    operationId: "listIntegrations",
    summary: "Monitoring integrations by name, with their incident and open-alert counts (admins and managers).",
    response: { status: 200, description: "The integrations.", schema: "IntegrationList" },
    errors: [403],
  },
  {
    method: "post",
    path: "/api/v1/admin/integrations",
    operationId: "createIntegration",
    summary: "Create an Alertmanager integration: name, slug, customer, category, severity map, category label, auto-resolve (admins).",
    description: SAVE_NOTE,
    body: { name: "SaveIntegration", schema: ZIntegration },
    response: { status: 201, description: "The integration, with the endpoint path to paste into alertmanager.yml.", schema: "IntegrationResponse" },
    errors: [403, 409],
  },
  {
    method: "get",
    path: "/api/v1/admin/integrations/{integration}",
    operationId: "getIntegration",
    summary: "One integration by id or slug (admins and managers).",
    response: { status: 200, description: "The integration.", schema: "IntegrationResponse" },
    errors: [403, 404],
  },
  {
    method: "patch",
    path: "/api/v1/admin/integrations/{integration}",
    operationId: "updateIntegration",
    summary: "Change an integration's fields (those given; the rest kept); active: true switches it back on (admins).",
    description: SAVE_NOTE,
    body: { name: "PatchIntegration", schema: ZIntegrationPatch },
    response: { status: 200, description: "The integration.", schema: "IntegrationResponse" },
    errors: [403, 404, 409],
  },
  {
    method: "delete",
    path: "/api/v1/admin/integrations/{integration}",
    operationId: "deactivateIntegration",
    summary: "Switch an integration off (admins): its endpoint answers 404; it is kept, as its incidents name it.",
    response: { status: 200, description: "The integration, inactive.", schema: "IntegrationResponse" },
    errors: [403, 404],
  },
];
