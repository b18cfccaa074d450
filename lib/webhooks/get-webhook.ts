import type { Actor } from "@/lib/actor";
import { requireAdminRead } from "@/lib/admin/authorize";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { ZWebhookId } from "@/lib/validation/webhook";
import { WEBHOOK_SELECT, webhookJson, type WebhookJson } from "./webhook-json";

/** One webhook endpoint (admins and managers); an id that names none is a 404. */
export async function getWebhook(actor: Actor, id: unknown): Promise<WebhookJson> {
  requireAdminRead(actor);
  const parsed = ZWebhookId.safeParse(id);
  const row = parsed.success ? await db().webhookEndpoint.findUnique({ where: { id: parsed.data }, select: WEBHOOK_SELECT }) : null;
  if (!row) throw notFound("Webhook");
  return webhookJson(row);
}
