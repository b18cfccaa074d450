import type { Actor } from "@/lib/actor";
import { requireAdminWrite } from "@/lib/admin/authorize";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { ZWebhookId } from "@/lib/validation/webhook";
import { WEBHOOK_SELECT, webhookJson } from "./webhook-json";

/** Removes an endpoint with its delivery log (admins); the audit trail keeps what it was. */
export async function deleteWebhook(actor: Actor, id: unknown): Promise<void> {
  requireAdminWrite(actor);
  const parsed = ZWebhookId.safeParse(id);
  const row = parsed.success ? await db().webhookEndpoint.findUnique({ where: { id: parsed.data }, select: WEBHOOK_SELECT }) : null;
  if (!row) throw notFound("Webhook");
  const before = webhookJson(row);
  // Off first, in its own statement: ticket changes that start from now on queue nothing for it, so none of
  // them holds a new delivery row for it when it is removed.
  await db().webhookEndpoint.updateMany({ where: { id: row.id }, data: { active: false } });
  await db().$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "WebhookEndpoint" WHERE "id" = ${row.id} FOR UPDATE`;
    if (!locked) throw notFound("Webhook");
    await tx.$executeRaw`DELETE FROM "WebhookAttempt" WHERE "deliveryId" IN (SELECT "id" FROM "WebhookDelivery" WHERE "endpointId" = ${row.id})`;
    await tx.webhookDelivery.deleteMany({ where: { endpointId: row.id } });
    await tx.webhookEndpoint.delete({ where: { id: row.id } });
    await recordAuditEvent(tx, actor, { entity: "WebhookEndpoint", entityId: row.id, action: "delete", before, after: null });
  });
}
