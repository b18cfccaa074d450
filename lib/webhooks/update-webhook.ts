import type { Actor } from "@/lib/actor";
import { requireAdminWrite } from "@/lib/admin/authorize";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { ZUpdateWebhook, ZWebhookId } from "@/lib/validation/webhook";
import { parseInput } from "@/lib/validation/parse";
import type { VerbInput } from "@/lib/validation/unchecked";
import { checkWebhookUrl } from "./webhook-url-check";
import { WEBHOOK_SELECT, webhookJson, type WebhookJson } from "./webhook-json";

/**
 * Changes an endpoint's URL, events, description or state (admins). Disabling by hand records who did it;
 * enabling clears the reason and the count of failed events, so the endpoint starts afresh.
 */
export async function updateWebhook(actor: Actor, id: unknown, input: VerbInput<typeof ZUpdateWebhook>, now = new Date()): Promise<WebhookJson> {
  requireAdminWrite(actor);
  const parsedId = ZWebhookId.safeParse(id);
  if (!parsedId.success) throw notFound("Webhook");
  const change = parseInput(ZUpdateWebhook, input);
  if (change.url) checkWebhookUrl(change.url);
  return db().$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<{ active: boolean }[]>`SELECT "active" FROM "WebhookEndpoint" WHERE "id" = ${parsedId.data} FOR UPDATE`;
    if (!locked) throw notFound("Webhook");
    const before = webhookJson(await tx.webhookEndpoint.findUniqueOrThrow({ where: { id: parsedId.data }, select: WEBHOOK_SELECT }));
    const enabling = change.active === true && !locked.active;
    const disabling = change.active === false && locked.active;
    const row = await tx.webhookEndpoint.update({
      where: { id: parsedId.data },
      data: {
        url: change.url,
        events: change.events,
        description: change.description,
        active: change.active,
        updatedAt: now,
        ...(enabling ? { consecutiveFailures: 0, disabledAt: null, disabledReason: null } : {}),
        ...(disabling ? { disabledAt: now, disabledReason: `Disabled by ${actor.name}.` } : {}),
      },
      select: WEBHOOK_SELECT,
    });
    const after = webhookJson(row);
    await recordAuditEvent(tx, actor, { entity: "WebhookEndpoint", entityId: row.id, action: enabling ? "enable" : disabling ? "disable" : "update", before, after });
    return after;
  });
}
