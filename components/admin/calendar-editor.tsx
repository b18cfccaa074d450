"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, INPUT_CLASS } from "@/components/ui/field";
import type { SupportCalendarInput } from "@/lib/validation/support-calendar";
import type { ActionOutcome } from "@/lib/http/run-action";

const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

/** Time zone, opening hours on workdays, and holidays. */
export function CalendarEditor({ initial, canWrite, onSave }: { initial: SupportCalendarInput; canWrite: boolean; onSave: (input: unknown) => Promise<ActionOutcome<void>> }) {
  const [calendar, setCalendar] = useState(initial);
  const [result, setResult] = useState<ActionOutcome<void> | null>(null);
  const [busy, setBusy] = useState(false);
  const fields = result && !result.ok ? (result.fields ?? {}) : {};
  const toggleDay = (day: number) =>
    setCalendar((c) => ({ ...c, workdays: c.workdays.includes(day) ? c.workdays.filter((d) => d !== day) : [...c.workdays, day].sort() }));
  const setHoliday = (index: number, key: "date" | "name", value: string) =>
    setCalendar((c) => ({ ...c, holidays: c.holidays.map((h, i) => (i === index ? { ...h, [key]: value } : h)) }));

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setBusy(true);
    setResult(await onSave(calendar));
    setBusy(false);
  }

  return (
    <form onSubmit={submit} noValidate aria-label="Support calendar" className="space-y-4 rounded-lg border border-slate-200 bg-white p-4">
      {result && (
        <p role={result.ok ? "status" : "alert"} className={`rounded-md border px-3 py-2 text-sm ${result.ok ? "border-green-200 bg-green-50 text-green-900" : "border-red-200 bg-red-50 text-red-800"}`}>
          {result.message}
        </p>
      )}
      <fieldset disabled={!canWrite} className="min-w-0 space-y-4">
        <div className="grid gap-3 sm:grid-cols-3">
          <Field id="calendar-zone" label="Time zone" hint="IANA name, e.g. UTC or Europe/Berlin." errors={fields.timeZone}>
            {(d, inv) => <input id="calendar-zone" value={calendar.timeZone} onChange={(e) => setCalendar({ ...calendar, timeZone: e.target.value })} className={INPUT_CLASS} aria-describedby={d} aria-invalid={inv} />}
          </Field>
          <Field id="calendar-opens" label="Opens at" errors={fields.opensAt}>
            {(d, inv) => <input id="calendar-opens" type="time" value={calendar.opensAt} onChange={(e) => setCalendar({ ...calendar, opensAt: e.target.value })} className={INPUT_CLASS} aria-describedby={d} aria-invalid={inv} />}
          </Field>
          <Field id="calendar-closes" label="Closes at" errors={fields.closesAt}>
            {(d, inv) => <input id="calendar-closes" type="time" value={calendar.closesAt} onChange={(e) => setCalendar({ ...calendar, closesAt: e.target.value })} className={INPUT_CLASS} aria-describedby={d} aria-invalid={inv} />}
          </Field>
        </div>
        <Field
          id="calendar-auto-close"
          label="Close resolved tickets after (business days)"
          hint="A resolved ticket the customer has not answered for this many business days closes by itself, with a mail that says so. 0 turns it off."
          errors={fields.autoCloseBusinessDays}
        >
          {(d, inv) => (
            <input
              id="calendar-auto-close"
              type="number"
              inputMode="numeric"
              min={0}
              max={60}
              value={Number.isNaN(calendar.autoCloseBusinessDays) ? "" : calendar.autoCloseBusinessDays}
              onChange={(e) => setCalendar({ ...calendar, autoCloseBusinessDays: e.target.valueAsNumber })}
              className={`${INPUT_CLASS} sm:w-32`}
              aria-describedby={d}
              aria-invalid={inv}
            />
          )}
        </Field>
        <fieldset>
          <legend className="text-sm font-medium text-slate-800">Workdays</legend>
          <div className="mt-1 flex flex-wrap gap-3 text-sm">
            {WEEKDAYS.map((name, i) => (
              <label key={name} className="inline-flex items-center gap-1">
                <input type="checkbox" checked={calendar.workdays.includes(i + 1)} onChange={() => toggleDay(i + 1)} />
                {name}
              </label>
            ))}
          </div>
          {fields.workdays && <p className="text-sm text-red-700">{fields.workdays.join(" ")}</p>}
        </fieldset>
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium text-slate-800">Holidays</legend>
          {fields.holidays && <p className="text-sm text-red-700">{fields.holidays.join(" ")}</p>}
          {calendar.holidays.map((h, i) => (
            <div key={i} className="flex flex-wrap items-start gap-2">
              <label className="sr-only" htmlFor={`holiday-${i}-date`}>
                Holiday {i + 1} date
              </label>
              <input id={`holiday-${i}-date`} type="date" value={h.date} onChange={(e) => setHoliday(i, "date", e.target.value)} className="rounded-md border border-slate-300 px-2 py-1 text-sm" aria-invalid={Boolean(fields[`holidays.${i}.date`])} />
              <label className="sr-only" htmlFor={`holiday-${i}-name`}>
                Holiday {i + 1} name
              </label>
              <input id={`holiday-${i}-name`} value={h.name} onChange={(e) => setHoliday(i, "name", e.target.value)} className="rounded-md border border-slate-300 px-2 py-1 text-sm" aria-invalid={Boolean(fields[`holidays.${i}.name`])} />
              <Button type="button" variant="ghost" className="px-2 py-1" onClick={() => setCalendar({ ...calendar, holidays: calendar.holidays.filter((_, j) => j !== i) })}>
                Remove holiday {i + 1}
              </Button>
              {(fields[`holidays.${i}.date`] ?? fields[`holidays.${i}.name`]) && (
                <p className="w-full text-sm text-red-700">{[...(fields[`holidays.${i}.date`] ?? []), ...(fields[`holidays.${i}.name`] ?? [])].join(" ")}</p>
              )}
            </div>
          ))}
          <Button type="button" variant="secondary" onClick={() => setCalendar({ ...calendar, holidays: [...calendar.holidays, { date: "", name: "" }] })}>
            Add a holiday
          </Button>
        </fieldset>
      </fieldset>
      {canWrite && (
        <Button type="submit" disabled={busy}>
          {busy ? "Saving…" : "Save calendar"}
        </Button>
      )}
    </form>
  );
}
