import type { PreviewDay } from "@/lib/calendar/week-preview";
import { WEEKDAY_NAMES } from "./calendar-draft";

/** The next seven days in the calendar's time zone: open hours per day, holidays closed with their name. */
export function CalendarWeekPreview({ days, timeZone }: { days: PreviewDay[]; timeZone: string }) {
  return (
    <section aria-labelledby="calendar-preview-heading" className="space-y-2">
      <h2 id="calendar-preview-heading" className="text-xl font-semibold text-slate-900">
        The next seven days
      </h2>
      <p className="text-sm text-slate-700">Open hours of the version in force, from today in {timeZone}.</p>
      <ul className="divide-y divide-slate-100 rounded-md border border-slate-200 bg-white text-sm">
        {days.map((d, i) => (
          <li key={d.date} className="flex flex-wrap gap-x-3 gap-y-0.5 px-3 py-1.5">
            <span className="w-40 shrink-0 font-medium text-slate-800 sm:w-60">
              {WEEKDAY_NAMES[d.weekday - 1]} <span className="tabular-nums text-slate-600">{d.date}</span>
              {i === 0 && <span className="text-slate-600"> (today)</span>}
            </span>
            <span className="min-w-0 wrap-anywhere tabular-nums">
              {d.holiday !== null ? (
                <span className="text-amber-900">Closed: {d.holiday}</span>
              ) : d.open.length ? (
                d.open.map((w) => `${w.opensAt}–${w.closesAt}`).join(", ")
              ) : (
                <span className="text-slate-600">Closed</span>
              )}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
