"use client";

import { useLive } from "./live-provider";

/** A quiet line while pushed updates are not arriving: the page still refreshes itself, by polling. */
export function LiveStatusNotice({ className = "" }: { className?: string }) {
  const { status } = useLive();
  if (status !== "paused" && status !== "ended") return null;
  return (
    <p role="status" data-testid="live-status" className={`text-xs text-slate-600 ${className}`}>
      {status === "paused" ? "Live updates paused — refreshing every 10 s" : "Live updates stopped — sign in again to resume"}
    </p>
  );
}
