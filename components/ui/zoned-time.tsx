"use client";

import { useSyncExternalStore } from "react";
import type { TicketStatus } from "@/lib/db/generated/enums";
import { formatMoment, nextUpdateShort, updatePromise } from "@/lib/tickets/core/update-promise";

const noSubscription = () => () => {};
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;
const serverZone = () => "UTC";

/**
 * The browser's time zone; "UTC" on the server and while hydrating, so the first client render matches
 * the server's HTML, then React re-renders in the reader's zone.
 */
export function useBrowserTimeZone(): string {
  return useSyncExternalStore(noSubscription, browserZone, serverZone);
}

type ZonedText =
  | { kind: "moment"; at: string }
  | { kind: "promise"; at: string; now: string }
  | { kind: "next-update"; at: string | null; now: string; status: TicketStatus };

/** A time (or a sentence around one) in the reader's own time zone, the zone named; the exact instant in dateTime. */
export function ZonedTime(props: ZonedText & { className?: string }) {
  const zone = useBrowserTimeZone();
  const text =
    props.kind === "moment"
      ? formatMoment(props.at, zone)
      : props.kind === "promise"
        ? updatePromise(props.at, new Date(props.now), zone)
        : nextUpdateShort(props.status, props.at, new Date(props.now), zone);
  if (!props.at) return <span className={props.className}>{text}</span>;
  return (
    <time dateTime={props.at} className={props.className}>
      {text}
    </time>
  );
}
