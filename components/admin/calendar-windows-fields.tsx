"use client";

import { Button } from "@/components/ui/button";
import { flatIndex, WEEKDAY_NAMES, windowProblems, type WindowRow } from "./calendar-draft";

const TIME_CLASS = "w-20 rounded-md border border-slate-300 bg-white px-2 py-1 text-sm tabular-nums aria-[invalid=true]:border-red-600";

/** Opening windows per weekday: several rows a day, each opens–closes as HH:MM; errors beside the day and the row. */
export function CalendarWindowsFields({
  days,
  onChange,
  fields,
  readOnly,
}: {
  days: WindowRow[][];
  onChange: (days: WindowRow[][]) => void;
  fields: Record<string, string[]>;
  readOnly: boolean;
}) {
  const problems = windowProblems(fields.windows);
  const setRow = (day: number, row: number, key: keyof WindowRow, value: string) =>
    onChange(days.map((rows, d) => (d === day ? rows.map((r, i) => (i === row ? { ...r, [key]: value } : r)) : rows)));
  const addRow = (day: number) => {
    const last = days[day]!.at(-1);
    onChange(days.map((rows, d) => (d === day ? [...rows, last ? { opensAt: last.closesAt, closesAt: "" } : { opensAt: "09:00", closesAt: "17:00" }] : rows)));
  };
  const removeRow = (day: number, row: number) => onChange(days.map((rows, d) => (d === day ? rows.filter((_, i) => i !== row) : rows)));
  const copyMonday = () => onChange(days.map((rows, d) => (d >= 1 && d <= 4 ? days[0]!.map((r) => ({ ...r })) : rows)));

  return (
    <fieldset className="min-w-0 space-y-2">
      <legend className="text-sm font-medium text-slate-800">Opening windows</legend>
      {!readOnly && <p className="text-xs text-slate-600">Local time, HH:MM; a day open to midnight closes at 24:00. Windows of one day may not overlap.</p>}
      {problems.byDay.get(-1) && (
        <p id="calendar-windows-error" className="text-sm text-red-700">
          {problems.byDay.get(-1)!.join(" ")}
        </p>
      )}
      <div className="divide-y divide-slate-100 rounded-md border border-slate-200">
        {days.map((rows, day) => {
          const dayName = WEEKDAY_NAMES[day]!;
          const dayErrors = problems.byDay.get(day);
          return (
            <div key={dayName} role="group" aria-label={dayName} className="flex flex-col gap-2 p-2 sm:flex-row sm:items-start">
              <span className="w-28 shrink-0 pt-1 text-sm font-medium text-slate-800">{dayName}</span>
              <div className="min-w-0 flex-1 space-y-1">
                {rows.length === 0 && <p className="pt-1 text-sm text-slate-600">Closed</p>}
                {rows.map((r, row) => {
                  const index = flatIndex(days, day, row);
                  const label = `${dayName} window ${row + 1}`;
                  const opensErrors = fields[`windows.${index}.opensAt`];
                  const closesErrors = fields[`windows.${index}.closesAt`];
                  const rowErrors = [...(opensErrors ?? []), ...(closesErrors ?? [])];
                  const errorId = rowErrors.length ? `window-${day}-${row}-error` : undefined;
                  const overlaps = problems.rows.has(index);
                  return (
                    <div key={row} className="flex flex-wrap items-center gap-2">
                      <input aria-label={`${label} opens at`} value={r.opensAt} placeholder="HH:MM" inputMode="numeric" maxLength={5} onChange={(e) => setRow(day, row, "opensAt", e.target.value)} className={TIME_CLASS} aria-invalid={Boolean(opensErrors) || overlaps} aria-describedby={errorId} />
                      <span aria-hidden="true">–</span>
                      <input aria-label={`${label} closes at`} value={r.closesAt} placeholder="HH:MM" inputMode="numeric" maxLength={5} onChange={(e) => setRow(day, row, "closesAt", e.target.value)} className={TIME_CLASS} aria-invalid={Boolean(closesErrors) || overlaps} aria-describedby={errorId} />
                      {!readOnly && (
                        <Button type="button" variant="ghost" className="px-2 py-1" onClick={() => removeRow(day, row)}>
                          Remove<span className="sr-only"> {label}</span>
                        </Button>
                      )}
                      {errorId && (
                        <p id={errorId} className="w-full text-sm text-red-700">
                          {rowErrors.join(" ")}
                        </p>
                      )}
                    </div>
                  );
                })}
                {dayErrors && <p className="text-sm text-red-700">{dayErrors.join(" ")}</p>}
                {!readOnly && (
                  <div className="flex flex-wrap gap-2">
                    <Button type="button" variant="secondary" className="px-2 py-1" onClick={() => addRow(day)}>
                      Add a window<span className="sr-only"> on {dayName}</span>
                    </Button>
                    {day === 0 && (
                      <Button type="button" variant="secondary" className="px-2 py-1" onClick={copyMonday}>
                        Copy to Tuesday–Friday
                      </Button>
                    )}
                  </div>
                )}
              </div>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
