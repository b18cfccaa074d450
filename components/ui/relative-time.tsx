"use client";

import { formatExact, formatRelative } from "./time-format";
import { useNow } from "./use-now";
import { useBrowserTimeZone } from "./zoned-time";

/** A time shown relative ("3 h ago"), with the exact time on hover (in the reader's zone once hydrated) and for machines. */
export function RelativeTime({ at, serverNow }: { at: string; serverNow: string }) {
  const now = useNow(serverNow);
  const zone = useBrowserTimeZone();
  const date = new Date(at);
  return (
    <time dateTime={at} title={formatExact(date, zone)} className="whitespace-nowrap">
      {formatRelative(date, now)}
    </time>
  );
}
