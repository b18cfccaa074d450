import type { TicketStatus } from "@/lib/db/generated/enums";

// Made once per zone: toLocaleDateString with options builds a new formatter on every call, which cost an
// intake more than classifying the ticket did.
const formatters = new Map<string, { time: Intl.DateTimeFormat; dayTime: Intl.DateTimeFormat; weekdayTime: Intl.DateTimeFormat; isoDay: Intl.DateTimeFormat }>();

function formattersFor(timeZone: string) {
  let f = formatters.get(timeZone);
  if (!f) {
    const clock = { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone, timeZoneName: "short" } as const;
    f = {
      time: new Intl.DateTimeFormat("en-GB", clock),
      dayTime: new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", ...clock }),
      weekdayTime: new Intl.DateTimeFormat("en-GB", { weekday: "short", day: "numeric", month: "short", ...clock }),
      isoDay: new Intl.DateTimeFormat("en-CA", { year: "numeric", month: "2-digit", day: "2-digit", timeZone }),
    };
    formatters.set(timeZone, f);
  }
  return f;
}

/**
 * "14:30 UTC" (today) or "Tue 1 Dec, 14:30 UTC", in `timeZone` with the zone named: the server renders UTC,
 * the customer's browser its own zone (components/ui/zoned-time.tsx).
 */
function promiseMoment(at: Date, now: Date, timeZone: string): string {
  const f = formattersFor(timeZone);
  return f.isoDay.format(at) === f.isoDay.format(now) ? f.time.format(at) : f.weekdayTime.format(at);
}

/** The promised update time has passed without an update (the sweep flags it for L1 and, later, managers). */
export function isUpdateLate(nextUpdateAt: string | null, now: Date): boolean {
  return nextUpdateAt !== null && new Date(nextUpdateAt).getTime() <= now.getTime();
}

/**
 * "We will update you by 14:30 UTC" (today) or "… by Wed 2 Dec, 09:05 UTC"; once that time has passed
 * without an update the page says so instead of repeating a broken promise.
 */
export function updatePromise(nextUpdateAt: string | null, now: Date, timeZone = "UTC"): string | null {
  if (!nextUpdateAt) return null;
  const when = promiseMoment(new Date(nextUpdateAt), now, timeZone);
  return isUpdateLate(nextUpdateAt, now) ? `Our update was due by ${when}: it is late, and support has been told` : `We will update you by ${when}`;
}

/** The list card's "Next update:" line: by when, late since when, or why none is due. */
export function nextUpdateShort(status: TicketStatus, nextUpdateAt: string | null, now: Date, timeZone = "UTC"): string {
  if (nextUpdateAt) return `${isUpdateLate(nextUpdateAt, now) ? "late, was due by" : "by"} ${promiseMoment(new Date(nextUpdateAt), now, timeZone)}`;
  if (status === "PENDING_CUSTOMER") return "after your reply";
  return "none due";
}

/** "27 Nov, 17:45 UTC": a moment, compact enough for a phone. */
export function formatMoment(iso: string, timeZone = "UTC"): string {
  return formattersFor(timeZone).dayTime.format(new Date(iso));
}
