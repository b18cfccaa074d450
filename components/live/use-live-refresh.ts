"use client";

import { useEffect, useRef } from "react";
import { DEFAULT_REFETCH_PACE, RefetchScheduler } from "@/lib/live/refetch-pace";
import type { LiveEventData, LiveEventName } from "./live-events";
import { useLive } from "./live-provider";

/** How often a page polls while the stream is down (as the queue and the bell always did). */
export const FALLBACK_POLL_MS = 10_000;

export interface LiveRefreshOptions {
  /** The pushed events that call for a refresh. */
  events: LiveEventName[];
  /** Which of them concern this page (default: all). */
  accept?: (name: LiveEventName, data: LiveEventData[LiveEventName]) => boolean;
  /** Events that come together (an escalation and its assignment) make one refresh. */
  debounceMs?: number;
}

/**
 * Keeps something on the page fresh: `refresh` runs when a pushed event concerns it, on `RefetchScheduler`'s pace
 * (a lone change at once, a stream of them less often the slower the server answers; in a hidden tab: once it is
 * shown again), once each time the stream (re)opens (to catch up on what came before it did), and every 10 s while
 * the tab is visible and the stream is not open: polling is the fallback, never the rule.
 */
export function useLiveRefresh(refresh: () => unknown, { events, accept, debounceMs = DEFAULT_REFETCH_PACE.debounceMs }: LiveRefreshOptions): void {
  const { status, subscribe } = useLive();
  const latest = useRef({ refresh, accept });
  useEffect(() => {
    latest.current = { refresh, accept };
  }, [refresh, accept]);

  // A hidden tab fetches nothing: it remembers, and catches up when it is shown again.
  const stale = useRef(false);
  const scheduler = useRef<RefetchScheduler | null>(null);
  useEffect(() => {
    const paced = new RefetchScheduler(
      () => {
        if (document.visibilityState === "visible") return latest.current.refresh();
        stale.current = true;
      },
      { now: () => performance.now(), setTimer: (run, ms) => setTimeout(run, ms), clearTimer: (timer) => clearTimeout(timer) },
      { ...DEFAULT_REFETCH_PACE, debounceMs },
    );
    scheduler.current = paced;
    const shown = () => {
      if (document.visibilityState !== "visible" || !stale.current) return;
      stale.current = false;
      void latest.current.refresh();
    };
    document.addEventListener("visibilitychange", shown);
    return () => {
      document.removeEventListener("visibilitychange", shown);
      paced.stop();
    };
  }, [debounceMs]);

  const eventsKey = events.join(",");
  useEffect(() => {
    const unsubscribe = eventsKey
      .split(",")
      .map((name) =>
        subscribe(name as LiveEventName, (data) => {
          if (latest.current.accept?.(name as LiveEventName, data) ?? true) scheduler.current?.changed();
        }),
      );
    return () => unsubscribe.forEach((stop) => stop());
  }, [subscribe, eventsKey]);

  const wasOpen = useRef(false);
  useEffect(() => {
    if (status === "open") {
      if (!wasOpen.current) scheduler.current?.changed();
      wasOpen.current = true;
      return;
    }
    wasOpen.current = false;
    let timer: ReturnType<typeof setTimeout>;
    const poll = () => {
      if (document.visibilityState === "visible") void latest.current.refresh();
      timer = setTimeout(poll, FALLBACK_POLL_MS);
    };
    timer = setTimeout(poll, FALLBACK_POLL_MS);
    return () => clearTimeout(timer);
  }, [status]);
}
