// What a calendar's week looks like from a given moment: for each of the next days (in the calendar's own
// time zone) its open intervals, or the holiday that closes it. Pure, for the admin page's preview.

import { localDateOf } from "@/lib/calendar/business-hours";
import { DAY_MS, normalCalendar, openMinutesOn, type CalendarData } from "@/lib/calendar/calendar-windows";

export interface PreviewDay {
  /** The local date, "YYYY-MM-DD". */
  date: string;
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** Open intervals as "HH:MM" (a day open to midnight closes at "24:00"), in order; none when closed. */
  open: { opensAt: string; closesAt: string }[];
  /** The name of the holiday that closes the day (a holiday without a name: "Holiday"); null on an ordinary day. */
  holiday: string | null;
}

const pad = (n: number) => String(n).padStart(2, "0");
const hhmm = (minute: number) => `${pad(Math.floor(minute / 60))}:${pad(minute % 60)}`;
const isoOfDay = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

/**
 * The `days` days starting with today in the calendar's time zone (today being the local date at `now`):
 * each day's open intervals, holidays shown closed with their name. The calendar must pass validation.
 */
export function weekPreview(calendar: CalendarData, now: Date, days = 7): PreviewDay[] {
  const normal = normalCalendar(calendar);
  const { year, month, day } = localDateOf(now.getTime(), calendar.timeZone);
  const today = Date.UTC(year, month - 1, day) / DAY_MS;
  return Array.from({ length: days }, (_, i) => {
    const d = today + i;
    const date = isoOfDay(d);
    const holiday = holidayOn(calendar, date);
    const minutes = holiday === null ? openMinutesOn(normal, d) : [];
    const open: PreviewDay["open"] = [];
    for (let k = 0; k + 1 < minutes.length; k += 2) open.push({ opensAt: hhmm(minutes[k]!), closesAt: hhmm(minutes[k + 1]!) });
    return { date, weekday: ((((d + 3) % 7) + 7) % 7) + 1, open, holiday };
  });
}

/** The first holiday (day or range) that covers `date`, by name; ISO dates compare as strings. */
function holidayOn(calendar: CalendarData, date: string): string | null {
  for (const h of calendar.holidays) {
    const [from, to, name] = typeof h === "string" ? [h, h, undefined] : [h.from, h.to, h.name];
    if (from <= date && date <= to) return name?.trim() || "Holiday";
  }
  return null;
}
