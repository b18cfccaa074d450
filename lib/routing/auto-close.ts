// Resolved tickets close themselves (issue 15 §5): a RESOLVED ticket the customer has not answered for
// N business days of the support calendar is closed by the sweep. A business day is one opening day's
// hours of business time, so a weekend or a holiday does not count and a ticket resolved on Friday
// afternoon closes the next Friday afternoon (N = 5).
import { subtractBusinessMinutes, type DailyHoursCalendar } from "./business-hours";

/** The admin setting's bounds: 0 turns closing off; more than a quarter's business days is not a default anyone wants. */
export const AUTO_CLOSE_MAX_DAYS = 60;
export const AUTO_CLOSE_DEFAULT_DAYS = 5;

/**
 * The latest resolution (or customer reply) instant whose ticket closes at `now`: `days` business days of
 * the calendar before it; null when closing is off. The support calendar has the same hours on every
 * workday, which is what makes "a business day" one length.
 */
export function autoCloseCutoff(now: Date, days: number, calendar: DailyHoursCalendar): Date | null {
  if (days <= 0) return null;
  const dayMinutes = calendar.closesAtMinute - calendar.opensAtMinute;
  return subtractBusinessMinutes(now, days * dayMinutes, calendar);
}

/** The sentence the decision log and the closing mail share. */
export function autoCloseReason(days: number): string {
  return `Closed automatically: resolved with no reply from the customer for ${days} business day${days === 1 ? "" : "s"}.`;
}
