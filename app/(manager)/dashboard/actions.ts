"use server";

import { revalidatePath } from "next/cache";
import type { AcknowledgeResult } from "@/components/alerts/acknowledge-alert-form";
import { acknowledgeAlert } from "@/lib/alerts/acknowledge-alert";
import { getActor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";

/** Acknowledge an alert from the Open alerts panel; the same lib verb as POST /api/v1/alerts/{alertId}/acknowledge. */
export async function acknowledgeAlertAction(alertId: number, input: unknown): Promise<AcknowledgeResult> {
  const actor = await getActor();
  if (!actor) return { ok: false, message: "Your session has ended. Sign in again." };
  try {
    const alert = await acknowledgeAlert(actor, String(alertId), input);
    revalidatePath("/dashboard");
    revalidatePath("/dashboard/alerts");
    return { ok: true, message: `Acknowledged: ${alert.label}, ${alert.ticket.number}.` };
  } catch (error) {
    if (!(error instanceof AppError)) {
      console.error(error);
      return { ok: false, message: "Something went wrong on our side. Try again." };
    }
    return { ok: false, message: error.message, fields: error.fields };
  }
}
