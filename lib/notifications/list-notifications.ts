import type { Actor } from "@/lib/actor";
import { db } from "@/lib/db/client";
import type { NotificationCause, NotificationKind, Priority, Tier } from "@/lib/db/generated/enums";
import type { Prisma } from "@/lib/db/generated/client";
import { NOTIFICATION_LIMIT_DEFAULT, ZNotificationQuery, type NotificationFilter } from "@/lib/validation/notifications";
import { parseInput } from "@/lib/validation/parse";
import type { VerbInput } from "@/lib/validation/unchecked";
import { requireNotificationReader } from "./authorize";
import { countUnread } from "./unread-count";

/** One notification as its recipient reads it (the bell, /notifications, the API). */
export interface NotificationItem {
  id: number;
  cause: NotificationCause;
  kind: NotificationKind;
  headline: string;
  sentence: string;
  ticket: { number: string; title: string; priority: Priority; tier: Tier };
  createdAt: string;
  readAt: string | null;
  /** Set when it is an alert someone must acknowledge. */
  alert: { id: number; acknowledgedAt: string | null; acknowledgedBy: { userId: string; name: string } | null } | null;
}

export interface NotificationPage {
  items: NotificationItem[];
  /** Pass as ?cursor= for the next (older) page; null on the last one. */
  nextCursor: string | null;
  /** All of this person's unread notifications, whatever the filter. */
  unreadCount: number;
}

function filterWhere(filter: NotificationFilter | undefined): Prisma.NotificationWhereInput {
  if (filter === "alerts") return { kind: "SLA_ALERTS" };
  if (filter === "mentions") return { cause: "MENTIONED" };
  return {};
}

/** The actor's own notifications, newest first, a keyset page on id; `query` is the API's query string (or the page's). */
export async function listNotifications(actor: Actor, query: VerbInput<typeof ZNotificationQuery> = {}): Promise<NotificationPage> {
  requireNotificationReader(actor);
  const { unread, filter, cursor, limit = NOTIFICATION_LIMIT_DEFAULT } = parseInput(ZNotificationQuery, query);
  const where: Prisma.NotificationWhereInput = {
    recipientId: actor.id,
    ...(unread ? { readAt: null } : {}),
    ...filterWhere(filter),
    ...(cursor ? { id: { lt: Number(cursor) } } : {}),
  };
  const [rows, unreadCount] = await Promise.all([
    db().notification.findMany({
      where,
      orderBy: { id: "desc" },
      take: limit + 1,
      select: {
        id: true,
        cause: true,
        kind: true,
        headline: true,
        sentence: true,
        createdAt: true,
        readAt: true,
        ticket: { select: { number: true, title: true, priority: true, tier: true } },
        alert: { select: { id: true, acknowledgedAt: true, acknowledgedBy: { select: { userId: true, name: true } } } },
      },
    }),
    countUnread(actor.id),
  ]);
  const page = rows.slice(0, limit);
  return {
    items: page.map((row) => ({
      id: row.id,
      cause: row.cause,
      kind: row.kind,
      headline: row.headline,
      sentence: row.sentence,
      ticket: row.ticket,
      createdAt: row.createdAt.toISOString(),
      readAt: row.readAt?.toISOString() ?? null,
      alert: row.alert
        ? { id: row.alert.id, acknowledgedAt: row.alert.acknowledgedAt?.toISOString() ?? null, acknowledgedBy: row.alert.acknowledgedBy }
        : null,
    })),
    nextCursor: rows.length > limit ? String(page.at(-1)!.id) : null,
    unreadCount,
  };
}
