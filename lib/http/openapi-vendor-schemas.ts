// The L4 vendor engagement routes of a ticket (issue 19) and their response shapes as JSON Schema: mirrors
// VendorEngagementJson (lib/routing/vendor-engagement-json.ts).
import { ZRecordVendorResponse } from "@/lib/validation/routing";
import type { ApiRoute } from "./openapi";
import { ref, type JsonSchema } from "./openapi-schemas";

const dateTime: JsonSchema = { type: "string", format: "date-time" };
const nullableDateTime: JsonSchema = { type: ["string", "null"], format: "date-time" };
const met = (what: string): JsonSchema => ({ type: ["boolean", "null"], description: `Was the ${what} within its target; null while pending or without a target.` });

function object(properties: Record<string, JsonSchema>, description?: string): JsonSchema {
  return { type: "object", ...(description ? { description } : {}), properties, required: Object.keys(properties) };
}

export const VENDOR_RESPONSE_SCHEMAS: Record<string, JsonSchema> = {
  VendorEngagement: object(
    {
      id: { type: "integer" },
      group: object({ slug: { type: "string" }, name: { type: "string" } }),
      priority: { type: "string", enum: ["P1", "P2", "P3", "P4", "P5"] },
      startedAt: dateTime,
      responseDueAt: { ...nullableDateTime, description: "Null when the group has no target for the priority." },
      resolutionDueAt: nullableDateTime,
      calendar: { type: ["string", "null"], description: "The target's calendar as used, e.g. \"acme-hours v2\"." },
      respondedAt: nullableDateTime,
      respondedBy: { oneOf: [{ type: "null" }, object({ userId: { type: "string" }, name: { type: "string" } })] },
      responseMet: met("response"),
      resolutionMet: met("resolution (handed back or resolved at L4)"),
      endedAt: nullableDateTime,
      endedAs: { type: ["string", "null"], enum: ["RETURNED", "RESOLVED", null] },
    },
    "One stint of the ticket with an L4 group, with the due times fixed when it began (the group's target for the priority, on the target's calendar).",
  ),
  VendorEngagementResponse: object({ engagement: ref("VendorEngagement") }),
  VendorEngagementList: object({ engagements: { type: "array", items: ref("VendorEngagement") } }),
};

const TICKET = "/api/v1/tickets/{number}";

export const VENDOR_ROUTES: ApiRoute[] = [
  {
    method: "get",
    path: `${TICKET}/vendor-engagements`,
    operationId: "listVendorEngagements",
    summary: "The ticket's engagements with L4 groups, newest first, with the vendor's due times (staff; customers get 403).",
    response: { status: 200, description: "The engagements.", schema: "VendorEngagementList" },
    errors: [403],
  },
  {
    method: "post",
    path: `${TICKET}/vendor-response`,
    operationId: "recordVendorResponse",
    summary: "Record that the L4 group responded (the L3 coordinator, a manager, or an integration acting as one).",
    description:
      "Once per engagement: a second record is a 409, as is a ticket not with L4. respondedAt (optional) backdates it, never before the hand-off nor in the future " +
      "(400 on respondedAt). The response alerts stop; a VENDOR_RESPONDED event says whether the target was met.",
    body: { name: "RecordVendorResponse", schema: ZRecordVendorResponse },
    response: { status: 200, description: "The engagement with its response.", schema: "VendorEngagementResponse" },
    errors: [403, 409],
  },
];
