// The OpenAPI 3.1 document of /api/v1: one registry of every route, its request schema (the same zod
// schema the lib function parses with, as JSON Schema via z.toJSONSchema) and its responses.
import { z } from "zod";
import { ZAddComment, ZAssignTicket, ZEscalateTicket, ZPriorityMatrix, ZReturnTicket, ZUpdateTicket } from "@/lib/validation/routing";
import { ZDashboardQuery } from "@/lib/validation/dashboard";
import { ZBulkAction } from "@/lib/validation/bulk";
import { ZQueueQuery } from "@/lib/validation/queue";
import { ZCreateSavedView, ZQueuePreferences, ZRenameSavedView } from "@/lib/validation/queue-preferences";
import { ZCreateTicket, ZListTickets } from "@/lib/validation/ticket";
import { ZStreamQuery } from "@/lib/validation/live";
import { ZSearchCustomers } from "@/lib/validation/customers";
import { ZArticleFeedback, ZArticleSearch, ZRecordDeflection, ZSelfServiceCounts } from "@/lib/validation/kb";
import { ZAttachmentUpload } from "@/lib/validation/attachment";
import { ZConfirmResolved, ZEscalationRequest, ZRateTicket, ZReopenTicket } from "@/lib/validation/portal";
import { PORTAL_RESPONSE_SCHEMAS } from "./openapi-portal-schemas";
import { ZAuditQuery, ZCreatePerson, ZPersonRef, ZThrottleRef, ZWhatIf } from "@/lib/validation/admin";
import { ZCreateCategory, ZCreateSupportGroup, ZUpdateCategory, ZUpdateSupportGroup } from "@/lib/validation/admin-catalog";
import { ZKbArticle } from "@/lib/validation/kb-article";
import { ZSupportCalendar } from "@/lib/validation/support-calendar";
import { ADMIN_RESPONSE_SCHEMAS } from "./openapi-admin-schemas";
import { CALENDAR_RESPONSE_SCHEMAS, CALENDAR_ROUTES } from "./openapi-calendar-schemas";
import { VENDOR_RESPONSE_SCHEMAS, VENDOR_ROUTES } from "./openapi-vendor-schemas";
import { ALERT_PATH_PARAMETERS, ALERT_RESPONSE_SCHEMAS, ALERT_ROUTES } from "./openapi-alert-schemas";
import { MACRO_PATH_PARAMETERS, MACRO_RESPONSE_SCHEMAS, MACRO_ROUTES } from "./openapi-macro-schemas";
import { INTEGRATION_PATH_PARAMETERS, INTEGRATION_RESPONSE_SCHEMAS, INTEGRATION_ROUTES } from "./openapi-integration-schemas";
import { WEBHOOK_PATH_PARAMETERS, WEBHOOK_RESPONSE_SCHEMAS, WEBHOOK_ROUTES } from "./openapi-webhook-schemas";
import { INCIDENT_PATH_PARAMETERS, INCIDENT_RESPONSE_SCHEMAS, INCIDENT_ROUTES } from "./openapi-incident-schemas";
import { INBOUND_MAIL_PATH_PARAMETERS, INBOUND_MAIL_RESPONSE_SCHEMAS, INBOUND_MAIL_ROUTES } from "./openapi-inbound-mail-schemas";
import { METRICS_RESPONSE_SCHEMAS } from "./openapi-metrics-schemas";
import { NOTIFICATION_RESPONSE_SCHEMAS, NOTIFICATION_ROUTES } from "./openapi-notification-schemas";
import { QUEUE_RESPONSE_SCHEMAS, QUEUE_STATUS_NOTE } from "./openapi-queue-schemas";
import { RESPONSE_SCHEMAS, ref, type JsonSchema } from "./openapi-schemas";
import { SELF_SERVICE_RESPONSE_SCHEMAS } from "./openapi-self-service-schemas";
import { SOP_RESPONSE_SCHEMAS, SOP_ROUTES } from "./openapi-sop-schemas";
import { operationSecurity, SECURITY_SCHEMES, TOKEN_PATH_PARAMETERS, TOKEN_RESPONSE_SCHEMAS, TOKEN_ROUTES } from "./openapi-token-schemas";

export type HttpMethod = "get" | "post" | "put" | "patch" | "delete";

export interface ApiRoute {
  method: HttpMethod;
  /** OpenAPI path template, e.g. /api/v1/tickets/{number}. A {number} segment is the ticket number. */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  /** Open to anyone; every other route needs the session cookie or a bearer token with the route's scope (401 without either). */
  public?: boolean;
  /** Query parameters: each property of the schema is one parameter. */
  query?: z.ZodObject;
  /** The body, under the name it gets in components.schemas (400, 413 and 415 follow from having one); JSON unless mediaType says. */
  body?: { name: string; schema: z.ZodType; mediaType?: "multipart/form-data" };
  /** Request headers the route reads. */
  headers?: { name: string; description: string; schema: JsonSchema }[];
  /** JSON (a schema in components.schemas) unless mediaType names another type (then schema is inline). */
  response: { status: 200 | 201; description: string; schema: string; mediaType?: string; alsoStatus?: { status: 200; description: string } };
  /** Error statuses beyond those implied (401 unless public, 404 for a ticket number, 400/413/415 for a body). */
  errors?: (400 | 403 | 404 | 409)[];
}

const TICKET = "/api/v1/tickets/{number}";

export const API_ROUTES: ApiRoute[] = [
  {
    method: "get",
    path: "/api/v1/tickets",
    operationId: "listTickets",
    summary: "List tickets, newest first (customers: their own only, in the customer view), keyset-paginated.",
    query: ZListTickets,
    response: { status: 200, description: "A page of tickets.", schema: "TicketViewPage" },
    errors: [400],
  },
  {
    method: "post",
    path: "/api/v1/tickets",
    operationId: "createTicket",
    summary: "Open a ticket: customers for themselves, staff for a customer they name (a logged contact). It enters L1, classified on the current priority matrix.",
    description:
      "Send an Idempotency-Key header (or idempotencyKey) to make a retry safe: a repeat with the same key returns the first ticket with 200. " +
      "Customers: channel is API (leave it out); customer, a staff channel, claim or resolution is a 400 naming the field. " +
      "Staff (agents, managers, admins): customer (an active customer's user ID; anyone else is a 400 on customer) and channel (PHONE, CHAT, EMAIL or WALK_IN) " +
      "are required; claim: true (L1 agents only, else 403) takes the ticket in the same statement; resolution (with claim) sends the note as a public reply " +
      "and resolves the ticket at once. The customer gets the acknowledgement mail and sees \"Opened for you by Service Desk\", never the agent.",
    body: { name: "CreateTicket", schema: ZCreateTicket },
    headers: [
      {
        name: "Idempotency-Key",
        description: "A UUID or 8–100 URL-safe characters, chosen once per ticket; overrides idempotencyKey in the body.",
        schema: { type: "string", pattern: "^[A-Za-z0-9_-]{8,100}$" },
      },
    ],
    response: {
      status: 201,
      description: "The new ticket: customers get the customer view (the same shape GET of it returns), staff the staff Ticket; Location names it.",
      schema: "TicketView",
      alsoStatus: { status: 200, description: "A repeat of an earlier request with the same idempotency key: that ticket (Idempotent-Replayed: true)." },
    },
    errors: [403],
  },
  {
    method: "get",
    path: "/api/v1/customers",
    operationId: "searchCustomers",
    summary: "Find active customers by user ID (prefix), name, email or organization name (contains), any case; at most 10 (support staff).",
    query: ZSearchCustomers,
    response: { status: 200, description: "The matches, user-ID matches first.", schema: "CustomerMatches" },
    errors: [400, 403],
  },
  {
    method: "get",
    path: TICKET,
    operationId: "getTicket",
    summary: "Read one ticket (customers get the customer view).",
    response: { status: 200, description: "The ticket.", schema: "TicketView" },
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
    path: "/api/v1/tickets/bulk",
    operationId: "bulkTicketAction",
    summary: "One action over up to 100 tickets (support staff): claim, assign (managers and admins), set status, or add an internal note.",
    description:
      "Each ticket goes through the single-ticket action in its own transaction, so one refusal leaves the others done. Send each ticket with " +
      "the version the queue showed: a status change or an assignment to a ticket changed since is refused (CONFLICT). More than 100 tickets, " +
      "or one twice, is a 400 for the whole request.",
    body: { name: "BulkAction", schema: ZBulkAction },
    response: { status: 200, description: "Each ticket's outcome: done, or refused with the code and reason.", schema: "BulkResult" },
    errors: [403],
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
    description:
      "L1→L2, L2→L3, L3→L4 (toGroup and externalReference required). 409 at L4 or when resolved or closed. L1→L2 needs every required step of the " +
      "category's SOP ticked (POST …/sop-steps): otherwise 409 with error.openSteps naming them, unless sopOverride gives the reason to go on without them " +
      "(logged with rule escalate.sop-override, the open steps and the reason). The saved ticks go into the hand-off's stepsDone.",
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
    description:
      "Agents who escalated or returned the ticket may still add internal notes. Staff may name the macro the text came from (macroId: a macro of the ticket's category or a global one, else 400); its usage count rises with the comment. Sent as multipart/form-data instead, the same fields (body, visibility) may carry up to 5 files under attachments (as POST …/attachments checks them); the answer then also lists them as attachments. An internal note's files are never shown to the customer.",
    body: { name: "AddComment", schema: ZAddComment },
    response: { status: 201, description: "The comment.", schema: "CommentResponse" },
    errors: [403, 409],
  },
  {
    method: "post",
    path: `${TICKET}/resolve-confirm`,
    operationId: "confirmResolved",
    summary: "\"Resolved for me\" (the ticket's customer): a resolved ticket closes.",
    body: { name: "ConfirmResolved", schema: ZConfirmResolved },
    response: { status: 200, description: "The closed ticket, in the customer view.", schema: "CustomerTicketResponse" },
    errors: [403, 409],
  },
  {
    method: "post",
    path: `${TICKET}/reopen`,
    operationId: "reopenTicket",
    summary: "\"Still broken\" (the ticket's customer): a resolved ticket goes back to the tier, group and agent that resolved it.",
    description: "The reason becomes a public reply; the clocks resume from the time already used.",
    body: { name: "ReopenTicket", schema: ZReopenTicket },
    response: { status: 200, description: "The reopened ticket, in the customer view.", schema: "CustomerTicketResponse" },
    errors: [403, 409],
  },
  {
    method: "post",
    path: `${TICKET}/escalation-request`,
    operationId: "requestEscalation",
    summary: "Ask support to escalate, with a reason (the ticket's customer): alerts the L1 owner and managers; support decides.",
    body: { name: "EscalationRequest", schema: ZEscalationRequest },
    response: { status: 200, description: "The ticket, in the customer view.", schema: "CustomerTicketResponse" },
    errors: [403, 409],
  },
  {
    method: "post",
    path: `${TICKET}/rating`,
    operationId: "rateTicket",
    summary: "Rate a resolved or closed ticket 1–5 with an optional comment (the ticket's customer); rating again replaces it.",
    body: { name: "RateTicket", schema: ZRateTicket },
    response: { status: 200, description: "The ticket with its rating, in the customer view.", schema: "CustomerTicketResponse" },
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
    path: `${TICKET}/presence`,
    operationId: "listTicketViewers",
    summary: "Who else had the ticket open in the last 30 s (staff), recording no heartbeat: what a page asks when the live stream says someone arrived.",
    response: { status: 200, description: "The other viewers.", schema: "ViewerList" },
    errors: [403],
  },
  {
    method: "get",
    path: `${TICKET}/attachments`,
    operationId: "listAttachments",
    summary: "The ticket's attachments, oldest first (customers: not those of internal notes).",
    response: { status: 200, description: "The attachments; url downloads each.", schema: "AttachmentList" },
  },
  {
    method: "post",
    path: `${TICKET}/attachments`,
    operationId: "addAttachments",
    summary: "Attach files to a ticket you may see: up to 5 parts named attachments, each at most 10 MB (413).",
    description: "Types are detected from the bytes: PNG, JPEG, GIF, WebP, PDF, or UTF-8 text without NUL bytes (logs); anything else is 415. The file name is sanitized.",
    body: { name: "AttachmentUpload", schema: ZAttachmentUpload, mediaType: "multipart/form-data" },
    response: { status: 201, description: "The new attachments.", schema: "AttachmentList" },
  },
  {
    method: "get",
    path: `${TICKET}/attachments/{id}`,
    operationId: "downloadAttachment",
    summary: "Download one attachment (as Content-Disposition: attachment, of its detected type, nosniff).",
    response: { status: 200, description: "The file's bytes.", schema: "", mediaType: "application/octet-stream" },
  },
  {
    method: "get",
    path: "/api/v1/stream",
    operationId: "openLiveStream",
    summary: "Live updates for the signed-in person, as Server-Sent Events (text/event-stream); see README, Live updates.",
    description:
      "Events: queue (staff: a ticket entered, left or changed in a queue of their tiers or groups), ticket (staff: a change of the ticket " +
      "named by ?ticket, with who and the new version; customers: a change of their own ticket they may see, with its number and version), " +
      "notification (staff: a new notification of theirs), presence (staff: someone opened the ticket named by ?ticket), refetch (what " +
      "happened since Last-Event-ID is no longer known here: fetch afresh), ready (the stream is up; its id is where to resume), end " +
      "(the session ended: do not reconnect). A comment line every 25 s keeps the connection open. Reconnect with Last-Event-ID (or " +
      "?lastEventId) to resume without loss. 503 with Retry-After while the instance shuts down or cannot listen for changes.",
    query: ZStreamQuery,
    headers: [
      {
        name: "Last-Event-ID",
        description: "The id of the last event received: the stream resumes after it, or sends refetch when it cannot.",
        schema: { type: "string", maxLength: 64 },
      },
    ],
    response: { status: 200, description: "The event stream (open until the client leaves, the session ends or the instance shuts down).", schema: "", mediaType: "text/event-stream" },
    errors: [400],
  },
  {
    method: "get",
    path: "/api/v1/kb/articles",
    operationId: "searchArticles",
    summary: "Search the self-service articles meant for customers (PostgreSQL full text over title and body; words match as prefixes).",
    query: ZArticleSearch,
    response: { status: 200, description: "Matching articles, best first (no agent SOPs, ever).", schema: "ArticleSearchResult" },
    errors: [400],
  },
  {
    method: "get",
    path: "/api/v1/kb/articles/{slug}",
    operationId: "getArticle",
    summary: "One self-service article, its body as Markdown (render it sanitized). Agent articles are 404.",
    response: { status: 200, description: "The article.", schema: "ArticleResponse" },
  },
  {
    method: "post",
    path: "/api/v1/kb/articles/{slug}/feedback",
    operationId: "recordArticleFeedback",
    summary: "Answer \"Was this helpful?\" for an article.",
    body: { name: "ArticleFeedback", schema: ZArticleFeedback },
    response: { status: 201, description: "Recorded.", schema: "ArticleFeedbackResponse" },
  },
  {
    method: "post",
    path: "/api/v1/kb/articles/{slug}/deflections",
    operationId: "recordDeflection",
    summary: "\"This solved it\": the article answered the customer, no ticket is opened (customers; counted for managers).",
    body: { name: "RecordDeflection", schema: ZRecordDeflection },
    response: { status: 201, description: "Recorded.", schema: "DeflectionResponse" },
    errors: [403],
  },
  {
    method: "get",
    path: "/api/v1/kb/self-service",
    operationId: "countSelfService",
    summary: "Deflections (\"This solved it\") and \"Was this helpful?\" answers per article and day, week or month in [from, to) (managers and admins).",
    query: ZSelfServiceCounts,
    response: { status: 200, description: "Counts per period and article; empty ones left out.", schema: "SelfServiceCounts" },
    errors: [400, 403],
  },
  {
    method: "get",
    path: "/api/v1/queue",
    operationId: "getQueue",
    summary: "The agent queue: one view of your tier's open tickets, filtered and searched, with every view's count (support staff).",
    description:
      "Views: mine, unassigned (in your groups), tier (default), due-soon (25 % or less of the tier budget or resolution target left), " +
      "update-due (a customer update is due), escalated (reached your tier in the last 24 h). sort: priority (default: highest first, oldest first within a " +
      "priority), first-response, resolution or tier-budget (time left on that clock; stopped clocks last), updated, age; dir asc (default) or desc. " +
      `Keyset-paginated: the cursor carries the sort key, and a cursor read in another sort or direction is a 400. Agents see their own tier (L3 includes L4 tickets they coordinate); managers and admins pass tier (default all). ${QUEUE_STATUS_NOTE} ` +
      "q searches number, title, description and public replies (PostgreSQL full text, English). Poll it at most every 10 s.",
    query: ZQueueQuery,
    response: { status: 200, description: "A page of the queue and the count of every view.", schema: "QueuePage" },
    errors: [400, 403],
  },
  {
    method: "get",
    path: "/api/v1/queue/preferences",
    operationId: "getQueuePreferences",
    summary: "The queue columns you hide (support staff); defaults until you choose.",
    response: { status: 200, description: "Your queue preferences.", schema: "QueuePreferences" },
    errors: [403],
  },
  {
    method: "put",
    path: "/api/v1/queue/preferences",
    operationId: "saveQueuePreferences",
    summary: "Save the queue columns you hide (support staff).",
    body: { name: "QueuePreferencesInput", schema: ZQueuePreferences },
    response: { status: 200, description: "Your queue preferences as saved.", schema: "QueuePreferences" },
    errors: [403],
  },
  {
    method: "get",
    path: "/api/v1/queue/views",
    operationId: "listSavedViews",
    summary: "Your saved queue views by name, each with the open tickets it holds now (support staff; only your own).",
    response: { status: 200, description: "Your saved views.", schema: "SavedViewList" },
    errors: [403],
  },
  {
    method: "post",
    path: "/api/v1/queue/views",
    operationId: "createSavedView",
    summary: "Save a queue view: a name, the queue query (view, filters, search, sort) and the columns hidden.",
    description: "Names are unique per person: a second view of the same name is a 409. At most 30 views each.",
    body: { name: "CreateSavedView", schema: ZCreateSavedView },
    response: { status: 201, description: "The saved view.", schema: "SavedViewResponse" },
    errors: [403, 409],
  },
  {
    method: "patch",
    path: "/api/v1/queue/views/{viewId}",
    operationId: "renameSavedView",
    summary: "Rename one of your saved views (another person's is a 404).",
    body: { name: "RenameSavedView", schema: ZRenameSavedView },
    response: { status: 200, description: "The renamed view.", schema: "SavedViewResponse" },
    errors: [403, 404, 409],
  },
  {
    method: "delete",
    path: "/api/v1/queue/views/{viewId}",
    operationId: "deleteSavedView",
    summary: "Delete one of your saved views (another person's is a 404).",
    response: { status: 200, description: "The id of the deleted view.", schema: "SavedViewDeleted" },
    errors: [403, 404],
  },
  {
    method: "get",
    path: "/api/v1/metrics/escalations",
    operationId: "getEscalationMetrics",
    summary: "The manager dashboard's figures as JSON (managers and admins): escalation funnel, SLA compliance, time in tier, backlog, load.",
    description:
      "period: today (since 00:00 UTC), 7d, 30d (default), 365d or custom with from and to (whole UTC days, inclusive). Period figures count the tickets " +
      "opened in the period; backlog, vendor waits and agent load are as of now. category, org and priority filter the tickets. Computed from daily " +
      "rollups of the settled tickets plus the open ones; medians and 90th percentiles of durations come from histograms, within 1 %.",
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
    path: "/api/v1/admin/audit",
    operationId: "listAuditEvents",
    summary: "The audit trail of admin changes, newest first: who, when, what, before → after (admins and managers).",
    query: ZAuditQuery,
    response: { status: 200, description: "A page of audit events.", schema: "AuditEventPage" },
    errors: [400, 403],
  },
  {
    method: "get",
    path: "/api/v1/admin/matrix-versions",
    operationId: "listMatrixVersions",
    summary: "Every published priority matrix version, newest first, with who published it and when (admins and managers).",
    response: { status: 200, description: "The versions.", schema: "MatrixVersionList" },
    errors: [403],
  },
  {
    method: "post",
    path: "/api/v1/admin/what-if",
    operationId: "runWhatIf",
    summary: "Replay every ticket created in a period on the current rules and on a draft (admins and managers). Publishes nothing.",
    description:
      "Each ticket's recorded replies, pauses, resolutions, moves by hand and reclassifications stay as they happened; its priority, every due time and the automatic escalations its tier budgets cause are computed on each side's rules. No cap: the tickets are read in batches.",
    body: { name: "WhatIfInput", schema: ZWhatIf },
    response: { status: 200, description: "Priority mix, breaches of each kind per priority, escalations per tier, load per tier over time and the changed tickets, current beside draft.", schema: "WhatIfResult" },
    errors: [403],
  },
  {
    method: "post",
    path: "/api/v1/admin/what-if/stream",
    operationId: "streamWhatIf",
    summary: "The what-if with progress: newline-delimited JSON (admins and managers). Closing the connection cancels it.",
    description: 'One line `{"progress":{"done":n,"total":n}}` per batch of 5,000 tickets, then `{"result":WhatIfResult}`, or `{"error":{"message":…}}` if it failed after it began.',
    body: { name: "WhatIfInput", schema: ZWhatIf },
    response: { status: 200, description: "The progress lines and the result.", schema: "", mediaType: "application/x-ndjson" },
    errors: [403],
  },
  {
    method: "get",
    path: "/api/v1/admin/people",
    operationId: "listPeople",
    summary: "People by role and user ID, at most 200 (admins and managers).",
    response: { status: 200, description: "The people.", schema: "PersonList" },
    errors: [403],
  },
  {
    method: "post",
    path: "/api/v1/admin/people",
    operationId: "createPerson",
    summary: "Create a customer (with a generated PIN) or a staff member (with a generated first password), shown once (admins).",
    body: { name: "CreatePerson", schema: ZCreatePerson },
    response: { status: 201, description: "The person and their secret.", schema: "CreatedPerson" },
    errors: [403, 409],
  },
  {
    method: "post",
    path: "/api/v1/admin/people/pin",
    operationId: "issuePin",
    summary: "Issue a new PIN to a customer, replacing the old one; shown once (admins).",
    body: { name: "PersonRef", schema: ZPersonRef },
    response: { status: 200, description: "The new PIN.", schema: "IssuedPin" },
    errors: [403, 404],
  },
  {
    method: "post",
    path: "/api/v1/admin/people/password",
    operationId: "resetStaffPassword",
    summary: "Give a staff member a new generated password, replacing the old one; shown once (admins). Customers get a PIN instead.",
    body: { name: "PersonRef", schema: ZPersonRef },
    response: { status: 200, description: "The new password.", schema: "ResetPassword" },
    errors: [403, 404],
  },
  {
    method: "post",
    path: "/api/v1/admin/people/deactivate",
    operationId: "deactivatePerson",
    summary: "Deactivate a person: their sessions end on their next request (admins).",
    body: { name: "PersonRef", schema: ZPersonRef },
    response: { status: 200, description: "The person.", schema: "PersonResponse" },
    errors: [403, 404],
  },
  {
    method: "get",
    path: "/api/v1/admin/login-throttles",
    operationId: "listLoginThrottles",
    summary: "Failed-login counters per user ID and client address, most recent first (admins and managers).",
    response: { status: 200, description: "The counters.", schema: "LoginThrottleList" },
    errors: [403],
  },
  {
    method: "post",
    path: "/api/v1/admin/login-throttles/clear",
    operationId: "clearLoginThrottle",
    summary: "Forget the failed logins of one user ID or address (admins).",
    body: { name: "ThrottleRef", schema: ZThrottleRef },
    response: { status: 200, description: "Cleared.", schema: "Cleared" },
    errors: [403, 404],
  },
  {
    method: "get",
    path: "/api/v1/admin/support-calendar",
    operationId: "getSupportCalendar",
    summary: "The support calendar business-hours clocks run on: time zone, hours, workdays, holidays (admins and managers).",
    response: { status: 200, description: "The calendar.", schema: "SupportCalendar" },
    errors: [403],
  },
  {
    method: "put",
    path: "/api/v1/admin/support-calendar",
    operationId: "updateSupportCalendar",
    summary: "Replace the support calendar's time zone, hours, workdays and holidays (admins).",
    body: { name: "SupportCalendarInput", schema: ZSupportCalendar },
    response: { status: 200, description: "The calendar as saved.", schema: "SupportCalendar" },
    errors: [403],
  },
  {
    method: "get",
    path: "/api/v1/admin/kb-articles",
    operationId: "listKbArticles",
    summary: "KB articles by audience and title, at most 500 (admins and managers).",
    response: { status: 200, description: "The articles.", schema: "KbArticleList" },
    errors: [403],
  },
  {
    method: "post",
    path: "/api/v1/admin/kb-articles",
    operationId: "createKbArticle",
    summary: "Create a KB article: Markdown body (rendered sanitized), for customers or agents (admins).",
    body: { name: "KbArticleInput", schema: ZKbArticle },
    response: { status: 201, description: "The article.", schema: "KbArticleResponse" },
    errors: [403],
  },
  {
    method: "put",
    path: "/api/v1/admin/kb-articles",
    operationId: "updateKbArticle",
    summary: "Rewrite the KB article with the given slug (admins).",
    body: { name: "KbArticleInput", schema: ZKbArticle },
    response: { status: 200, description: "The article.", schema: "KbArticleResponse" },
    errors: [403, 404],
  },
  {
    method: "delete",
    path: "/api/v1/admin/kb-articles/{slug}",
    operationId: "deleteKbArticle",
    summary: "Delete a KB article (admins).",
    description:
      "409, naming what holds on to it, while it is a category's SOP article or while deflections or feedback answers counted in the self-service figures point at it (unpublish it instead); nothing changes then.",
    response: { status: 200, description: "Deleted.", schema: "Deleted" },
    errors: [403, 409],
  },
  {
    method: "get",
    path: "/api/v1/admin/groups",
    operationId: "listSupportGroups",
    summary: "Support groups by tier, with members and the categories they take (admins and managers).",
    response: { status: 200, description: "The groups.", schema: "SupportGroupList" },
    errors: [403],
  },
  {
    method: "post",
    path: "/api/v1/admin/groups",
    operationId: "createSupportGroup",
    summary: "Create a support group: slug, name, tier, assignment mode, and L4 kind for an L4 group (admins). Members are added by an edit.",
    body: { name: "CreateSupportGroup", schema: ZCreateSupportGroup },
    response: { status: 201, description: "The group.", schema: "SupportGroupResponse" },
    errors: [403],
  },
  {
    method: "put",
    path: "/api/v1/admin/groups",
    operationId: "updateSupportGroup",
    summary: "Rename a group, set its assignment mode (and L4 kind), replace its members (active agents of its tier) and set its calendar (admins).",
    description:
      "leads: omitted, they stay as they are. calendar: the slug of the calendar its tier budgets run on, or null for the priority matrix version's; " +
      "omitted, unchanged; an unknown slug is a 400 on calendar.",
    body: { name: "UpdateSupportGroup", schema: ZUpdateSupportGroup },
    response: { status: 200, description: "The group.", schema: "SupportGroupResponse" },
    errors: [403, 404],
  },
  {
    method: "delete",
    path: "/api/v1/admin/groups/{slug}",
    operationId: "deleteSupportGroup",
    summary: "Delete a support group (admins).",
    description:
      "409, naming each reference, while tickets are in it or have passed through it, it has members, it is a category's L2 group, or routing relies on it (the intake group, a tier's default escalation group); nothing changes then.",
    response: { status: 200, description: "Deleted.", schema: "Deleted" },
    errors: [403, 409],
  },
  {
    method: "get",
    path: "/api/v1/admin/categories",
    operationId: "listAdminCategories",
    summary: "Categories with their defaults, SOP article and L2 group (admins and managers).",
    response: { status: 200, description: "The categories.", schema: "AdminCategoryList" },
    errors: [403],
  },
  {
    method: "post",
    path: "/api/v1/admin/categories",
    operationId: "createCategory",
    summary: "Create a category with its default impact and urgency, SOP article (an agent article) and L2 group (admins).",
    body: { name: "CreateCategory", schema: ZCreateCategory },
    response: { status: 201, description: "The category.", schema: "AdminCategoryResponse" },
    errors: [403],
  },
  {
    method: "put",
    path: "/api/v1/admin/categories",
    operationId: "updateCategory",
    summary: "Set a category's name, default impact and urgency, SOP article and L2 group (admins).",
    body: { name: "UpdateCategory", schema: ZUpdateCategory },
    response: { status: 200, description: "The category.", schema: "AdminCategoryResponse" },
    errors: [403, 404],
  },
  {
    method: "delete",
    path: "/api/v1/admin/categories/{slug}",
    operationId: "deleteCategory",
    summary: "Delete a category (admins). Its articles stay, without a category.",
    description: "409 while any ticket is filed under it; nothing changes then.",
    response: { status: 200, description: "Deleted.", schema: "Deleted" },
    errors: [403, 409],
  },
  {
    method: "get",
    path: "/api/v1/outbox",
    operationId: "listOutbox",
    summary: "The newest 50 mails to customers and their delivery state (admins and managers).",
    response: { status: 200, description: "The mails, newest first.", schema: "OutboxList" },
    errors: [403],
  },
  {
    method: "post",
    path: "/api/v1/outbox/deliver",
    operationId: "deliverOutbox",
    summary: "Run the mail worker now (admins and managers): sends what is due over SMTP_URL, or marks it delivered to the outbox only.",
    response: { status: 200, description: "What this run did.", schema: "DeliveryResult" },
    errors: [403],
  },
  {
    method: "get",
    path: "/api/v1/ratings/summary",
    operationId: "getRatingSummary",
    summary: "Customer satisfaction: how many ratings, their average and the count of each score (managers and admins).",
    response: { status: 200, description: "The summary.", schema: "RatingSummary" },
    errors: [403],
  },
  ...NOTIFICATION_ROUTES,
  {
    method: "get",
    path: "/api/v1/openapi.json",
    operationId: "getOpenApiDocument",
    summary: "This document.",
    public: true,
    response: { status: 200, description: "The OpenAPI 3.1 document.", schema: "OpenApiDocument" },
  },
  ...CALENDAR_ROUTES,
  ...VENDOR_ROUTES,
  ...ALERT_ROUTES,
  ...MACRO_ROUTES,
  ...WEBHOOK_ROUTES,
  ...INCIDENT_ROUTES,
  ...SOP_ROUTES,
  ...TOKEN_ROUTES,
  ...INTEGRATION_ROUTES,
  ...INBOUND_MAIL_ROUTES,
];

const PATH_PARAMETERS: Record<string, JsonSchema> = {
  number: { name: "number", in: "path", required: true, description: "The ticket number, e.g. INC-000042.", schema: { type: "string", pattern: "^(INC|REQ)-\\d{6,}$" } },
  id: { name: "id", in: "path", required: true, description: "The attachment's id.", schema: { type: "string", format: "uuid" } },
  viewId: { name: "viewId", in: "path", required: true, description: "The id of one of your saved queue views.", schema: { type: "integer", minimum: 1 } },
  slug: { name: "slug", in: "path", required: true, description: "The slug of the article, group, category, calendar or organization, e.g. help-data.", schema: { type: "string", pattern: "^[a-z0-9][a-z0-9-]{0,99}$" } },  ...ALERT_PATH_PARAMETERS,
  ...MACRO_PATH_PARAMETERS,
  ...WEBHOOK_PATH_PARAMETERS,
  ...INCIDENT_PATH_PARAMETERS,
  ...TOKEN_PATH_PARAMETERS,
  ...INTEGRATION_PATH_PARAMETERS,
  ...INBOUND_MAIL_PATH_PARAMETERS,
};

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: "Invalid input: error.fields names each field at fault (also: a session cookie and an Authorization header in one request, or a malformed Authorization header).",
  401: "Not signed in, or the bearer token is unknown, revoked or expired, or its user is deactivated (one answer for all, with WWW-Authenticate: Bearer … error=\"invalid_token\").",
  403: "Signed in, but not allowed to do this; or the bearer token lacks the operation's scope (error.scope names it; WWW-Authenticate: Bearer … error=\"insufficient_scope\").",
  404: "No such ticket, attachment, article, group, category, calendar, organization, person, token, throttle key or received mail, or not one you may see.",
  409: "Conflict with the current state (see error.message: a stale ticket version carries error.currentVersion; a refused delete names what still refers to the record).",
  413: "The body is over 1 MB (a multipart upload: a file over 10 MB).",
  415: "The body is not application/json (a multipart upload: not multipart/form-data, or a file of a type not accepted).",
  429: "Over the bearer token's rate limit: wait the Retry-After header's seconds.",
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
  if (route.path.includes("{")) statuses.add(404);
  // Any request may carry a bearer token: a malformed one or one mixed with a cookie (400), a missing scope (403), the rate limit (429).
  if (!route.public) [400, 401, 403, 429, 500].forEach((s) => statuses.add(s));
  return [...statuses].sort((a, b) => a - b);
}

function operation(route: ApiRoute): JsonSchema {
  const parameters: JsonSchema[] = [];
  for (const [, name] of route.path.matchAll(/\{(\w+)\}/g)) parameters.push(PATH_PARAMETERS[name!]!);
  for (const header of route.headers ?? []) parameters.push({ ...header, in: "header", required: false });
  if (route.query) {
    const query = inputSchema(route.query) as { properties?: Record<string, JsonSchema>; required?: string[] };
    for (const [name, schema] of Object.entries(query.properties ?? {})) {
      parameters.push({ name, in: "query", required: query.required?.includes(name) ?? false, schema });
    }
  }
  const content = route.response.mediaType
    ? { [route.response.mediaType]: { schema: { type: "string", contentMediaType: route.response.mediaType } } }
    : { "application/json": { schema: ref(route.response.schema) } };
  const responses: Record<string, JsonSchema> = { [route.response.status]: { description: route.response.description, content } };
  if (route.response.alsoStatus) responses[route.response.alsoStatus.status] = { description: route.response.alsoStatus.description, content };
  for (const status of errorStatuses(route)) {
    responses[status] = { description: ERROR_DESCRIPTIONS[status], content: { "application/json": { schema: ref("Error") } } };
  }
  return {
    operationId: route.operationId,
    summary: route.summary,
    ...(route.description ? { description: route.description } : {}),
    security: route.public ? [] : operationSecurity(route.method, route.path),
    ...(parameters.length ? { parameters } : {}),
    ...(route.body ? { requestBody: { required: true, content: { [route.body.mediaType ?? "application/json"]: { schema: ref(route.body.name) } } } } : {}),
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
    security: [{ sessionCookie: [] }, { bearerToken: [] }],
    paths,
    components: {
      securitySchemes: SECURITY_SCHEMES,
      schemas: {
        ...requestSchemas,
        ...RESPONSE_SCHEMAS,
        ...QUEUE_RESPONSE_SCHEMAS,
        ...SELF_SERVICE_RESPONSE_SCHEMAS,
        ...PORTAL_RESPONSE_SCHEMAS,
        ...ADMIN_RESPONSE_SCHEMAS,
        ...CALENDAR_RESPONSE_SCHEMAS,
        ...VENDOR_RESPONSE_SCHEMAS,
        ...METRICS_RESPONSE_SCHEMAS,
        ...NOTIFICATION_RESPONSE_SCHEMAS,
        ...ALERT_RESPONSE_SCHEMAS,
        ...MACRO_RESPONSE_SCHEMAS,
        ...WEBHOOK_RESPONSE_SCHEMAS,
        ...INCIDENT_RESPONSE_SCHEMAS,
        ...SOP_RESPONSE_SCHEMAS,
        ...TOKEN_RESPONSE_SCHEMAS,
        ...INTEGRATION_RESPONSE_SCHEMAS,
        ...INBOUND_MAIL_RESPONSE_SCHEMAS,
        OpenApiDocument: { type: "object", description: "An OpenAPI 3.1 document.", required: ["openapi", "info", "paths"] },
      },
    },
  };
  return cached;
}
