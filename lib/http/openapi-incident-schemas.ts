// The linked-ticket and major-incident routes of /api/v1 and their response shape (mirrors IncidentPanel in lib/incidents/incident-panel.ts).
import { TicketLinkKind, TicketStatus } from "@/lib/db/generated/enums";
import { ZAttachChild, ZLinkTicket } from "@/lib/validation/incidents";
import type { ApiRoute } from "./openapi";
import { ref, type JsonSchema } from "./openapi-schemas";

const string: JsonSchema = { type: "string" };
const integer: JsonSchema = { type: "integer", minimum: 0 };
const status: JsonSchema = { type: "string", enum: Object.values(TicketStatus) };
const object = (properties: Record<string, JsonSchema>, description?: string): JsonSchema => ({
  type: "object",
  ...(description ? { description } : {}),
  properties,
  required: Object.keys(properties),
});
const brief = { number: string, title: string, status };

const TicketLinks = object(
  {
    number: string,
    status,
    isMajorIncident: { type: "boolean" },
    parent: { anyOf: [object(brief), { type: "null" }], description: "The major incident this ticket is attached to." },
    children: { type: "array", items: object({ ...brief, customer: string, organization: { type: ["string", "null"] } }) },
    affected: object({ customers: integer, organizations: integer, openChildren: integer }, "Distinct customers and organizations of the children."),
    links: {
      type: "array",
      items: object({ ...brief, kind: { type: "string", enum: Object.values(TicketLinkKind) }, direction: { type: "string", enum: ["to", "from"] } }),
      description: "Links both ways: to (this ticket links to it; DUPLICATE_OF: this ticket is the duplicate) or from.",
    },
    can: object({ declare: { type: "boolean" }, attach: { type: "boolean" }, link: { type: "boolean" } }),
  },
  "A ticket's links and major-incident family, as support staff see them (customers never do).",
);

const TICKET = "/api/v1/tickets/{number}";

export const INCIDENT_ROUTES: ApiRoute[] = [
  {
    method: "post",
    path: `${TICKET}/links`,
    operationId: "linkTickets",
    summary: "Link the ticket to another (support staff): RELATED, or DUPLICATE_OF (the ticket closes; its customer is told where to follow).",
    description:
      "One link per pair whichever side made it: a second is 409 (a RELATED pair may become DUPLICATE_OF). Linking a ticket to itself is 400. " +
      "A duplicate closes like a status change (clocks stop, one closure mail) and gets a public reply saying where to follow: the target's number " +
      "only when it is the same customer's ticket, otherwise a neutral sentence. Closing as a duplicate needs the ticket's tier or a manager (403); " +
      "a closed ticket, a closed target or a major incident is 409.",
    body: { name: "LinkTickets", schema: ZLinkTicket },
    response: { status: 201, description: "The ticket's links.", schema: "TicketLinksResponse" },
    errors: [403, 409],
  },
  {
    method: "post",
    path: `${TICKET}/major-incident`,
    operationId: "declareMajorIncident",
    summary: "Declare the ticket a major incident (L2 or L3 agents and managers; L1 is 403).",
    description: "409 when it already is one, is attached to one, or is resolved or closed.",
    response: { status: 200, description: "The ticket's links.", schema: "TicketLinksResponse" },
    errors: [403, 409],
  },
  {
    method: "post",
    path: `${TICKET}/children`,
    operationId: "attachChild",
    summary: "Attach a customer's ticket to this major incident as a child (any agent or manager).",
    description:
      "The parent's public updates are then copied to the child and mailed to its customer once; resolving the parent resolves the open children. " +
      "409 when the parent is not an open major incident, or the child is a major incident, resolved or closed, or attached (here or elsewhere: detach it first).",
    body: { name: "AttachChild", schema: ZAttachChild },
    response: { status: 201, description: "The parent's links and children.", schema: "TicketLinksResponse" },
    errors: [403, 409],
  },
  {
    method: "delete",
    path: `${TICKET}/children/{child}`,
    operationId: "detachChild",
    summary: "Detach a child the major incident does not fix (any agent or manager): it goes on as an ordinary ticket.",
    description: "409 when the ticket is not a child of this one.",
    response: { status: 200, description: "The parent's links and children.", schema: "TicketLinksResponse" },
    errors: [400, 403, 409],
  },
];

export const INCIDENT_PATH_PARAMETERS: Record<string, JsonSchema> = {
  child: { name: "child", in: "path", required: true, description: "The child ticket's number, e.g. INC-000043.", schema: { type: "string", pattern: "^(INC|REQ)-\\d{6,}$" } },
};

export const INCIDENT_RESPONSE_SCHEMAS: Record<string, JsonSchema> = { TicketLinks, TicketLinksResponse: object({ links: ref("TicketLinks") }) };
