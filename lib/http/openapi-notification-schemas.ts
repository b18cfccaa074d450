// The staff notification routes of /api/v1 and their response shapes as JSON Schema: mirrors NotificationPage
// (lib/notifications/list-notifications.ts), MarkReadResult (mark-read.ts) and NotificationPreferences (preferences.ts).
import { NotificationCause, NotificationKind, Priority, Tier } from "@/lib/db/generated/enums";
import { NO_EMAIL_NOTICE } from "@/lib/notifications/preferences";
import { ZMarkNotificationsRead, ZNotificationPreferences, ZNotificationQuery } from "@/lib/validation/notifications";
import type { ApiRoute } from "./openapi";
import { ref, type JsonSchema } from "./openapi-schemas";

const string: JsonSchema = { type: "string" };
const count: JsonSchema = { type: "integer", minimum: 0 };
const dateTime: JsonSchema = { type: "string", format: "date-time" };
const nullableDateTime: JsonSchema = { type: ["string", "null"], format: "date-time" };
const enumOf = (values: Record<string, string>): JsonSchema => ({ type: "string", enum: Object.values(values) });

function object(properties: Record<string, JsonSchema>, description?: string): JsonSchema {
  return { type: "object", ...(description ? { description } : {}), properties, required: Object.keys(properties) };
}

const Notification = object({
  id: { type: "integer", minimum: 1 },
  cause: enumOf(NotificationCause),
  kind: enumOf(NotificationKind),
  headline: { ...string, description: "What happened, in a few words." },
  sentence: { ...string, description: "Why: the decision log's sentence." },
  ticket: object({ number: { type: "string", pattern: "^(INC|REQ)-\\d{6,}$" }, title: string, priority: enumOf(Priority), tier: enumOf(Tier) }),
  createdAt: dateTime,
  readAt: nullableDateTime,
  alert: {
    anyOf: [
      object({ id: { type: "integer", minimum: 1 }, acknowledgedAt: nullableDateTime, acknowledgedBy: { anyOf: [object({ userId: string, name: string }), { type: "null" }] } }),
      { type: "null" },
    ],
    description: "Set when it is an alert a person must acknowledge.",
  },
});

const NotificationPage = object({
  items: { type: "array", items: ref("Notification") },
  nextCursor: { type: ["string", "null"], description: "Pass as ?cursor= for the next (older) page; null on the last one." },
  unreadCount: { ...count, description: "All your unread notifications, whatever the filter." },
});

const MarkReadResult = object({
  marked: { ...count, description: "How many this call marked read." },
  unreadCount: count,
});

const NotificationPreferences = object({
  kinds: {
    type: "array",
    description: "One entry per kind; isDefault while you have not chosen (SLA alerts and mentions by mail, the rest in-app).",
    items: object({ kind: enumOf(NotificationKind), byMail: { type: "boolean" }, isDefault: { type: "boolean" } }),
  },
  hasEmail: { type: "boolean", description: "Without an address nothing is mailed." },
  notice: { type: ["string", "null"], description: `"${NO_EMAIL_NOTICE}" when you have no address.` },
});

export const NOTIFICATION_RESPONSE_SCHEMAS: Record<string, JsonSchema> = { Notification, NotificationPage, MarkReadResult, NotificationPreferences };

export const NOTIFICATION_ROUTES: ApiRoute[] = [
  {
    method: "get",
    path: "/api/v1/notifications",
    operationId: "listNotifications",
    summary: "Your notifications, newest first, keyset-paginated, with your unread count (support staff; only your own).",
    description: "unread=1 keeps the unread ones; filter=alerts keeps SLA alerts, filter=mentions the @mentions. The cursor is opaque. Poll it at most every 10 s.",
    query: ZNotificationQuery,
    response: { status: 200, description: "A page of your notifications.", schema: "NotificationPage" },
    errors: [400, 403],
  },
  {
    method: "post",
    path: "/api/v1/notifications/read",
    operationId: "markNotificationsRead",
    summary: "Mark some of your notifications read ({ ids }) or all of them ({ all: true }).",
    description: "Idempotent. Ids that are not yours are ignored (marked counts only what this call changed).",
    body: { name: "MarkNotificationsRead", schema: ZMarkNotificationsRead },
    response: { status: 200, description: "How many were marked, and your unread count now.", schema: "MarkReadResult" },
    errors: [403],
  },
  {
    method: "get",
    path: "/api/v1/me/notification-preferences",
    operationId: "getNotificationPreferences",
    summary: "How each kind of notification reaches you: in the app only, or also by mail (support staff).",
    response: { status: 200, description: "Your choices, the defaults where you have not chosen.", schema: "NotificationPreferences" },
    errors: [403],
  },
  {
    method: "put",
    path: "/api/v1/me/notification-preferences",
    operationId: "updateNotificationPreferences",
    summary: "Choose, per kind, in-app only or in-app and mail (support staff). Kinds left out keep their choice.",
    body: { name: "NotificationPreferencesUpdate", schema: ZNotificationPreferences },
    response: { status: 200, description: "All your choices as saved.", schema: "NotificationPreferences" },
    errors: [403],
  },
];
