import { formatMilliseconds } from "@/lib/format/duration";

/** "5 min", "3 h 20 min", "2 d 4 h": a duration for people (lib/format/duration.ts). */
export const formatDuration = formatMilliseconds;

/** "3 h ago", "in 25 min", "just now". */
export function formatRelative(at: Date, now: Date): string {
  const ms = at.getTime() - now.getTime();
  if (Math.abs(ms) < 60_000) return "just now";
  return ms > 0 ? `in ${formatDuration(ms)}` : `${formatDuration(ms)} ago`;
}

const exactFormatters = new Map<string, Intl.DateTimeFormat>();

/** "Mon, 30 Nov 2026, 09:15:00 UTC": exact and unambiguous, for titles and tooltips; in `timeZone` (named) when given. */
export function formatExact(at: Date, timeZone = "UTC"): string {
  let f = exactFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-GB", { weekday: "short", day: "2-digit", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23", timeZone, timeZoneName: "short" });
    exactFormatters.set(timeZone, f);
  }
  return f.format(at);
}
