import { z } from "zod";
import { TICKET_NUMBER_PATTERN } from "@/lib/ticket-number";
import { storableString } from "./text";
import { idCursor } from "./int4";
import { Impact, TicketChannel, TicketStatus, TicketType, Tier, Urgency } from "@/lib/db/generated/enums";

/** Form fields arrive as "" when left empty: treat that as not given. */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === "" || value === null ? undefined : value), schema.optional());

export const TITLE_MAX = 200;
/** A UUID, or any 8–100 URL-safe characters. */
export const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{8,100}$/;
export const DESCRIPTION_MAX = 20_000;
export const RESOLUTION_MAX = 5_000;

/** A form checkbox ("on") or a JSON boolean. */
const checkbox = z.preprocess((value) => (value === "on" || value === "true" ? true : value === "false" ? false : value), z.boolean({ error: "true or false." }));

export const ZCreateTicket = z.strictObject({
  type: z.enum(TicketType, { error: "Choose incident or service request." }),
  title: storableString({ error: "Enter a title." })
    .trim()
    .min(3, "Enter a title of at least 3 characters.")
    .max(TITLE_MAX, `Keep the title within ${TITLE_MAX} characters.`),
  description: storableString({ error: "Describe what happened." })
    .trim()
    .min(1, "Describe what happened.")
    .max(DESCRIPTION_MAX, `Keep the description within ${DESCRIPTION_MAX.toLocaleString("en")} characters.`),
  category: storableString({ error: "Choose a category." })
    .trim()
    .min(1, "Choose a category.")
    .max(64, "Choose a category.")
    .regex(/^[a-z0-9-]+$/, "Choose a category."),
  impact: optional(z.enum(Impact, { error: "Choose how many people are affected." })),
  urgency: optional(z.enum(Urgency, { error: "Choose how urgent it is." })),
  /** Chosen by the client once per form or request: a repeated submit with the same key returns the first ticket. */
  idempotencyKey: optional(storableString().regex(IDEMPOTENCY_KEY, "Use a UUID or 8–100 letters, digits, - or _.")),
  /** A follow-up: the number of an earlier ticket of the same customer, linked to the new one as related. */
  followUpOf: optional(storableString().trim().regex(/^(INC|REQ)-\d{6,}$/, "Not a ticket number.")),
  // Staff logging a contact for a customer (lib/tickets/on-behalf.ts decides who may send these).
  /** The customer's user ID. */
  customer: optional(storableString({ error: "Choose the customer." }).trim().min(1, "Choose the customer.").max(64, "Choose the customer.")),
  /** How the customer reached support. */
  channel: optional(z.enum(TicketChannel, { error: "Choose phone, chat, email or walk-in." })),
  /** "I'm handling it": the agent claims the new ticket in the same statement. */
  claim: optional(checkbox),
  /** "Resolved on first contact": the resolution note sent to the customer; resolves the claimed ticket at once. */
  resolution: optional(
    storableString({ error: "Say how it was resolved." }).trim().min(1, "Say how it was resolved.").max(RESOLUTION_MAX, `Keep the resolution within ${RESOLUTION_MAX.toLocaleString("en")} characters.`),
  ),
});
export type CreateTicketInput = z.infer<typeof ZCreateTicket>;

export const LIST_LIMIT_MAX = 100;

export const ZListTickets = z.strictObject({
  tier: optional(z.enum(Tier, { error: "Unknown tier." })),
  status: optional(z.enum(TicketStatus, { error: "Unknown status." })),
  cursor: optional(idCursor()),
  limit: optional(z.coerce.number().int().min(1).max(LIST_LIMIT_MAX, `At most ${LIST_LIMIT_MAX}.`)),
});
export type ListTicketsInput = z.infer<typeof ZListTickets>;

export const ZTicketNumber = storableString().regex(TICKET_NUMBER_PATTERN, "Not a ticket number.");
