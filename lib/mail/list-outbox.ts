import type { Actor } from "@/lib/actor";
import { db } from "@/lib/db/client";
import type { OutboxStatus } from "@/lib/db/generated/enums";
import { forbidden } from "@/lib/errors";

export interface OutboxMessageJson {
  id: number;
  ticketNumber: string | null;
  toAddress: string;
  subject: string;
  body: string;
  status: OutboxStatus;
  deliveredVia: string | null;
  attempts: number;
  nextAttemptAt: string;
  lastError: string | null;
  sentAt: string | null;
  createdAt: string;
}

export const OUTBOX_PAGE_SIZE = 50;

export function mayReadOutbox(actor: Actor): boolean {
  return actor.role === "ADMIN" || actor.role === "MANAGER";
}

/** The newest mail first, as it was queued and how its delivery went (admins and managers). */
export async function listOutbox(actor: Actor): Promise<OutboxMessageJson[]> {
  if (!mayReadOutbox(actor)) throw forbidden("Only admins and managers read the outbox.");
  const rows = await db().outboxMessage.findMany({ orderBy: { id: "desc" }, take: OUTBOX_PAGE_SIZE, include: { ticket: { select: { number: true } } } });
  return rows.map((m) => ({
    id: m.id,
    ticketNumber: m.ticket?.number ?? null,
    toAddress: m.toAddress,
    subject: m.subject,
    body: m.body,
    status: m.status,
    deliveredVia: m.deliveredVia,
    attempts: m.attempts,
    nextAttemptAt: m.nextAttemptAt.toISOString(),
    lastError: m.lastError,
    sentAt: m.sentAt?.toISOString() ?? null,
    createdAt: m.createdAt.toISOString(),
  }));
}
