import type { Actor } from "@/lib/actor";
import type { Transaction } from "@/lib/db/client";
import { findMentions, NOT_TOLD, type MentionReport } from "./mentions";

export interface MentionedNote {
  ticketId: number;
  commentId: number;
  /** The note's COMMENTED event. */
  eventId: number | null;
  body: string;
}

/**
 * Tells each active staff user an internal note mentions, other than its writer, in the note's transaction:
 * one MENTIONED notification with the mention's own sentence (never more of the note); the mail trigger
 * then mails it by preference. Staff may open every ticket; a customer, a deactivated user or an unknown ID
 * is told nothing and named back to the writer. One query resolves every ID; a second write for the same
 * comment adds nothing (the unique key holds `comment:<id>`). Null when the note mentions nobody.
 */
export async function notifyMentions(tx: Transaction, writer: Actor, note: MentionedNote, now: Date): Promise<MentionReport | null> {
  const mentions = findMentions(note.body);
  if (!mentions.length) return null;
  // Staff IDs are stored in lower case, customers' in upper case (lib/auth/authenticate.ts normalizeUserId).
  const spellings = mentions.flatMap((m) => [m.userId.toLowerCase(), m.userId.toUpperCase()]);
  const users = await tx.user.findMany({ where: { userId: { in: spellings } }, select: { id: true, userId: true, role: true, active: true } });
  const byId = new Map(users.map((u) => [u.userId.toLowerCase(), u]));

  const report: MentionReport = { notified: [], notNotified: [] };
  const rows = [];
  for (const mention of mentions) {
    const user = byId.get(mention.userId.toLowerCase());
    const refusal = !user ? NOT_TOLD.unknown : user.role === "CUSTOMER" ? NOT_TOLD.customer : !user.active ? NOT_TOLD.inactive : user.id === writer.id ? NOT_TOLD.self : null;
    if (refusal) {
      report.notNotified.push({ userId: user?.userId ?? mention.userId, reason: refusal });
      continue;
    }
    report.notified.push(user!.userId);
    rows.push({
      recipientId: user!.id,
      cause: "MENTIONED" as const,
      kind: "MENTIONS" as const,
      ticketId: note.ticketId,
      eventId: note.eventId,
      occurrence: `comment:${note.commentId}`,
      headline: `${writer.name} mentioned you`,
      sentence: mention.sentence,
      createdAt: now,
    });
  }
  if (rows.length) await tx.notification.createMany({ data: rows, skipDuplicates: true });
  return report;
}
