import type { Actor } from "@/lib/actor";
import { requireAdminRead } from "@/lib/admin/authorize";
import { db } from "@/lib/db/client";
import { WEBHOOK_SELECT, webhookJson, type WebhookJson } from "./webhook-json";

/** Every webhook endpoint, oldest first (admins and managers). */
export async function listWebhooks(actor: Actor): Promise<WebhookJson[]> {
  requireAdminRead(actor);
  const rows = await db().webhookEndpoint.findMany({ orderBy: [{ createdAt: "asc" }, { id: "asc" }], take: 500, select: WEBHOOK_SELECT });
  return rows.map(webhookJson);
}
