import type { Metadata } from "next";
import Link from "next/link";
import { DeleteButton } from "@/components/admin/delete-button";
import { WebhookActiveToggle } from "@/components/admin/webhook-active-toggle";
import { WebhookDeliveryLog } from "@/components/admin/webhook-delivery-log";
import { WebhookForm } from "@/components/admin/webhook-form";
import { WebhookState } from "@/components/admin/webhook-state";
import { requirePageActor } from "@/lib/auth/page-guard";
import { can } from "@/lib/permissions";
import { idCursor } from "@/lib/validation/int4";
import { WEBHOOK_EVENT_LABEL_BY_CODE, WEBHOOK_EVENT_OPTIONS } from "@/lib/webhooks/event-options";
import { getWebhook } from "@/lib/webhooks/get-webhook";
import { listDeliveries } from "@/lib/webhooks/list-deliveries";
import { deleteWebhookAction, redeliverWebhookAction, updateWebhookAction } from "../actions";

export const metadata: Metadata = { title: "Webhook" };

const LOG_PAGE = 50;

export default async function WebhookPage({ params, searchParams }: PageProps<"/admin/webhooks/[webhookId]">) {
  const actor = await requirePageActor(["ADMIN", "MANAGER"]);
  const { webhookId } = await params;
  const cursor = (await searchParams).cursor;
  const webhook = await getWebhook(actor, webhookId);
  const { deliveries, nextCursor } = await listDeliveries(actor, webhook.id, { limit: String(LOG_PAGE), ...(typeof cursor === "string" && idCursor().safeParse(cursor).success ? { cursor } : {}) });
  const canWrite = can(actor, "admin:write");
  return (
    <div className="space-y-4">
      <Link href="/admin/webhooks" className="text-sm text-indigo-800 underline">
        All webhooks
      </Link>
      <h1 className="font-mono text-lg font-semibold text-slate-900 wrap-anywhere sm:text-xl">{webhook.url}</h1>
      {webhook.description && <p className="text-sm text-slate-700 wrap-anywhere">{webhook.description}</p>}
      <div className="flex flex-wrap items-center gap-3">
        <WebhookState webhook={webhook} />
        {canWrite && <WebhookActiveToggle active={webhook.active} onChange={updateWebhookAction.bind(null, webhook.id)} />}
      </div>
      <section className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 className="mb-3 font-semibold text-slate-900">Settings</h2>
        <WebhookForm key={webhook.updatedAt} webhook={webhook} eventOptions={WEBHOOK_EVENT_OPTIONS} canWrite={canWrite} onSave={updateWebhookAction.bind(null, webhook.id)} />
        {canWrite && (
          <div className="mt-3">
            <DeleteButton what="this webhook" consequence="Tierdesk stops sending to it and its delivery log is removed. The audit trail keeps what it was." onDelete={deleteWebhookAction.bind(null, webhook.id)} thenGoTo="/admin/webhooks" />
          </div>
        )}
      </section>
      <section className="space-y-2">
        <h2 className="font-semibold text-slate-900">Deliveries</h2>
        <WebhookDeliveryLog
          deliveries={deliveries}
          eventLabel={WEBHOOK_EVENT_LABEL_BY_CODE}
          canWrite={canWrite}
          nextHref={nextCursor ? `/admin/webhooks/${webhook.id}?cursor=${nextCursor}` : null}
          onRedeliver={redeliverWebhookAction.bind(null, webhook.id)}
        />
      </section>
    </div>
  );
}
