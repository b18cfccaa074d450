// The Inbound review routes of /api/v1 (issue 24) and their response shapes as JSON Schema: mirrors InboundMailJson
// (lib/inbound/inbound-mail-json.ts) and InboundMailPage (list-inbound-mail.ts).
import { InboundMailStatus, InboundMailVia } from "@/lib/db/generated/enums";
import { ZAcceptInboundMail, ZInboundMailQuery } from "@/lib/validation/inbound-mail";
import type { ApiRoute } from "./openapi";
import { ref, type JsonSchema } from "./openapi-schemas";

const string: JsonSchema = { type: "string" };
const nullableString: JsonSchema = { type: ["string", "null"] };
const enumOf = (values: Record<string, string>): JsonSchema => ({ type: "string", enum: Object.values(values) });

function object(properties: Record<string, JsonSchema>, description?: string): JsonSchema {
  return { type: "object", ...(description ? { description } : {}), properties, required: Object.keys(properties) };
}

const InboundMail = object(
  {
    id: { type: "integer", minimum: 1 },
    messageId: { ...string, description: "The mail's Message-ID: a replay of it is stored once." },
    via: enumOf(InboundMailVia),
    fromAddress: { ...nullableString, description: "The sender's address as the mail gives it." },
    subject: nullableString,
    strippedText: { ...nullableString, description: "The text without quoted history and signature (HTML reduced to text): what a reply posts." },
    fullText: { ...nullableString, description: "The whole text (HTML reduced to text)." },
    quotedText: { ...nullableString, description: "What was stripped off the whole text (quoted history and signature); null when nothing was." },
    status: enumOf(InboundMailStatus),
    reason: { ...string, description: "Why it was posted, held, ignored, accepted or discarded, in a sentence." },
    ticketNumber: { type: ["string", "null"], pattern: "^(INC|REQ)-\\d{6,}$", description: "The ticket it matched or was accepted onto, if any." },
    commentId: { type: ["integer", "null"], description: "The reply it became, once posted or accepted." },
    receivedAt: { type: "string", format: "date-time" },
    decidedAt: { type: ["string", "null"], format: "date-time" },
    decidedBy: { anyOf: [object({ userId: string, name: string }), { type: "null" }] },
  },
  "A received mail as the Inbound review list shows it: never the raw message, never HTML.",
);

export const INBOUND_MAIL_RESPONSE_SCHEMAS: Record<string, JsonSchema> = {
  InboundMail,
  InboundMailPage: object({
    items: { type: "array", items: ref("InboundMail") },
    nextCursor: { type: ["string", "null"], description: "Pass as ?cursor= for the next (older) page; null on the last one." },
  }),
  InboundMailResponse: object({ mail: ref("InboundMail") }),
};

export const INBOUND_MAIL_PATH_PARAMETERS: Record<string, JsonSchema> = {
  mailId: { name: "mailId", in: "path", required: true, description: "The received mail's id.", schema: { type: "integer", minimum: 1 } },
};

export const INBOUND_MAIL_ROUTES: ApiRoute[] = [
  {
    method: "get",
    path: "/api/v1/inbound-mail",
    operationId: "listInboundMail",
    summary: "Received mail for review, newest first, keyset-paginated (support staff): the held ones unless ?status names another.",
    description: "A mail is held when it cannot safely be posted: a sender who is not the ticket's customer, a bad token, a closed ticket, no match, or over the sender's hourly limit. The cursor is opaque.",
    query: ZInboundMailQuery,
    response: { status: 200, description: "A page of received mail.", schema: "InboundMailPage" },
    errors: [400, 403],
  },
  {
    method: "post",
    path: "/api/v1/inbound-mail/{mailId}/accept",
    operationId: "acceptInboundMail",
    summary: "Accept a held mail as the customer's public reply on the ticket you name (support staff): it reopens a resolved ticket, as a reply by mail would.",
    description: "Each mail is decided once: a second decision is 409. The ticket's timeline records who accepted it.",
    body: { name: "AcceptInboundMail", schema: ZAcceptInboundMail },
    response: { status: 200, description: "The mail, accepted.", schema: "InboundMailResponse" },
    errors: [403, 409],
  },
  {
    method: "post",
    path: "/api/v1/inbound-mail/{mailId}/discard",
    operationId: "discardInboundMail",
    summary: "Discard a held mail (support staff): it is kept, decided, and nothing is posted.",
    description: "Each mail is decided once: a second decision is 409.",
    response: { status: 200, description: "The mail, discarded.", schema: "InboundMailResponse" },
    errors: [403, 409],
  },
];
