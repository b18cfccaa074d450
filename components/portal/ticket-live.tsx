"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef } from "react";
import { useLiveRefresh } from "@/components/live/use-live-refresh";

/**
 * The customer's ticket page, kept current: shown again when the ticket changes in a way they may see (a reply, its
 * status, its level), pushed; while live updates are down, it asks every 10 s whether the ticket moved on.
 */
export function PortalTicketLive({ number, version, lastActivityAt }: { number: string; version: number; lastActivityAt: string }) {
  const router = useRouter();
  const shown = useRef({ version, lastActivityAt });
  useEffect(() => {
    shown.current = { version, lastActivityAt };
  }, [version, lastActivityAt]);

  const refresh = useCallback(async () => {
    try {
      const response = await fetch(`/api/v1/tickets/${encodeURIComponent(number)}`, { headers: { Accept: "application/json" }, cache: "no-store" });
      if (!response.ok) return;
      const { ticket } = (await response.json()) as { ticket: { version: number; lastActivityAt: string } };
      if (ticket.version !== shown.current.version || ticket.lastActivityAt !== shown.current.lastActivityAt) router.refresh();
    } catch {
      // Offline for a moment: the next push or round tries again.
    }
  }, [number, router]);

  useLiveRefresh(refresh, { events: ["ticket", "refetch"], accept: (name, data) => name === "refetch" || ("number" in data && data.number === number) });
  return null;
}

/** The customer's list of tickets, shown again when one of them changes (pushed; every 10 s while live updates are down). */
export function PortalTicketsLive() {
  const router = useRouter();
  const refresh = useCallback(() => router.refresh(), [router]);
  useLiveRefresh(refresh, { events: ["ticket", "refetch"], debounceMs: 500 });
  return null;
}
