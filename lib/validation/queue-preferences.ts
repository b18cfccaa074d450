import { z } from "zod";
import { storableString } from "./text";
import { ZQueueQuery } from "./queue";

/** The queue's optional columns (number, title and the selection box are always shown), in table order. */
export const QUEUE_COLUMNS = ["priority", "tier", "status", "customer", "assignee", "first-response", "tier-budget", "resolution", "updated", "age"] as const;
export type QueueColumn = (typeof QUEUE_COLUMNS)[number];

/** Hidden until a person shows them: the table stays one dense line at 1366 px. */
export const DEFAULT_HIDDEN_COLUMNS: QueueColumn[] = ["tier", "first-response", "updated"];

export const ZHiddenColumns = z
  .array(z.enum(QUEUE_COLUMNS, { error: "Unknown column." }), { error: "A list of columns." })
  .max(QUEUE_COLUMNS.length)
  .transform((columns) => [...new Set(columns)]);

/** `PUT /api/v1/queue/preferences` and the columns menu. */
export const ZQueuePreferences = z.strictObject({ hiddenColumns: ZHiddenColumns });
export type QueuePreferences = z.infer<typeof ZQueuePreferences>;

export const SAVED_VIEW_NAME_MAX = 60;
export const SAVED_VIEWS_MAX = 30;
const name = storableString({ error: "Name the view." }).trim().min(1, "Name the view.").max(SAVED_VIEW_NAME_MAX, `Keep the name within ${SAVED_VIEW_NAME_MAX} characters.`);

/** What a saved view keeps of the queue's query: everything but the page. */
export const ZSavedViewQuery = ZQueueQuery.omit({ cursor: true, limit: true });

/** `POST /api/v1/queue/views` and the "Save view" form. */
export const ZCreateSavedView = z.strictObject({ name, query: ZSavedViewQuery, hiddenColumns: ZHiddenColumns.optional() });
export type CreateSavedViewInput = z.infer<typeof ZCreateSavedView>;

/** `PATCH /api/v1/queue/views/{id}`: a new name. */
export const ZRenameSavedView = z.strictObject({ name });
