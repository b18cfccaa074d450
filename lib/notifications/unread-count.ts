import { db } from "@/lib/db/client";

/**
 * How many of this person's notifications are unread: one scan of the partial index
 * "Notification_unread_idx" (recipientId WHERE readAt IS NULL), however long their history.
 */
export async function countUnread(recipientId: string): Promise<number> {
  const [row] = await db().$queryRaw<{ unread: number }[]>`
    SELECT count(*)::int AS "unread" FROM "Notification" WHERE "recipientId" = ${recipientId} AND "readAt" IS NULL`;
  return row?.unread ?? 0;
}
