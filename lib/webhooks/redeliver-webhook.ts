import type { Actor } from "@/lib/actor";
import { requireAdminWrite } from "@/lib/admin/authorize";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors";
import { ZDeliveryId, ZWebhookId } from "@/lib/validation/webhook";

/**
 * Sends a failed delivery again (admins): back to waiting, due now, with a fresh set of attempts. Its
 * webhook-id and body stay, so a receiver that saw it after all can tell it is the same event.
 */
export async function redeliverWebhook(actor: Actor, webhookId: unknown, deliveryId: unknown, now = new Date()): Promise<{ id: number; status: "PENDING" }> {
  requireAdminWrite(actor);
  const endpoint = ZWebhookId.safeParse(webhookId);
  const delivery = ZDeliveryId.safeParse(deliveryId);
  if (!endpoint.success || !delivery.success) throw notFound("Delivery");
  return db().$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ status: string; messageId: string }[]>`
      SELECT "status"::text AS "status", "messageId" FROM "WebhookDelivery" WHERE "id" = ${delivery.data} AND "endpointId" = ${endpoint.data} FOR UPDATE`;
    if (!row) throw notFound("Delivery");
    if (row.status !== "FAILED") throw new AppError("CONFLICT", "Only a failed delivery is sent again; this one is not failed.");
    await tx.webhookDelivery.update({ where: { id: delivery.data }, data: { status: "PENDING", attempts: 0, nextAttemptAt: now, leasedUntil: null } });
    await recordAuditEvent(tx, actor, {
      entity: "WebhookDelivery",
      entityId: String(delivery.data),
      action: "redeliver",
      before: { status: "FAILED", webhookId: row.messageId },
      after: { status: "PENDING", webhookId: row.messageId },
    });
    return { id: delivery.data, status: "PENDING" as const };
  });
}
