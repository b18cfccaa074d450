"use server";

import type { NotificationActionResult } from "@/components/notifications/notification-actions";
import { acknowledgeAlert } from "@/lib/alerts/acknowledge-alert";
import type { Actor } from "@/lib/actor";
import { runAction } from "@/lib/http/run-action";
import { markNotificationsRead } from "@/lib/notifications/mark-read";
import { updateNotificationPreferences } from "@/lib/notifications/preferences";
import { unchecked } from "@/lib/validation/unchecked";

async function run(verb: (actor: Actor) => Promise<unknown>, done: string): Promise<NotificationActionResult> {
  const outcome = await runAction(verb, { done, revalidate: "/notifications" });
  return outcome.ok ? { ok: true, message: outcome.message } : outcome;
}

/** The same lib function (and schema) as POST /api/v1/notifications/read. */
export async function markNotificationsReadAction(input: unknown): Promise<NotificationActionResult> {
  return run((actor) => markNotificationsRead(actor, unchecked(input)), "Marked read.");
}

/** The same lib function (and schema) as PUT /api/v1/me/notification-preferences. */
export async function saveNotificationPreferencesAction(input: unknown): Promise<NotificationActionResult> {
  return run((actor) => updateNotificationPreferences(actor, unchecked(input)), "Preferences saved.");
}

/** The same lib verb as POST /api/v1/alerts/{alertId}/acknowledge: a lead or assignee told of an alert acknowledges it here. */
export async function acknowledgeAlertFromNotificationsAction(alertId: number, input: unknown): Promise<NotificationActionResult> {
  return run((actor) => acknowledgeAlert(actor, String(alertId), unchecked(input)), "Acknowledged.");
}
