"use server";

import { revalidatePath } from "next/cache";
import type { NotificationActionResult } from "@/components/notifications/notification-actions";
import { acknowledgeAlert } from "@/lib/alerts/acknowledge-alert";
import { getActor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { markNotificationsRead } from "@/lib/notifications/mark-read";
import { updateNotificationPreferences } from "@/lib/notifications/preferences";

/** Runs one lib verb as the signed-in actor; an AppError becomes the message the page shows, with its fields. */
async function run(verb: (actor: NonNullable<Awaited<ReturnType<typeof getActor>>>) => Promise<unknown>, done: string): Promise<NotificationActionResult> {
  const actor = await getActor();
  if (!actor) return { ok: false, message: "Your session has ended. Sign in again." };
  try {
    await verb(actor);
    revalidatePath("/notifications");
    return { ok: true, message: done };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, message: error.message, fields: error.fields };
    console.error(error);
    return { ok: false, message: "Something went wrong on our side. Try again." };
  }
}

/** The same lib function (and schema) as POST /api/v1/notifications/read. */
export async function markNotificationsReadAction(input: unknown): Promise<NotificationActionResult> {
  return run((actor) => markNotificationsRead(actor, input), "Marked read.");
}

/** The same lib function (and schema) as PUT /api/v1/me/notification-preferences. */
export async function saveNotificationPreferencesAction(input: unknown): Promise<NotificationActionResult> {
  return run((actor) => updateNotificationPreferences(actor, input), "Preferences saved.");
}

/** The same lib verb as POST /api/v1/alerts/{alertId}/acknowledge: a lead or assignee told of an alert acknowledges it here. */
export async function acknowledgeAlertFromNotificationsAction(alertId: number, input: unknown): Promise<NotificationActionResult> {
  return run((actor) => acknowledgeAlert(actor, String(alertId), input), "Acknowledged.");
}
