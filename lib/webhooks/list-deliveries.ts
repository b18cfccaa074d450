import type { Actor } from "@/lib/actor";
import { requireAdminRead } from "@/lib/admin/authorize";
import { db } from "@/lib/db/client";
import { ZDeliveryQuery } from "@/lib/validation/webhook";
import { parseInput } from "@/lib/validation/parse";
import type { VerbInput } from "@/lib/validation/unchecked";
import { WEBHOOK_EVENT_CODE } from "@/lib/validation/webhook-event-types";
import { getWebhook } from "./get-webhook";
import type { WebhookDeliveryJson } from "./webhook-json";

/** An endpoint's delivery log, newest first, keyset-paginated by id (admins and managers). */
export async function listDeliveries(actor: Actor, webhookId: unknown, query: VerbInput<typeof ZDeliveryQuery>): Promise<{ deliveries: WebhookDeliveryJson[]; nextCursor: number | null }> {
  requireAdminRead(actor);
  const { id } = await getWebhook(actor, webhookId);
  const { cursor, limit } = parseInput(ZDeliveryQuery, query);
  const rows = await db().webhookDelivery.findMany({
    where: { endpointId: id, ...(cursor ? { id: { lt: Number(cursor) } } : {}) },
    orderBy: { id: "desc" },
    take: limit + 1,
  });
  const tickets = new Map(
    (await db().ticket.findMany({ where: { id: { in: [...new Set(rows.flatMap((r) => (r.ticketId ? [r.ticketId] : [])))] } }, select: { id: true, number: true } })).map((t) => [t.id, t.number]),
  );
  const page = rows.slice(0, limit);
  return {
    deliveries: page.map((r) => ({
      id: r.id,
      webhookId: r.messageId,
      event: WEBHOOK_EVENT_CODE[r.eventType],
      ticket: r.ticketId ? (tickets.get(r.ticketId) ?? null) : null,
      status: r.status,
      attempts: r.attempts,
      responseCode: r.lastResponseCode,
      durationMs: r.lastDurationMs,
      lastError: r.lastError,
      createdAt: r.createdAt.toISOString(),
      nextAttemptAt: r.status === "PENDING" ? r.nextAttemptAt.toISOString() : null,
      deliveredAt: r.deliveredAt?.toISOString() ?? null,
    })),
    nextCursor: rows.length > limit ? page[page.length - 1]!.id : null,
  };
}
