/** The answer of the notification page's server actions. */
export type NotificationActionResult = { ok: true; message: string } | { ok: false; message: string; fields?: Record<string, string[]> };

export interface NotificationPageActions {
  markRead: (input: { ids: number[] } | { all: true }) => Promise<NotificationActionResult>;
  savePreferences: (input: unknown) => Promise<NotificationActionResult>;
  acknowledge: (alertId: number, input: { note: string }) => Promise<NotificationActionResult>;
}

/** Tells the header's bell that the page changed what is read, so it fetches now rather than at its next poll. */
export const NOTIFICATIONS_CHANGED_EVENT = "tierdesk:notifications-changed";
