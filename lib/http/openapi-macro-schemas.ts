// The macro routes of /api/v1 (issue 15) and their response shapes as JSON Schema: mirrors MacroJson
// (lib/macros/macro-json.ts) and MacroPreview (lib/macros/preview-macro.ts).
import { CommentVisibility, TicketStatus } from "@/lib/db/generated/enums";
import { PLACEHOLDERS } from "@/lib/validation/macro-placeholders";
import { ZMacro } from "@/lib/validation/macro";
import type { ApiRoute } from "./openapi";
import { ref, type JsonSchema } from "./openapi-schemas";

const string: JsonSchema = { type: "string" };
const id: JsonSchema = { type: "integer", minimum: 1 };
const enumOf = (values: Record<string, string>): JsonSchema => ({ type: "string", enum: Object.values(values) });
const nullableStatus: JsonSchema = { anyOf: [enumOf(TicketStatus), { type: "null" }], description: "The status set when a reply from it is sent; null leaves the status." };

function object(properties: Record<string, JsonSchema>, description?: string): JsonSchema {
  return { type: "object", ...(description ? { description } : {}), properties, required: Object.keys(properties) };
}

const PLACEHOLDER_LIST = PLACEHOLDERS.map((p) => `{{${p}}}`).join(", ");

const Macro = object({
  id,
  title: string,
  body: { ...string, description: `Markdown with placeholders: ${PLACEHOLDER_LIST}.` },
  category: { anyOf: [object({ slug: string, name: string }), { type: "null" }], description: "null: offered on tickets of every category." },
  visibility: enumOf(CommentVisibility),
  setStatus: nullableStatus,
  usageCount: { type: "integer", minimum: 0, description: "Replies and notes actually sent from it." },
  updatedAt: { type: "string", format: "date-time" },
});

const MacroPreview = object({
  macro: object({ id, title: string }),
  body: { ...string, description: "The text with its placeholders filled; the values are escaped, so they read as literal text in Markdown." },
  visibility: enumOf(CommentVisibility),
  setStatus: nullableStatus,
});

export const MACRO_RESPONSE_SCHEMAS: Record<string, JsonSchema> = {
  Macro,
  MacroResponse: object({ macro: ref("Macro") }),
  MacroList: object({ macros: { type: "array", items: ref("Macro") } }),
  MacroPreview,
  MacroPreviewResponse: object({ preview: ref("MacroPreview") }),
};

export const MACRO_PATH_PARAMETERS: Record<string, JsonSchema> = {
  macroId: { name: "macroId", in: "path", required: true, description: "The macro's id.", schema: { type: "integer", minimum: 1 } },
};

const SAVE_NOTE = `An unknown placeholder (anything in double braces other than ${PLACEHOLDER_LIST}) is a 400 naming it; a status other than those an agent sets by hand (IN_PROGRESS, PENDING_CUSTOMER, RESOLVED, CLOSED) is a 400; a title another macro has is a 409.`;

export const MACRO_ROUTES: ApiRoute[] = [
  {
    method: "get",
    path: "/api/v1/admin/macros",
    operationId: "listMacros",
    summary: "Macros (canned responses) by title, with how often each was sent (admins and managers).",
    response: { status: 200, description: "The macros.", schema: "MacroList" },
    errors: [403],
  },
  {
    method: "post",
    path: "/api/v1/admin/macros",
    operationId: "createMacro",
    summary: "Create a macro: title, Markdown body with placeholders, optional category (slug), visibility and status to set (admins).",
    description: SAVE_NOTE,
    body: { name: "SaveMacro", schema: ZMacro },
    response: { status: 201, description: "The macro.", schema: "MacroResponse" },
    errors: [403, 409],
  },
  {
    method: "put",
    path: "/api/v1/admin/macros/{macroId}",
    operationId: "updateMacro",
    summary: "Replace a macro's title, body, category, visibility and status to set (admins); its usage count stays.",
    description: SAVE_NOTE,
    body: { name: "SaveMacro", schema: ZMacro },
    response: { status: 200, description: "The macro.", schema: "MacroResponse" },
    errors: [403, 409],
  },
  {
    method: "delete",
    path: "/api/v1/admin/macros/{macroId}",
    operationId: "deleteMacro",
    summary: "Delete a macro (admins). Comments sent from it keep their text; the audit trail keeps what it was.",
    response: { status: 200, description: "Deleted.", schema: "Deleted" },
    errors: [403],
  },
  {
    method: "post",
    path: "/api/v1/tickets/{number}/macros/{macroId}/preview",
    operationId: "previewMacro",
    summary: "A macro filled for this ticket (staff who can see it): nothing is sent or counted.",
    description:
      "Send the text (edited or not) with POST …/comments and macroId to count the use. A macro of another category is not offered on this ticket: 404. {{update.promise}} is the next update the reply promises (the update cadence restarts when it is sent).",
    response: { status: 200, description: "The filled text, its visibility and status to set.", schema: "MacroPreviewResponse" },
    errors: [403],
  },
];
