// Resolved tickets close themselves (issue 15 §5): a RESOLVED ticket the customer has not answered for
// N business days of the support calendar is closed by the sweep. A business day is one opening day's
// hours of business time, so a weekend or a holiday does not count and a ticket resolved on Friday
// afternoon closes the next Friday afternoon (N = 5). Where opening days differ in length (a short
// Saturday), a business day is their mean: the week's open minutes over its opening days.
import { subtractBusinessMinutes, type CalendarData } from "@/lib/calendar/business-hours";
import { normalCalendar } from "@/lib/calendar/calendar-windows";

/** The admin setting's bounds: 0 turns closing off; more than a quarter's business days is not a default anyone wants. */
export const AUTO_CLOSE_MAX_DAYS = 60;
export const AUTO_CLOSE_DEFAULT_DAYS = 5;

/** The minutes of one business day: the week's open minutes over its opening days. */
export function businessDayMinutes(calendar: CalendarData): number {
  const openDays = normalCalendar(calendar).week.map((w) => w.reduce((sum, m, k) => sum + (k % 2 ? m : -m), 0)).filter((m) => m > 0);
  return openDays.reduce((sum, m) => sum + m, 0) / openDays.length;
}

/**
 * The latest resolution (or customer reply) instant whose ticket closes at `now`: `days` business days of
 * the calendar before it; null when closing is off.
 */
export function autoCloseCutoff(now: Date, days: number, calendar: CalendarData): Date | null {
  if (days <= 0) return null;
  return subtractBusinessMinutes(now, days * businessDayMinutes(calendar), calendar);
}

/** The sentence the decision log and the closing mail share. */
export function autoCloseReason(days: number): string {
  return `Closed automatically: resolved with no reply from the customer for ${days} business day${days === 1 ? "" : "s"}.`;
}
