import { z } from "zod";
import { storableString } from "./text";
import { idCursor, positiveInt4 } from "./int4";

const version = positiveInt4("Send the version you last read.", true);
const text = (field: string, max: number) =>
  storableString({ error: `Enter ${field}.` }).trim().min(1, `Enter ${field}.`).max(max, `Keep ${field} within ${max.toLocaleString("en")} characters.`);

export const ZConfirmResolved = z.strictObject({ version });
export type ConfirmResolvedInput = z.infer<typeof ZConfirmResolved>;

/** The most a "Still broken" reason may hold (a reply by mail to a resolved ticket is cut to it). */
export const REOPEN_REASON_MAX = 5_000;
export const ZReopenTicket = z.strictObject({ version, reason: text("what is still broken", REOPEN_REASON_MAX) });
export type ReopenTicketInput = z.infer<typeof ZReopenTicket>;

export const ZEscalationRequest = z.strictObject({ version, reason: text("why this needs more attention", 5_000) });
export type EscalationRequestInput = z.infer<typeof ZEscalationRequest>;

export const RATING_COMMENT_MAX = 2_000;
export const ZRateTicket = z.strictObject({
  score: z.coerce.number({ error: "Choose 1 to 5." }).int("Choose 1 to 5.").min(1, "Choose 1 to 5.").max(5, "Choose 1 to 5."),
  comment: storableString().trim().max(RATING_COMMENT_MAX, `Keep the comment within ${RATING_COMMENT_MAX.toLocaleString("en")} characters.`).optional(),
});
export type RateTicketInput = z.infer<typeof ZRateTicket>;

export const ZCustomerTicketFilter = z.strictObject({
  filter: z.enum(["open", "resolved"], { error: "Choose open or resolved." }).optional(),
  cursor: idCursor().optional(),
});
export type CustomerTicketFilter = z.infer<typeof ZCustomerTicketFilter>;
