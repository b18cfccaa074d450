import type { Actor } from "@/lib/actor";
import { requireAdminWrite } from "@/lib/admin/authorize";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db/client";
import { ZCreateWebhook } from "@/lib/validation/webhook";
import { parseInput } from "@/lib/validation/parse";
import type { VerbInput } from "@/lib/validation/unchecked";
import { newWebhookSecret } from "./signature";
import { checkWebhookUrl } from "./webhook-url-check";
import { WEBHOOK_SELECT, webhookJson, type WebhookJson } from "./webhook-json";

/** Registers an endpoint (admins). The answer carries its signing secret: the only time it is shown. */
export async function createWebhook(actor: Actor, input: VerbInput<typeof ZCreateWebhook>, now = new Date()): Promise<{ webhook: WebhookJson; secret: string }> {
  requireAdminWrite(actor);
  const data = parseInput(ZCreateWebhook, input);
  checkWebhookUrl(data.url);
  const secret = newWebhookSecret();
  return db().$transaction(async (tx) => {
    const row = await tx.webhookEndpoint.create({
      data: { url: data.url, description: data.description, events: data.events, secret, createdById: actor.id, createdAt: now, updatedAt: now },
      select: WEBHOOK_SELECT,
    });
    const webhook = webhookJson(row);
    await recordAuditEvent(tx, actor, { entity: "WebhookEndpoint", entityId: row.id, action: "create", before: null, after: webhook });
    return { webhook, secret };
  });
}
