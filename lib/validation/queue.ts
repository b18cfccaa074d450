import { z } from "zod";
import { storableString } from "./text";
import { INT4_MAX } from "./int4";
import { Priority, Tier } from "@/lib/db/generated/enums";

/** The queue's views, in the order the page shows them. */
export const QUEUE_VIEWS = ["mine", "unassigned", "tier", "due-soon", "update-due", "escalated"] as const;
export type QueueView = (typeof QUEUE_VIEWS)[number];
export const DEFAULT_QUEUE_VIEW: QueueView = "tier";

/** Statuses of a ticket still being worked: the only ones a queue shows. */
export const OPEN_STATUSES = ["NEW", "ASSIGNED", "IN_PROGRESS", "PENDING_CUSTOMER", "PENDING_VENDOR"] as const;
export type OpenStatus = (typeof OPEN_STATUSES)[number];

export const QUEUE_TIERS = [...Object.values(Tier), "all"] as const;
export type QueueTier = (typeof QUEUE_TIERS)[number];

export const QUEUE_LIMIT_MAX = 100;
export const QUEUE_SEARCH_MAX = 200;

/** What the queue can be sorted by: priority (the default), each SLA clock, the last update and age. */
export const QUEUE_SORTS = ["priority", "first-response", "resolution", "tier-budget", "updated", "age"] as const;
export type QueueSort = (typeof QUEUE_SORTS)[number];
export const DEFAULT_QUEUE_SORT: QueueSort = "priority";
export const SORT_DIRECTIONS = ["asc", "desc"] as const;
export type SortDirection = (typeof SORT_DIRECTIONS)[number];

/**
 * Cursor "<sort>.<dir>.<key>.<id>": the last row's sort key and id, e.g. "priority.asc.P2.1234",
 * "resolution.asc.1764669600000.1234" (epoch ms), "resolution.asc.none.1234" (clock stopped), "age.desc.1234.1234".
 */
export const QUEUE_CURSOR_PATTERN = /^([a-z-]{3,16})\.(asc|desc)\.(P[1-5]|none|[0-9]{1,15})\.([1-9][0-9]{0,9})$/;

/** Query parameters arrive as "" when a form field is left empty: treat that as not given. */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === "" || value === null ? undefined : value), schema.optional());
const slug = (what: string) => storableString().max(64, `Unknown ${what}.`).regex(/^[a-z0-9-]+$/, `Unknown ${what}.`);

/** The queue's URL and API query: the view, the tier (managers), filters, search and the page. */
export const ZQueueQuery = z.strictObject({
  view: optional(z.enum(QUEUE_VIEWS, { error: "Unknown view." })),
  tier: optional(z.enum(QUEUE_TIERS, { error: "Choose L1, L2, L3, L4 or all." })),
  status: optional(z.enum(OPEN_STATUSES, { error: "Choose an open status." })),
  priority: optional(z.enum(Priority, { error: "Choose P1 to P5." })),
  category: optional(slug("category")),
  group: optional(slug("group")),
  q: z.preprocess(
    (value) => (typeof value === "string" ? value.trim() || undefined : value),
    storableString({ error: "Search for text." }).max(QUEUE_SEARCH_MAX, `Search for at most ${QUEUE_SEARCH_MAX} characters.`).optional(),
  ),
  sort: optional(z.enum(QUEUE_SORTS, { error: "Unknown sort." })),
  dir: optional(z.enum(SORT_DIRECTIONS, { error: "Sort asc or desc." })),
  cursor: optional(
    storableString()
      .regex(QUEUE_CURSOR_PATTERN, { message: "Invalid cursor.", abort: true })
      .refine((cursor) => Number(cursor.slice(cursor.lastIndexOf(".") + 1)) <= INT4_MAX, "Invalid cursor."),
  ),
  limit: optional(z.coerce.number({ error: "A number." }).int("A whole number.").min(1, "At least 1.").max(QUEUE_LIMIT_MAX, `At most ${QUEUE_LIMIT_MAX}.`)),
});
export type QueueQuery = z.infer<typeof ZQueueQuery>;
