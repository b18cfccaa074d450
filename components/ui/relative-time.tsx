"use client";

import { formatExact, formatRelative } from "./time-format";
import { useNow } from "./use-now";

/** A time shown relative ("3 h ago"), with the exact time on hover and for machines. */
export function RelativeTime({ at, serverNow }: { at: string; serverNow: string }) {
  const now = useNow(serverNow);
  const date = new Date(at);
  return (
    <time dateTime={at} title={formatExact(date)} className="whitespace-nowrap">
      {formatRelative(date, now)}
    </time>
  );
}
