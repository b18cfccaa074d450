/** "We will update you by 14:30 UTC" (today) or "… by Tue 1 Dec, 14:30 UTC"; the promise is kept in UTC. */
export function updatePromise(nextUpdateAt: string | null, now: Date): string | null {
  if (!nextUpdateAt) return null;
  const at = new Date(nextUpdateAt);
  const time = `${String(at.getUTCHours()).padStart(2, "0")}:${String(at.getUTCMinutes()).padStart(2, "0")} UTC`;
  const sameDay = at.toISOString().slice(0, 10) === now.toISOString().slice(0, 10);
  const day = at.toLocaleDateString("en-GB", { weekday: "short", day: "numeric", month: "short", timeZone: "UTC" });
  return `We will update you by ${sameDay ? time : `${day}, ${time}`}`;
}

/** "27 Nov, 17:45 UTC": a moment, compact enough for a phone. */
export function formatMoment(iso: string): string {
  const at = new Date(iso);
  const day = at.toLocaleDateString("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });
  return `${day}, ${String(at.getUTCHours()).padStart(2, "0")}:${String(at.getUTCMinutes()).padStart(2, "0")} UTC`;
}
