import type { TicketEventType, Tier } from "@/lib/db/generated/enums";

/** What GET /api/v1/stream sends (lib/live/deliver.ts), as the browser reads it. */
export interface LiveEventData {
  queue: { number: string; tier: Tier | null };
  /** Staff get who and what; customers only the number and version. */
  ticket: { number: string; version: number; type?: TicketEventType; by?: string | null; byMe?: boolean };
  notification: { id: number };
  presence: { number: string };
  /** Something may have been missed: fetch what the page shows afresh. */
  refetch: { reason: string };
}

export type LiveEventName = keyof LiveEventData;
export const LIVE_EVENT_NAMES: LiveEventName[] = ["queue", "ticket", "notification", "presence", "refetch"];

/**
 * connecting: the first connection is being made; open: updates arrive as they happen; paused: the stream is down
 * (pages poll every 10 s meanwhile, and say so); ended: the session ended (signed out elsewhere, deactivated, a new
 * secret), no more updates until the next sign-in.
 */
export type LiveStatus = "connecting" | "open" | "paused" | "ended";

/** The stream URL for the ticket open in this tab (if any), resuming after the last event seen. */
export function streamUrl(ticket: string | null, lastEventId: string | null): string {
  const params = new URLSearchParams();
  if (ticket) params.set("ticket", ticket);
  if (lastEventId) params.set("lastEventId", lastEventId);
  return `/api/v1/stream${params.size ? `?${params}` : ""}`;
}

/** How long to wait before opening a stream again after the server refused one: 5 s, doubling to a minute. */
export function reopenDelayMs(failures: number): number {
  return Math.min(60_000, 5_000 * 2 ** Math.max(0, failures - 1));
}
