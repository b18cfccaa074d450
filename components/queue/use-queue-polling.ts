"use client";

import { useEffect, useRef } from "react";
import type { QueuePage } from "@/lib/tickets/find-queue";

export const QUEUE_POLL_MS = 10_000;

/** Fetches `url` every 10 s while the tab is visible and hands each fresh page to `onPage`. */
export function useQueuePolling(url: string, onPage: (page: QueuePage) => void): void {
  const latest = useRef(onPage);
  useEffect(() => {
    latest.current = onPage;
  }, [onPage]);

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      if (document.visibilityState === "visible") {
        try {
          const response = await fetch(url, { headers: { Accept: "application/json" }, cache: "no-store" });
          if (response.ok && !stopped) latest.current((await response.json()) as QueuePage);
        } catch {
          // Offline for a moment: the next round tries again.
        }
      }
      if (!stopped) timer = setTimeout(poll, QUEUE_POLL_MS);
    };
    timer = setTimeout(poll, QUEUE_POLL_MS);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [url]);
}
