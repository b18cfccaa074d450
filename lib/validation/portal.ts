import { z } from "zod";

const version = z.coerce.number({ error: "Send the version you last read." }).int("Send the version you last read.").min(1, "Send the version you last read.");
const text = (field: string, max: number) =>
  z.string({ error: `Enter ${field}.` }).trim().min(1, `Enter ${field}.`).max(max, `Keep ${field} within ${max.toLocaleString("en")} characters.`);

export const ZConfirmResolved = z.strictObject({ version });
export type ConfirmResolvedInput = z.infer<typeof ZConfirmResolved>;

export const ZReopenTicket = z.strictObject({ version, reason: text("what is still broken", 5_000) });
export type ReopenTicketInput = z.infer<typeof ZReopenTicket>;

export const ZEscalationRequest = z.strictObject({ version, reason: text("why this needs more attention", 5_000) });
export type EscalationRequestInput = z.infer<typeof ZEscalationRequest>;

export const RATING_COMMENT_MAX = 2_000;
export const ZRateTicket = z.strictObject({
  score: z.coerce.number({ error: "Choose 1 to 5." }).int("Choose 1 to 5.").min(1, "Choose 1 to 5.").max(5, "Choose 1 to 5."),
  comment: z.string().trim().max(RATING_COMMENT_MAX, `Keep the comment within ${RATING_COMMENT_MAX.toLocaleString("en")} characters.`).optional(),
});
export type RateTicketInput = z.infer<typeof ZRateTicket>;

export const ZCustomerTicketFilter = z.strictObject({
  filter: z.enum(["open", "resolved"], { error: "Choose open or resolved." }).optional(),
  cursor: z.string().regex(/^[1-9][0-9]{0,9}$/, "Invalid cursor.").optional(),
});
export type CustomerTicketFilter = z.infer<typeof ZCustomerTicketFilter>;
