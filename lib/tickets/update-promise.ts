import type { TicketStatus } from "@/lib/db/generated/enums";

// Made once: toLocaleDateString with options builds a new formatter on every call, which cost an intake
// more than classifying the ticket did.
const WEEKDAY_DAY_MONTH = new Intl.DateTimeFormat("en-GB", { weekday: "short", day: "numeric", month: "short", timeZone: "UTC" });
const DAY_MONTH = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });

/** "14:30 UTC": the time of day, as every promise and moment shows it. */
const utcTime = (at: Date) => `${String(at.getUTCHours()).padStart(2, "0")}:${String(at.getUTCMinutes()).padStart(2, "0")} UTC`;

/** "14:30 UTC" (today) or "Tue 1 Dec, 14:30 UTC": promises are kept in UTC. */
function promiseMoment(at: Date, now: Date): string {
  const time = utcTime(at);
  const sameDay = at.toISOString().slice(0, 10) === now.toISOString().slice(0, 10);
  return sameDay ? time : `${WEEKDAY_DAY_MONTH.format(at)}, ${time}`;
}

/** The promised update time has passed without an update (the sweep flags it for L1 and, later, managers). */
export function isUpdateLate(nextUpdateAt: string | null, now: Date): boolean {
  return nextUpdateAt !== null && new Date(nextUpdateAt).getTime() <= now.getTime();
}

/**
 * "We will update you by 14:30 UTC" (today) or "… by Wed 2 Dec, 09:05 UTC"; once that time has passed
 * without an update the page says so instead of repeating a broken promise.
 */
export function updatePromise(nextUpdateAt: string | null, now: Date): string | null {
  if (!nextUpdateAt) return null;
  const when = promiseMoment(new Date(nextUpdateAt), now);
  return isUpdateLate(nextUpdateAt, now) ? `Our update was due by ${when}: it is late, and support has been told` : `We will update you by ${when}`;
}

/** The list card's "Next update:" line: by when, late since when, or why none is due. */
export function nextUpdateShort(status: TicketStatus, nextUpdateAt: string | null, now: Date): string {
  if (nextUpdateAt) return `${isUpdateLate(nextUpdateAt, now) ? "late, was due by" : "by"} ${promiseMoment(new Date(nextUpdateAt), now)}`;
  if (status === "PENDING_CUSTOMER") return "after your reply";
  return "none due";
}

/** "27 Nov, 17:45 UTC": a moment, compact enough for a phone. */
export function formatMoment(iso: string): string {
  const at = new Date(iso);
  const day = DAY_MONTH.format(at);
  return `${day}, ${utcTime(at)}`;
}
