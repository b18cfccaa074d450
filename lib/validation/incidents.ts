import { z } from "zod";
import { TicketLinkKind } from "@/lib/db/generated/enums";
import { storableString } from "./text";

/** A ticket number as typed by a person: trimmed, upper-cased (inc-000012 finds INC-000012). */
export const ZTicketNumberRef = (field: string) =>
  storableString({ error: `Give the ${field}'s ticket number.` })
    .trim()
    .min(1, `Give the ${field}'s ticket number.`)
    .max(32, "Not a ticket number.")
    .regex(/^[A-Za-z]{3}-\d{1,12}$/, "Not a ticket number (e.g. INC-000123).")
    .transform((v) => v.toUpperCase());

export const ZLinkTicket = z.strictObject({
  kind: z.enum(TicketLinkKind, { error: "RELATED or DUPLICATE_OF." }),
  target: ZTicketNumberRef("target"),
});
export type LinkTicketInput = z.infer<typeof ZLinkTicket>;

export const ZAttachChild = z.strictObject({ child: ZTicketNumberRef("child") });
export type AttachChildInput = z.infer<typeof ZAttachChild>;
