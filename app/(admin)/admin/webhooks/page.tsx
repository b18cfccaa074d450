import type { Metadata } from "next";
import { WebhookList } from "@/components/admin/webhook-list";
import { WebhookRegister } from "@/components/admin/webhook-register";
import { requirePageActor } from "@/lib/auth/page-guard";
import { can } from "@/lib/permissions";
import { WEBHOOK_EVENT_LABEL_BY_CODE, WEBHOOK_EVENT_OPTIONS } from "@/lib/webhooks/event-options";
import { listWebhooks } from "@/lib/webhooks/list-webhooks";
import { createWebhookAction } from "./actions";

export const metadata: Metadata = { title: "Webhooks" };

export default async function WebhooksPage() {
  const actor = await requirePageActor(["ADMIN", "MANAGER"]);
  const webhooks = await listWebhooks(actor);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold text-slate-900">Webhooks</h1>
      <p className="text-sm text-slate-700">
        Tierdesk POSTs the events an endpoint subscribes to, signed as Standard Webhooks, with the ticket as staff see it. A failed delivery is retried for about four
        hours; after 8 events in a row fail for good the endpoint is disabled.
      </p>
      {can(actor, "admin:write") && <WebhookRegister eventOptions={WEBHOOK_EVENT_OPTIONS} onCreate={createWebhookAction} />}
      <WebhookList webhooks={webhooks} eventLabel={WEBHOOK_EVENT_LABEL_BY_CODE} />
    </div>
  );
}
