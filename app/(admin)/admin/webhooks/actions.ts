"use server";

import { runAdminAction } from "@/lib/admin/run-admin-action";
import { createWebhook } from "@/lib/webhooks/create-webhook";
import { deleteWebhook } from "@/lib/webhooks/delete-webhook";
import { redeliverWebhook } from "@/lib/webhooks/redeliver-webhook";
import { updateWebhook } from "@/lib/webhooks/update-webhook";

const PAGE = "/admin/webhooks";

export async function createWebhookAction(input: unknown) {
  return runAdminAction(
    async (actor) => {
      const { webhook, secret } = await createWebhook(actor, input);
      return { id: webhook.id, url: webhook.url, secret };
    },
    "Webhook registered.",
    PAGE,
  );
}

export async function updateWebhookAction(id: string, input: unknown) {
  return runAdminAction(async (actor) => (await updateWebhook(actor, id, input)).id, "Webhook saved.", `${PAGE}/${id}`);
}

export async function deleteWebhookAction(id: string) {
  return runAdminAction((actor) => deleteWebhook(actor, id), "Webhook deleted.", PAGE);
}

export async function redeliverWebhookAction(id: string, deliveryId: number) {
  return runAdminAction(async (actor) => (await redeliverWebhook(actor, id, deliveryId)).id, "Sent back to the queue: it goes out within seconds.", `${PAGE}/${id}`);
}
