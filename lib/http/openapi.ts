// The OpenAPI 3.1 document of /api/v1: one registry of every route, its request schema (the same zod
// schema the lib function parses with, as JSON Schema via z.toJSONSchema) and its responses.
import { z } from "zod";
import { ZAddComment, ZAssignTicket, ZEscalateTicket, ZPriorityMatrix, ZReturnTicket, ZUpdateTicket } from "@/lib/validation/routing";
import { ZDashboardQuery } from "@/lib/validation/dashboard";
import { ZQueueQuery } from "@/lib/validation/queue";
import { ZCreateTicket, ZListTickets } from "@/lib/validation/ticket";
import { METRICS_RESPONSE_SCHEMAS } from "./openapi-metrics-schemas";
import { QUEUE_RESPONSE_SCHEMAS, QUEUE_STATUS_NOTE } from "./openapi-queue-schemas";
import { RESPONSE_SCHEMAS, ref, type JsonSchema } from "./openapi-schemas";

export type HttpMethod = "get" | "post" | "put" | "patch";

export interface ApiRoute {
  method: HttpMethod;
  /** OpenAPI path template, e.g. /api/v1/tickets/{number}. A {number} segment is the ticket number. */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  /** Open to anyone; every other route needs the session cookie (401 without it). */
  public?: boolean;
  /** Query parameters: each property of the schema is one parameter. */
  query?: z.ZodObject;
  /** The JSON body, under the name it gets in components.schemas (400, 413 and 415 follow from having one). */
  body?: { name: string; schema: z.ZodType };
  response: { status: 200 | 201; description: string; schema: string };
  /** Error statuses beyond those implied (401 unless public, 404 for a ticket number, 400/413/415 for a body). */
  errors?: (400 | 403 | 404 | 409)[];
}

const TICKET = "/api/v1/tickets/{number}";

export const API_ROUTES: ApiRoute[] = [
  {
    method: "get",
    path: "/api/v1/tickets",
    operationId: "listTickets",
    summary: "List tickets, newest first (customers: their own only), keyset-paginated.",
    query: ZListTickets,
    response: { status: 200, description: "A page of tickets.", schema: "TicketPage" },
    errors: [400],
  },
  {
    method: "post",
    path: "/api/v1/tickets",
    operationId: "createTicket",
    summary: "Open a ticket (customers). It enters L1, classified on the current priority matrix.",
    body: { name: "CreateTicket", schema: ZCreateTicket },
    response: { status: 201, description: "The new ticket; Location names it.", schema: "TicketResponse" },
    errors: [403],
  },
  {
    method: "get",
    path: TICKET,
    operationId: "getTicket",
    summary: "Read one ticket.",
    response: { status: 200, description: "The ticket.", schema: "TicketResponse" },
  },
  {
    method: "patch",
    path: TICKET,
    operationId: "updateTicket",
    summary: "Change the status or reclassify (impact, urgency, category), against the version last read.",
    description: "A stale version gets 409 with error.currentVersion. Reclassifying recomputes priority and due times.",
    body: { name: "UpdateTicket", schema: ZUpdateTicket },
    response: { status: 200, description: "The updated ticket.", schema: "TicketResponse" },
    errors: [403, 409],
  },
  {
    method: "post",
    path: `${TICKET}/claim`,
    operationId: "claimTicket",
    summary: "Take an unassigned ticket at your tier. Claiming your own ticket again changes nothing.",
    response: { status: 200, description: "The ticket, assigned to you.", schema: "TicketResponse" },
    errors: [403, 409],
  },
  {
    method: "post",
    path: `${TICKET}/assign`,
    operationId: "assignTicket",
    summary: "Assign to an agent, a group, or an agent in a group (managers and admins).",
    description: "Give userId, group, or both. A group alone places the ticket by the group's mode (AUTO: least loaded; PULL: queue).",
    body: { name: "AssignTicket", schema: ZAssignTicket },
    response: { status: 200, description: "The assigned ticket.", schema: "TicketResponse" },
    errors: [403, 409],
  },
  {
    method: "post",
    path: `${TICKET}/escalate`,
    operationId: "escalateTicket",
    summary: "Escalate one tier up with a reason and a summary of the data gathered and steps tried.",
    description: "L1→L2, L2→L3, L3→L4 (toGroup and externalReference required). 409 at L4 or when resolved or closed.",
    body: { name: "EscalateTicket", schema: ZEscalateTicket },
    response: { status: 200, description: "The escalated ticket.", schema: "TicketResponse" },
    errors: [403, 409],
  },
  {
    method: "post",
    path: `${TICKET}/return`,
    operationId: "returnTicket",
    summary: "Return one tier down with guidance (L2→L1, L3→L2), or record the L4 reply (L4→L3).",
    body: { name: "ReturnTicket", schema: ZReturnTicket },
    response: { status: 200, description: "The returned ticket.", schema: "TicketResponse" },
    errors: [403, 409],
  },
  {
    method: "post",
    path: `${TICKET}/comments`,
    operationId: "addComment",
    summary: "Add a public reply or an internal note (customers: public replies on their own tickets).",
    body: { name: "AddComment", schema: ZAddComment },
    response: { status: 201, description: "The comment.", schema: "CommentResponse" },
    errors: [403, 409],
  },
  {
    method: "get",
    path: `${TICKET}/events`,
    operationId: "listEvents",
    summary: "The decision log, oldest first, each event with a sentence that explains it.",
    description: "Customers see their ticket's public story: no internal notes, no routing details (details is null).",
    response: { status: 200, description: "The events.", schema: "EventList" },
  },
  {
    method: "post",
    path: `${TICKET}/presence`,
    operationId: "heartbeatTicketView",
    summary: "Heartbeat from an open ticket page (staff, every ~10 s): answers who else had it open in the last 30 s.",
    response: { status: 200, description: "The other viewers.", schema: "ViewerList" },
    errors: [403],
  },
  {
    method: "get",
    path: "/api/v1/queue",
    operationId: "getQueue",
    summary: "The agent queue: one view of your tier's open tickets, filtered and searched, with every view's count (support staff).",
    description:
      "Views: mine, unassigned (in your groups), tier (default), due-soon (25 % or less of the tier budget or resolution target left), " +
      "update-due (a customer update is due), escalated (reached your tier in the last 24 h). Highest priority first, oldest first within a " +
      `priority; keyset-paginated (cursor). Agents see their own tier (L3 includes L4 tickets they coordinate); managers and admins pass tier (default all). ${QUEUE_STATUS_NOTE} ` +
      "q searches number, title, description and public replies (PostgreSQL full text, English). Poll it at most every 10 s.",
    query: ZQueueQuery,
    response: { status: 200, description: "A page of the queue and the count of every view.", schema: "QueuePage" },
    errors: [400, 403],
  },
  {
    method: "get",
    path: "/api/v1/metrics/escalations",
    operationId: "getEscalationMetrics",
    summary: "The manager dashboard's figures as JSON (managers and admins): escalation funnel, SLA compliance, time in tier, backlog, load.",
    description:
      "period: today (since 00:00 UTC), 7d, 30d (default) or custom with from and to (whole UTC days, inclusive). Period figures count the tickets " +
      "opened in the period; backlog, vendor waits and agent load are as of now. category, org and priority filter the tickets. Computed by SQL aggregation.",
    query: ZDashboardQuery,
    response: { status: 200, description: "The dashboard's figures.", schema: "EscalationMetrics" },
    errors: [400, 403],
  },
  {
    method: "get",
    path: "/api/v1/priority-matrix",
    operationId: "getPriorityMatrix",
    summary: "The current priority matrix and its SLA targets (support staff).",
    response: { status: 200, description: "The current version.", schema: "PriorityMatrix" },
    errors: [403],
  },
  {
    method: "put",
    path: "/api/v1/priority-matrix",
    operationId: "publishPriorityMatrix",
    summary: "Publish a new matrix version (managers and admins). Tickets keep the version they were classified with.",
    description: "All 9 cells and one target per priority. 409 when another version was published at the same moment.",
    body: { name: "PriorityMatrixInput", schema: ZPriorityMatrix },
    response: { status: 200, description: "The new current version.", schema: "PriorityMatrix" },
    errors: [403, 409],
  },
  {
    method: "post",
    path: "/api/v1/sla/sweep",
    operationId: "runSweep",
    summary: "Run the SLA sweep now (managers and admins): auto-escalation, manager alerts, customer updates due.",
    response: { status: 200, description: "What this run did.", schema: "SweepResult" },
    errors: [403],
  },
  {
    method: "get",
    path: "/api/v1/openapi.json",
    operationId: "getOpenApiDocument",
    summary: "This document.",
    public: true,
    response: { status: 200, description: "The OpenAPI 3.1 document.", schema: "OpenApiDocument" },
  },
];

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: "Invalid input: error.fields names each field at fault.",
  401: "Not signed in.",
  403: "Signed in, but not allowed to do this.",
  404: "No such ticket, or not one you may see.",
  409: "Conflict with the ticket's current state (see error.message; a stale version carries error.currentVersion).",
  413: "The body is over 1 MB.",
  415: "The body is not application/json.",
  500: "Something went wrong on our side.",
};

/** A zod schema as the JSON Schema of what a client sends. */
function inputSchema(schema: z.ZodType): JsonSchema {
  const json = z.toJSONSchema(schema, { io: "input" }) as JsonSchema;
  delete json.$schema; // the document's dialect applies
  return json;
}

function errorStatuses(route: ApiRoute): number[] {
  const statuses = new Set<number>(route.errors ?? []);
  if (route.body) [400, 413, 415].forEach((s) => statuses.add(s));
  if (route.path.includes("{number}")) statuses.add(404);
  if (!route.public) [401, 500].forEach((s) => statuses.add(s));
  return [...statuses].sort((a, b) => a - b);
}

function operation(route: ApiRoute): JsonSchema {
  const parameters: JsonSchema[] = [];
  if (route.path.includes("{number}")) {
    parameters.push({ name: "number", in: "path", required: true, description: "The ticket number, e.g. INC-000042.", schema: { type: "string", pattern: "^(INC|REQ)-\\d{6,}$" } });
  }
  if (route.query) {
    const query = inputSchema(route.query) as { properties?: Record<string, JsonSchema>; required?: string[] };
    for (const [name, schema] of Object.entries(query.properties ?? {})) {
      parameters.push({ name, in: "query", required: query.required?.includes(name) ?? false, schema });
    }
  }
  const responses: Record<string, JsonSchema> = {
    [route.response.status]: { description: route.response.description, content: { "application/json": { schema: ref(route.response.schema) } } },
  };
  for (const status of errorStatuses(route)) {
    responses[status] = { description: ERROR_DESCRIPTIONS[status], content: { "application/json": { schema: ref("Error") } } };
  }
  return {
    operationId: route.operationId,
    summary: route.summary,
    ...(route.description ? { description: route.description } : {}),
    ...(route.public ? { security: [] } : {}),
    ...(parameters.length ? { parameters } : {}),
    ...(route.body ? { requestBody: { required: true, content: { "application/json": { schema: ref(route.body.name) } } } } : {}),
    responses,
  };
}

let cached: JsonSchema | null = null;

/** The whole document; built once, since the registry and the schemas never change at run time. */
export function buildOpenApiDocument(): JsonSchema {
  if (cached) return cached;
  const paths: Record<string, Record<string, JsonSchema>> = {};
  const requestSchemas: Record<string, JsonSchema> = {};
  for (const route of API_ROUTES) {
    (paths[route.path] ??= {})[route.method] = operation(route);
    if (route.body) requestSchemas[route.body.name] = inputSchema(route.body.schema);
  }
  cached = {
    openapi: "3.1.0",
    info: {
      title: "Tierdesk API",
      version: "1",
      description: "Tiered support help desk: L1–L4 routing on a priority matrix, with SLA clocks and a decision log. Errors are { error: { code, message, fields? } }.",
    },
    security: [{ sessionCookie: [] }],
    paths,
    components: {
      securitySchemes: {
        sessionCookie: {
          type: "apiKey",
          in: "cookie",
          name: "next-auth.session-token",
          description: "Sign in through /api/auth/callback/customer (userId, pin) or /api/auth/callback/staff (userId, password). Over HTTPS the cookie is __Secure-next-auth.session-token.",
        },
      },
      schemas: {
        ...requestSchemas,
        ...RESPONSE_SCHEMAS,
        ...QUEUE_RESPONSE_SCHEMAS,
        ...METRICS_RESPONSE_SCHEMAS,
        OpenApiDocument: { type: "object", description: "An OpenAPI 3.1 document.", required: ["openapi", "info", "paths"] },
      },
    },
  };
  return cached;
}
