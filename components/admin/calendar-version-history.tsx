import type { CalendarVersionView } from "@/lib/admin/calendar-view";
import { holidayDates, publishedAtLabel, windowsByDay } from "./calendar-labels";

/** Every published version, newest first: when, by whom, why; each one's hours and holidays behind a <details>. */
export function CalendarVersionHistory({ versions }: { versions: CalendarVersionView[] }) {
  return (
    <section aria-labelledby="calendar-history-heading" className="space-y-3">
      <h2 id="calendar-history-heading" className="text-xl font-semibold text-slate-900">
        Version history
      </h2>
      <ol className="space-y-2">
        {versions.map((v, index) => (
          <li key={v.version} className="rounded-md border border-slate-200 bg-white">
            <details>
              <summary className="cursor-pointer px-3 py-2 text-sm wrap-anywhere">
                <strong>Version {v.version}</strong>
                {index === 0 && " (in force)"} — published {publishedAtLabel(v.publishedAt)} by {v.publishedBy ?? "the system"}
                {v.note && ` — “${v.note}”`}
              </summary>
              <div className="grid gap-4 px-3 pb-3 text-sm sm:grid-cols-2">
                <div className="min-w-0">
                  <h3 className="font-medium text-slate-800">Opening windows ({v.timeZone})</h3>
                  <dl className="mt-1 space-y-0.5">
                    {windowsByDay(v.windows).map(({ day, hours }) => (
                      <div key={day} className="flex flex-wrap gap-x-2">
                        <dt className="w-24 text-slate-700">{day}</dt>
                        <dd className="tabular-nums">{hours}</dd>
                      </div>
                    ))}
                  </dl>
                </div>
                <div className="min-w-0">
                  <h3 className="font-medium text-slate-800">Holidays</h3>
                  {v.holidays.length === 0 ? (
                    <p className="mt-1 text-slate-600">None.</p>
                  ) : (
                    <ul className="mt-1 space-y-0.5">
                      {v.holidays.map((h) => (
                        <li key={`${h.from}-${h.to}-${h.name}`} className="wrap-anywhere">
                          <span className="tabular-nums">{holidayDates(h)}</span> {h.name}
                        </li>
                      ))}
                    </ul>
                  )}
                </div>
              </div>
            </details>
          </li>
        ))}
      </ol>
    </section>
  );
}
