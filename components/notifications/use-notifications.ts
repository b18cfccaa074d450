"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { useLiveRefresh } from "@/components/live/use-live-refresh";
import type { NotificationPage } from "@/lib/notifications/list-notifications";
import { NOTIFICATIONS_CHANGED_EVENT } from "./notification-actions";

const LIST_URL = "/api/v1/notifications?limit=20";

export interface BellState {
  page: NotificationPage | null;
  /** When the page was read, by the browser's clock: the times count from it. */
  readAt: string;
  refresh: () => Promise<void>;
  markRead: (body: { ids: number[] } | { all: true }) => Promise<void>;
}

/**
 * The person's newest notifications and unread count, kept fresh without a reload: fetched on mount, when a new
 * one is pushed (every 10 s while live updates are down), and when the window regains focus, the tab becomes
 * visible again or /notifications marks some read.
 */
export function useNotifications(): BellState {
  const [page, setPage] = useState<NotificationPage | null>(null);
  const [readAt, setReadAt] = useState(() => new Date(0).toISOString());
  const stopped = useRef(false);

  const refresh = useCallback(async () => {
    try {
      const response = await fetch(LIST_URL, { headers: { Accept: "application/json" }, cache: "no-store" });
      if (response.ok && !stopped.current) {
        setPage((await response.json()) as NotificationPage);
        setReadAt(new Date().toISOString());
      }
    } catch {
      // Offline for a moment: the next round tries again.
    }
  }, []);

  const markRead = useCallback(
    async (body: { ids: number[] } | { all: true }) => {
      // Marked at once on screen; the answer (or the next poll) brings the server's count.
      const now = new Date().toISOString();
      setPage((current) =>
        current && {
          ...current,
          items: current.items.map((n) => (n.readAt === null && ("all" in body || body.ids.includes(n.id)) ? { ...n, readAt: now } : n)),
          unreadCount: "all" in body ? 0 : Math.max(0, current.unreadCount - current.items.filter((n) => n.readAt === null && body.ids.includes(n.id)).length),
        },
      );
      try {
        // keepalive: following a notification leaves the page; the request still completes.
        await fetch("/api/v1/notifications/read", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body), keepalive: true });
      } catch {
        // The next poll shows what the server has.
      }
    },
    [],
  );

  useLiveRefresh(refresh, { events: ["notification", "refetch"] });

  useEffect(() => {
    stopped.current = false;
    const now = () => {
      if (document.visibilityState === "visible") void refresh();
    };
    now();
    window.addEventListener("focus", now);
    window.addEventListener(NOTIFICATIONS_CHANGED_EVENT, now);
    document.addEventListener("visibilitychange", now);
    return () => {
      stopped.current = true;
      window.removeEventListener("focus", now);
      window.removeEventListener(NOTIFICATIONS_CHANGED_EVENT, now);
      document.removeEventListener("visibilitychange", now);
    };
  }, [refresh]);

  return { page, readAt, refresh, markRead };
}
