import { WEEKDAY_NAMES } from "./calendar-draft";

/** "2026-12-03 21:15 UTC". */
export const publishedAtLabel = (iso: string) => `${new Date(iso).toISOString().replace("T", " ").slice(0, 16)} UTC`;

/** "Mon 08:00–12:00, 13:00–17:00" per weekday with hours, in order; closed days left out. */
export function windowsByDay(windows: { weekday: number; opensAt: string; closesAt: string }[]): { day: string; hours: string }[] {
  return WEEKDAY_NAMES.flatMap((day, i) => {
    const hours = windows
      .filter((w) => w.weekday === i + 1)
      .sort((a, b) => a.opensAt.localeCompare(b.opensAt))
      .map((w) => `${w.opensAt}–${w.closesAt}`);
    return hours.length ? [{ day, hours: hours.join(", ") }] : [];
  });
}

/** "2026-12-24" or "2026-12-24 – 2026-12-26". */
export const holidayDates = (h: { from: string; to: string }) => (h.to && h.to !== h.from ? `${h.from} – ${h.to}` : h.from);
