/** "5 min", "3 h 20 min", "2 d 4 h": a duration for people. */
export function formatDuration(ms: number): string {
  const minutes = Math.round(Math.abs(ms) / 60_000);
  if (minutes < 1) return "less than a minute";
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
  const days = Math.floor(hours / 24);
  return hours % 24 ? `${days} d ${hours % 24} h` : `${days} d`;
}

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
