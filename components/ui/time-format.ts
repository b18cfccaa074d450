import { formatMilliseconds } from "@/lib/format/duration";

/** "5 min", "3 h 20 min", "2 d 4 h": a duration for people (lib/format/duration.ts). */
export const formatDuration = formatMilliseconds;

/** "3 h ago", "in 25 min", "just now". */
export function formatRelative(at: Date, now: Date): string {
  const ms = at.getTime() - now.getTime();
  if (Math.abs(ms) < 60_000) return "just now";
  return ms > 0 ? `in ${formatDuration(ms)}` : `${formatDuration(ms)} ago`;
}

/** "Mon, 30 Nov 2026, 09:15:00 UTC": exact and unambiguous, for titles and tooltips. */
export function formatExact(at: Date): string {
  return `${at.toUTCString().replace(/ GMT$/, "").replace(/ (\d\d:\d\d:\d\d)$/, ", $1")} UTC`;
}
