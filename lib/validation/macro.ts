import { z } from "zod";
import { MANUAL_STATUSES } from "./routing";
import { CommentVisibility, TicketStatus } from "@/lib/db/generated/enums";
import { unknownPlaceholders, PLACEHOLDERS } from "./macro-placeholders";

import { positiveInt4 } from "./int4";
import { COMMENT_MAX } from "./routing";
import { storableString } from "./text";

export const MACRO_TITLE_MAX = 200;

/** A macro as an admin saves it; `category` is a category's slug, empty or absent for every category. */
export const ZMacro = z.strictObject({
  title: storableString({ error: "Enter a title." }).trim().min(1, "Enter a title.").max(MACRO_TITLE_MAX, `Keep the title within ${MACRO_TITLE_MAX} characters.`),
  body: storableString({ error: "Enter the text." })
    .trim()
    .min(1, "Enter the text.")
    .max(COMMENT_MAX, `Keep the text within ${COMMENT_MAX.toLocaleString("en")} characters.`)
    .superRefine((body, ctx) => {
      const unknown = unknownPlaceholders(body);
      if (unknown.length) {
        ctx.addIssue({ code: "custom", message: `Unknown placeholder ${unknown.map((u) => `{{${u}}}`).join(", ")}: use ${PLACEHOLDERS.map((p) => `{{${p}}}`).join(", ")}.` });
      }
    }),
  category: z.union([z.literal(""), storableString().trim().min(1).max(64)]).optional(),
  visibility: z.enum(CommentVisibility, { error: "PUBLIC or INTERNAL." }),
  setStatus: z
    .union([z.literal(""), z.enum(TicketStatus, { error: `A macro may set ${MANUAL_STATUSES.join(", ")} or nothing.` })])
    .optional()
    .refine((s) => !s || MANUAL_STATUSES.includes(s), { message: `A macro may set ${MANUAL_STATUSES.join(", ")} or nothing: the others are set by routing.` }),
});
export type MacroInput = z.infer<typeof ZMacro>;

export const ZMacroId = positiveInt4("A macro is named by its number.", true);

/** The status a reply sent from a macro sets, if the agent kept it; empty or absent leaves the status. */
export const ZStatusAfterReply = z
  .union([z.literal(""), z.enum(TicketStatus, { error: "Not a status." })])
  .optional()
  .refine((s) => !s || MANUAL_STATUSES.includes(s), { message: `Only ${MANUAL_STATUSES.join(", ")} are set by hand.` });
