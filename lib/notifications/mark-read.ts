import type { Actor } from "@/lib/actor";
import { db } from "@/lib/db/client";
import { ZMarkNotificationsRead } from "@/lib/validation/notifications";
import { parseInput } from "@/lib/validation/parse";
import type { VerbInput } from "@/lib/validation/unchecked";
import { requireNotificationReader } from "./authorize";
import { countUnread } from "./unread-count";

export interface MarkReadResult {
  /** How many this call marked read (already read ones, and ids that are not the actor's, count 0). */
  marked: number;
  unreadCount: number;
}

/**
 * Marks the actor's own notifications read: `{ ids }` or `{ all: true }`. Ids of someone else's notifications
 * (or of none) are ignored, not refused, so the answer never says whether they exist. Idempotent: a
 * notification keeps the first time it was read. One UPDATE, so calls at once are safe.
 */
export async function markNotificationsRead(actor: Actor, input: VerbInput<typeof ZMarkNotificationsRead>, now = new Date()): Promise<MarkReadResult> {
  requireNotificationReader(actor);
  const data = parseInput(ZMarkNotificationsRead, input);
  const { count } = await db().notification.updateMany({
    where: { recipientId: actor.id, readAt: null, ...("ids" in data ? { id: { in: data.ids } } : {}) },
    data: { readAt: now },
  });
  return { marked: count, unreadCount: await countUnread(actor.id) };
}
