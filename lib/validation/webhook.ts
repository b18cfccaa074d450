import { z } from "zod";
import { WEBHOOK_EVENT_BY_CODE, WEBHOOK_EVENT_CODE } from "@/lib/validation/webhook-event-types";
import { idCursor, positiveInt4 } from "./int4";
import { storableString } from "./text";

export const WEBHOOK_URL_MAX = 2_000;
export const WEBHOOK_DESCRIPTION_MAX = 500;
export const WEBHOOK_EVENT_CODES = Object.values(WEBHOOK_EVENT_CODE) as [string, ...string[]];

const url = storableString({ error: "Enter the endpoint's URL." })
  .trim()
  .min(1, "Enter the endpoint's URL.")
  .max(WEBHOOK_URL_MAX, `Keep the URL within ${WEBHOOK_URL_MAX.toLocaleString("en")} characters.`)
  .refine((value) => URL.canParse(value), { message: "Enter a full URL, e.g. https://hooks.example.com/tierdesk.", abort: true })
  .refine((value) => ["http:", "https:"].includes(new URL(value).protocol), "Webhooks go over http or https only.");

const events = z
  .array(z.enum(WEBHOOK_EVENT_CODES, { error: `Events are among ${WEBHOOK_EVENT_CODES.join(", ")}.` }), { error: "Choose the events to send." })
  .min(1, "Choose at least one event.")
  .transform((codes) => [...new Set(codes)].map((code) => WEBHOOK_EVENT_BY_CODE[code]!));

const description = storableString({ error: "The description is text." })
  .trim()
  .max(WEBHOOK_DESCRIPTION_MAX, `Keep the description within ${WEBHOOK_DESCRIPTION_MAX} characters.`);

/** A new endpoint: where to send which events (wire names, "ticket.created"), and a note for admins. */
export const ZCreateWebhook = z.strictObject({ url, events, description: description.default("") });
export type CreateWebhookInput = z.infer<typeof ZCreateWebhook>;

/** A change to an endpoint: any of its fields; `active: true` re-enables a disabled one. */
export const ZUpdateWebhook = z
  .strictObject({ url: url.optional(), events: events.optional(), description: description.optional(), active: z.boolean({ error: "active is true or false." }).optional() })
  .refine((change) => Object.values(change).some((v) => v !== undefined), { message: "Send at least one of url, events, description, active." });
export type UpdateWebhookInput = z.infer<typeof ZUpdateWebhook>;

export const ZWebhookId = z.uuid({ error: "A webhook is named by its id." });

export const ZDeliveryId = positiveInt4("A delivery is named by its number.", true);

/** The delivery log, newest first: `cursor` is the last id of the previous page. */
export const ZDeliveryQuery = z.strictObject({
  cursor: idCursor().optional(),
  limit: z.coerce.number({ error: "limit is a number." }).int("limit is a whole number.").min(1, "limit is at least 1.").max(200, "limit is at most 200.").default(50),
});
