import { z } from "zod";
import { InboundMailStatus } from "@/lib/db/generated/enums";
import { INT4_MAX, positiveInt4 } from "./int4";
import { storableString } from "./text";
import { ZTicketNumber } from "./ticket";

/** A page of the Inbound review list: newest first, by status (held by default), after a cursor "<receivedAt ms>.<id>". */
export const ZInboundMailQuery = z.strictObject({
  status: z.enum(InboundMailStatus, { error: "Unknown status." }).default("HELD"),
  cursor: storableString()
    .regex(/^\d{1,15}\.[1-9]\d{0,9}$/, { message: "Invalid cursor.", abort: true })
    .refine((value) => Number(value.split(".")[1]) <= INT4_MAX, "Invalid cursor.")
    .optional(),
  limit: z.coerce.number({ error: "A number from 1 to 100." }).int("A number from 1 to 100.").min(1, "A number from 1 to 100.").max(100, "A number from 1 to 100.").default(50),
});
export type InboundMailQuery = z.infer<typeof ZInboundMailQuery>;

/** The id of a received mail (a path segment or a number). */
export const ZInboundMailId = positiveInt4("A received mail is named by its number.", true);

/** Accept a held mail as the customer's public reply on this ticket. */
export const ZAcceptInboundMail = z.strictObject({ ticket: ZTicketNumber });
export type AcceptInboundMailInput = z.infer<typeof ZAcceptInboundMail>;
