"use server";

import type { AcknowledgeResult } from "@/components/alerts/acknowledge-alert-form";
import { acknowledgeAlert } from "@/lib/alerts/acknowledge-alert";
import { runAction } from "@/lib/http/run-action";
import { unchecked } from "@/lib/validation/unchecked";

/** Acknowledge an alert from the Open alerts panel; the same lib verb as POST /api/v1/alerts/{alertId}/acknowledge. */
export async function acknowledgeAlertAction(alertId: number, input: unknown): Promise<AcknowledgeResult> {
  const outcome = await runAction((actor) => acknowledgeAlert(actor, String(alertId), unchecked(input)), {
    done: (alert) => `Acknowledged: ${alert.label}, ${alert.ticket.number}.`,
    revalidate: ["/dashboard", "/dashboard/alerts"],
  });
  return outcome.ok ? { ok: true, message: outcome.message } : outcome;
}
