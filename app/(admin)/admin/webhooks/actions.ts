"use server";

import { runAction } from "@/lib/http/run-action";
import { createWebhook } from "@/lib/webhooks/create-webhook";
import { deleteWebhook } from "@/lib/webhooks/delete-webhook";
import { redeliverWebhook } from "@/lib/webhooks/redeliver-webhook";
import { updateWebhook } from "@/lib/webhooks/update-webhook";
import { unchecked } from "@/lib/validation/unchecked";

const PAGE = "/admin/webhooks";

export async function createWebhookAction(input: unknown) {
  return runAction(
    async (actor) => {
      const { webhook, secret } = await createWebhook(actor, unchecked(input));
      return { id: webhook.id, url: webhook.url, secret };
    },
    { done: "Webhook registered.", revalidate: PAGE },
  );
}

export async function updateWebhookAction(id: string, input: unknown) {
  return runAction(async (actor) => (await updateWebhook(actor, id, unchecked(input))).id, { done: "Webhook saved.", revalidate: `${PAGE}/${id}` });
}

export async function deleteWebhookAction(id: string) {
  return runAction((actor) => deleteWebhook(actor, id), { done: "Webhook deleted.", revalidate: PAGE });
}

export async function redeliverWebhookAction(id: string, deliveryId: number) {
  return runAction(async (actor) => (await redeliverWebhook(actor, id, deliveryId)).id, { done: "Sent back to the queue: it goes out within seconds.", revalidate: `${PAGE}/${id}` });
}
