import { z } from "zod";
import { idCursor } from "./int4";
import { storableString } from "./text";

export const ALERT_NOTE_MAX = 2_000;

/** Acknowledging an alert: an optional note on what is being done about it (blank means none). */
export const ZAcknowledgeAlert = z.strictObject({
  note: storableString({ error: "The note is text." })
    .trim()
    .max(ALERT_NOTE_MAX, `Keep the note within ${ALERT_NOTE_MAX.toLocaleString("en")} characters.`)
    .optional()
    .transform((note) => note || undefined),
});
export type AcknowledgeAlertInput = z.infer<typeof ZAcknowledgeAlert>;

/** The Open alerts list: the page after the last alert id shown, in (raisedAt, id) order. */
export const ZOpenAlertsQuery = z.strictObject({ after: idCursor().optional() });
