import { z } from "zod";
import { NotificationKind } from "@/lib/db/generated/enums";
import { idCursor, positiveInt4 } from "./int4";
import { storableString } from "./text";

/** The bell's and /notifications' filters: alerts are the SLA alerts kind, mentions the @mention cause. */
export const NOTIFICATION_FILTERS = ["alerts", "mentions"] as const;
export type NotificationFilter = (typeof NOTIFICATION_FILTERS)[number];

export const NOTIFICATION_LIMIT_DEFAULT = 20;
export const NOTIFICATION_LIMIT_MAX = 100;
/** How many ids one "mark read" may name: a page of the list at most. */
export const MARK_READ_IDS_MAX = NOTIFICATION_LIMIT_MAX;

/** Query parameters arrive as "" when a form field is left empty: treat that as not given. */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === "" || value === null ? undefined : value), schema.optional());

const flag = storableString()
  .regex(/^(1|0|true|false)$/, "Use 1 or 0.")
  .transform((value) => value === "1" || value === "true");

/** `GET /api/v1/notifications?unread=1&filter=alerts&cursor=…&limit=…`: newest first, a keyset page. */
export const ZNotificationQuery = z.strictObject({
  unread: optional(z.union([z.boolean(), flag], { error: "Use 1 or 0." })),
  filter: optional(z.enum(NOTIFICATION_FILTERS, { error: "Filter by alerts or mentions." })),
  cursor: optional(idCursor()),
  limit: optional(
    z.coerce.number({ error: "A number." }).int("A whole number.").min(1, "At least 1.").max(NOTIFICATION_LIMIT_MAX, `At most ${NOTIFICATION_LIMIT_MAX}.`),
  ),
});
export type NotificationQuery = z.input<typeof ZNotificationQuery>;

/** `POST /api/v1/notifications/read`: some of your notifications by id, or all of them. */
export const ZMarkNotificationsRead = z.union(
  [
    z.strictObject({
      ids: z
        .array(positiveInt4("Unknown notification."), { error: "A list of notification ids." })
        .min(1, "Name at least one notification.")
        .max(MARK_READ_IDS_MAX, `At most ${MARK_READ_IDS_MAX} at once.`),
    }),
    z.strictObject({ all: z.literal(true, { error: "Send all: true." }) }),
  ],
  { error: "Send { ids: [...] } or { all: true }." },
);
export type MarkNotificationsRead = z.infer<typeof ZMarkNotificationsRead>;

/** How a kind reaches a person: in the app only, or in the app and by mail. */
export const DELIVERY_CHOICES = ["in-app", "mail"] as const;
export type DeliveryChoice = (typeof DELIVERY_CHOICES)[number];

/** `PUT /api/v1/me/notification-preferences` and the preferences form: the kinds to change, each to a choice. */
export const ZNotificationPreferences = z.strictObject({
  kinds: z.partialRecord(z.enum(NotificationKind, { error: "Unknown kind of notification." }), z.enum(DELIVERY_CHOICES, { error: "Choose in-app or mail." }), {
    // An unknown key comes here as "unrecognized_keys" (zod's types do not list that code for a record).
    error: (issue) => {
      const unknown = (issue as { keys?: string[] }).keys;
      return unknown ? `Unknown kind of notification: ${unknown.join(", ")}.` : "Map each kind to in-app or mail.";
    },
  }),
});
export type NotificationPreferencesInput = z.infer<typeof ZNotificationPreferences>;
