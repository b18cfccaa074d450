"use client";

import { Button } from "@/components/ui/button";
import type { HolidayRow } from "./calendar-draft";

const INPUT = "rounded-md border border-slate-300 bg-white px-2 py-1 text-sm aria-[invalid=true]:border-red-600";

/** Holidays: a single day (no "to"), or a range from–to, each with a name. */
export function CalendarHolidaysFields({
  holidays,
  onChange,
  fields,
  readOnly,
}: {
  holidays: HolidayRow[];
  onChange: (holidays: HolidayRow[]) => void;
  fields: Record<string, string[]>;
  readOnly: boolean;
}) {
  const set = (index: number, key: keyof HolidayRow, value: string) => onChange(holidays.map((h, i) => (i === index ? { ...h, [key]: value } : h)));
  return (
    <fieldset className="min-w-0 space-y-2">
      <legend className="text-sm font-medium text-slate-800">Holidays</legend>
      {!readOnly && <p className="text-xs text-slate-600">Closed all day. Leave “to” empty for a single day.</p>}
      {fields.holidays && <p className="text-sm text-red-700">{fields.holidays.join(" ")}</p>}
      {holidays.length === 0 && <p className="text-sm text-slate-600">No holidays.</p>}
      {holidays.map((h, i) => {
        const n = i + 1;
        const errors = [...(fields[`holidays.${i}.from`] ?? []), ...(fields[`holidays.${i}.to`] ?? []), ...(fields[`holidays.${i}.name`] ?? [])];
        const errorId = errors.length ? `holiday-${i}-error` : undefined;
        return (
          <div key={i} role="group" aria-label={`Holiday ${n}`} className="flex flex-wrap items-end gap-2 rounded-md border border-slate-200 p-2">
            <label className="text-xs text-slate-700">
              From
              <input type="date" aria-label={`Holiday ${n} from`} value={h.from} onChange={(e) => set(i, "from", e.target.value)} className={`${INPUT} block`} aria-invalid={Boolean(fields[`holidays.${i}.from`])} aria-describedby={errorId} />
            </label>
            <label className="text-xs text-slate-700">
              To
              <input type="date" aria-label={`Holiday ${n} to`} value={h.to} min={h.from || undefined} onChange={(e) => set(i, "to", e.target.value)} className={`${INPUT} block`} aria-invalid={Boolean(fields[`holidays.${i}.to`])} aria-describedby={errorId} />
            </label>
            <label className="min-w-40 flex-1 text-xs text-slate-700">
              Name
              <input aria-label={`Holiday ${n} name`} value={h.name} maxLength={100} onChange={(e) => set(i, "name", e.target.value)} className={`${INPUT} block w-full`} aria-invalid={Boolean(fields[`holidays.${i}.name`])} aria-describedby={errorId} />
            </label>
            {!readOnly && (
              <Button type="button" variant="ghost" className="px-2 py-1" onClick={() => onChange(holidays.filter((_, j) => j !== i))}>
                Remove<span className="sr-only"> holiday {n}</span>
              </Button>
            )}
            {errorId && (
              <p id={errorId} className="w-full text-sm text-red-700">
                {errors.join(" ")}
              </p>
            )}
          </div>
        );
      })}
      {!readOnly && (
        <Button type="button" variant="secondary" className="px-2 py-1" onClick={() => onChange([...holidays, { from: "", to: "", name: "" }])}>
          Add a holiday
        </Button>
      )}
    </fieldset>
  );
}
