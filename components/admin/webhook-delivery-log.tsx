"use client";

import Link from "next/link";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ZonedTime } from "@/components/ui/zoned-time";
import type { WebhookDeliveryStatus } from "@/lib/db/generated/enums";
import { WEBHOOK_DELIVERY_STATUS_LABEL } from "@/lib/labels";
import type { WebhookDeliveryJson } from "@/lib/webhooks/webhook-json";
import type { ActionOutcome } from "@/lib/http/run-action";

const STATUS_TONE: Record<WebhookDeliveryStatus, "amber" | "green" | "red"> = { PENDING: "amber", SUCCEEDED: "green", FAILED: "red" };

/** An endpoint's deliveries, newest first: status, event, ticket, answer, duration, attempts, last error, time; Redeliver on failed ones. */
export function WebhookDeliveryLog({
  deliveries,
  eventLabel,
  canWrite,
  nextHref,
  onRedeliver,
}: {
  deliveries: WebhookDeliveryJson[];
  eventLabel: Record<string, string>;
  canWrite: boolean;
  nextHref: string | null;
  onRedeliver: (deliveryId: number) => Promise<ActionOutcome<unknown>>;
}) {
  const [message, setMessage] = useState<ActionOutcome<unknown> | null>(null);
  const [busy, setBusy] = useState<number | null>(null);

  async function redeliver(id: number) {
    setBusy(id);
    setMessage(await onRedeliver(id));
    setBusy(null);
  }

  if (!deliveries.length) return <p className="text-sm text-slate-700">No deliveries yet: they appear here when a subscribed event happens.</p>;
  return (
    <div className="space-y-3">
      {message && (
        <p role={message.ok ? "status" : "alert"} className={`text-sm ${message.ok ? "text-green-900" : "text-red-800"}`}>
          {message.message}
        </p>
      )}
      <ul aria-label="Deliveries" className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
        {deliveries.map((d) => (
          <li key={d.id} data-delivery={d.webhookId} className="space-y-1 px-4 py-2 text-sm">
            <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
              <Badge tone={STATUS_TONE[d.status]}>{WEBHOOK_DELIVERY_STATUS_LABEL[d.status]}</Badge>
              <span className="font-medium text-slate-900">{eventLabel[d.event] ?? d.event}</span>
              {d.ticket && (
                <Link href={`/queue/tickets/${d.ticket}`} className="font-mono text-indigo-800 underline">
                  {d.ticket}
                </Link>
              )}
              <span className="text-slate-700 tabular-nums">{d.responseCode === null ? "no answer" : `HTTP ${d.responseCode}`}</span>
              {d.durationMs !== null && <span className="text-slate-700 tabular-nums">{d.durationMs.toLocaleString("en")} ms</span>}
              <span className="text-slate-700 tabular-nums">
                {d.attempts} {d.attempts === 1 ? "attempt" : "attempts"}
              </span>
              <ZonedTime kind="moment" at={d.deliveredAt ?? d.createdAt} className="text-slate-700" />
              {canWrite && d.status === "FAILED" && (
                <Button type="button" variant="secondary" className="ml-auto" disabled={busy === d.id} onClick={() => redeliver(d.id)}>
                  Redeliver
                </Button>
              )}
            </div>
            <p className="font-mono text-xs text-slate-600 wrap-anywhere">{d.webhookId}</p>
            {d.lastError && <p className="text-red-800 wrap-anywhere">Last error: {d.lastError}</p>}
          </li>
        ))}
      </ul>
      {nextHref && (
        <Link href={nextHref} className="text-sm text-indigo-800 underline">
          Older deliveries
        </Link>
      )}
    </div>
  );
}
