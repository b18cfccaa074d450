// The SOP checklist route of /api/v1 (issue 15) and its response shape (mirrors SopStepResult in lib/tickets/set-sop-step.ts).
import { ZSetSopStep } from "@/lib/validation/sop";
import type { ApiRoute } from "./openapi";
import type { JsonSchema } from "./openapi-schemas";

const string: JsonSchema = { type: "string" };
const object = (properties: Record<string, JsonSchema>, description?: string): JsonSchema => ({
  type: "object",
  ...(description ? { description } : {}),
  properties,
  required: Object.keys(properties),
});

const SopStepState = object(
  {
    text: { ...string, description: "The step as the SOP article words it (its task-list item, without the (required) marker)." },
    required: { type: "boolean", description: "Marked (required) in the article: L1 escalates to L2 only once it is ticked, or with sopOverride." },
    done: { type: "boolean" },
    changedBy: { anyOf: [object({ userId: string, name: string }), { type: "null" }], description: "Who last ticked or unticked it." },
    changedAt: { type: ["string", "null"], format: "date-time" },
  },
  "One step of the category's SOP on this ticket.",
);

export const SOP_ROUTES: ApiRoute[] = [
  {
    method: "post",
    path: "/api/v1/tickets/{number}/sop-steps",
    operationId: "setSopStep",
    summary: "Tick or untick one step of the category's SOP on the ticket (agents at the ticket's tier, managers): saved with who and when, and logged.",
    description:
      "step: the step's text as the SOP shows it (without \"(required)\"), or its number from 1. A step already as asked changes nothing and logs nothing " +
      "(changed: false). 400 for a step not in the category's SOP; 403 for customers and other tiers' agents; 409 on a resolved or closed ticket.",
    body: { name: "SetSopStep", schema: ZSetSopStep },
    response: { status: 200, description: "Whether anything changed, and the whole checklist.", schema: "SopStepResult" },
    errors: [403, 409],
  },
];

export const SOP_RESPONSE_SCHEMAS: Record<string, JsonSchema> = {
  SopStepState,
  SopStepResult: object({ changed: { type: "boolean", description: "False when the step already was as asked." }, steps: { type: "array", items: { $ref: "#/components/schemas/SopStepState" } } }),
};
