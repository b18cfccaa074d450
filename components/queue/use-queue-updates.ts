"use client";

import { useCallback, useEffect, useRef } from "react";
import { useLiveRefresh } from "@/components/live/use-live-refresh";
import type { QueuePage } from "@/lib/tickets/find-queue";

/**
 * Fetches `url` again whenever a ticket enters, leaves or changes in the person's queues (pushed), and every 10 s
 * while live updates are down, and hands each fresh page to `onPage`.
 */
export function useQueueUpdates(url: string, onPage: (page: QueuePage) => void): void {
  const latest = useRef(onPage);
  useEffect(() => {
    latest.current = onPage;
  }, [onPage]);

  const fetchPage = useCallback(async () => {
    try {
      const response = await fetch(url, { headers: { Accept: "application/json" }, cache: "no-store" });
      if (response.ok) latest.current((await response.json()) as QueuePage);
    } catch {
      // Offline for a moment: the next push or round tries again.
    }
  }, [url]);

  useLiveRefresh(fetchPage, { events: ["queue", "refetch"] });
}
