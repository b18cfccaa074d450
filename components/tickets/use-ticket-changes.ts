"use client";

import { useRouter } from "next/navigation";
import { useCallback, useState } from "react";
import { useFollowTicket, useLiveEvent } from "@/components/live/live-provider";
import { useLiveRefresh } from "@/components/live/use-live-refresh";

/** A newer version than the page shows, and who made it: null for the system, undefined when only polling saw it. */
export interface TicketChange {
  version: number;
  by: string | null | undefined;
}

/**
 * Follows the ticket open on this page. Someone else's change to a newer version is not applied under the agent's
 * hands (their next save would overwrite it unseen): it is reported, to reload when they choose. What changes no
 * version (an internal note) is shown at once. While live updates are down, the version is polled every 10 s.
 */
export function useTicketChanges(number: string, shownVersion: number): { change: TicketChange | null; reload: () => void } {
  const router = useRouter();
  const [change, setChange] = useState<TicketChange | null>(null);
  useFollowTicket(number);

  const newer = useCallback((next: TicketChange) => setChange((current) => (current && current.version >= next.version ? current : next)), []);

  useLiveEvent("ticket", (data) => {
    if (data.number !== number || data.byMe) return;
    if (data.version > shownVersion) newer({ version: data.version, by: data.by ?? null });
    else router.refresh();
  });

  const check = useCallback(async () => {
    try {
      const response = await fetch(`/api/v1/tickets/${encodeURIComponent(number)}`, { headers: { Accept: "application/json" }, cache: "no-store" });
      if (!response.ok) return;
      const { ticket } = (await response.json()) as { ticket: { version: number } };
      if (ticket.version > shownVersion) newer({ version: ticket.version, by: undefined });
    } catch {
      // Offline for a moment: the next round tries again.
    }
  }, [number, shownVersion, newer]);
  useLiveRefresh(check, { events: ["refetch"] });

  return { change: change && change.version > shownVersion ? change : null, reload: () => router.refresh() };
}
