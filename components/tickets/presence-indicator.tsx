"use client";

import { useEffect, useRef, useState } from "react";
import { useLiveEvent } from "@/components/live/live-provider";

const HEARTBEAT_MS = 10_000;

/** Tells the server this ticket is open here, every 10 s, and shows who else has it open: at once when someone arrives (pushed). */
export function PresenceIndicator({ ticketNumber }: { ticketNumber: string }) {
  const [viewers, setViewers] = useState<{ userId: string; name: string }[]>([]);
  const lookNow = useRef<() => void>(() => {});
  useEffect(() => {
    let stopped = false;
    /** POST records this tab's heartbeat; GET (on a push) only asks who is there. */
    async function viewers(method: "POST" | "GET") {
      try {
        const response = await fetch(`/api/v1/tickets/${encodeURIComponent(ticketNumber)}/presence`, { method });
        if (!response.ok || stopped) return;
        const body = (await response.json()) as { viewers: { userId: string; name: string }[] };
        if (!stopped) setViewers(body.viewers);
      } catch {
        // Offline for a moment: the next beat tries again.
      }
    }
    lookNow.current = () => void viewers("GET");
    void viewers("POST");
    const timer = setInterval(() => void viewers("POST"), HEARTBEAT_MS);
    return () => {
      stopped = true;
      lookNow.current = () => {};
      clearInterval(timer);
    };
  }, [ticketNumber]);

  useLiveEvent("presence", (data) => {
    if (data.number === ticketNumber) lookNow.current();
  });

  return (
    <p role="status" aria-live="polite" className="min-h-5 text-sm" data-testid="presence">
      {viewers.length > 0 && (
        <span className="rounded bg-violet-100 px-2 py-0.5 font-medium text-violet-900">Also viewing: {viewers.map((v) => v.name).join(", ")}</span>
      )}
    </p>
  );
}
