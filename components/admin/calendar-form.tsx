"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, INPUT_CLASS } from "@/components/ui/field";
import type { ActionOutcome } from "@/lib/http/run-action";
import { inputOf, slugOf, type CalendarDraft } from "./calendar-draft";
import { CalendarHolidaysFields } from "./calendar-holidays-fields";
import { CalendarWindowsFields } from "./calendar-windows-fields";

type Props = {
  initial: CalendarDraft;
  timeZones: string[];
  /** Managers and the built-in 24×7 see the hours without a way to change them. */
  readOnly: boolean;
} & (
  | { mode: "create"; onSave: (input: unknown) => Promise<ActionOutcome<string>> }
  | { mode: "publish"; nextVersion: number; onSave: (input: unknown) => Promise<ActionOutcome<number>> }
);

/** A calendar's name, time zone, opening windows per weekday, holidays and a version note; saving creates it or publishes its next version. */
export function CalendarForm(props: Props) {
  const { initial, timeZones, readOnly, mode } = props;
  const router = useRouter();
  const [draft, setDraft] = useState(initial);
  const [slugTouched, setSlugTouched] = useState(false);
  const [result, setResult] = useState<ActionOutcome<unknown> | null>(null);
  const [busy, setBusy] = useState(false);
  const fields = result && !result.ok ? (result.fields ?? {}) : {};

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setBusy(true);
    const input = inputOf(draft, mode === "create");
    if (props.mode === "create") {
      const answer = await props.onSave(input);
      if (answer.ok) return router.push(`/admin/calendars/${answer.data}`);
      setResult(answer);
    } else {
      const answer = await props.onSave(input);
      setResult(answer.ok ? { ...answer, message: `Published version ${answer.data}.` } : answer);
      if (answer.ok) setDraft((d) => ({ ...d, note: "" }));
    }
    setBusy(false);
  }

  return (
    <form onSubmit={submit} noValidate aria-label={mode === "create" ? "New calendar" : "Calendar hours"} className="min-w-0 space-y-4 rounded-lg border border-slate-200 bg-white p-4">
      {result && (
        <p role={result.ok ? "status" : "alert"} className={`rounded-md border px-3 py-2 text-sm wrap-anywhere ${result.ok ? "border-green-200 bg-green-50 text-green-900" : "border-red-200 bg-red-50 text-red-800"}`}>
          {result.message}
        </p>
      )}
      <fieldset disabled={readOnly} className="min-w-0 space-y-4">
        <div className="grid gap-3 sm:grid-cols-2">
          <Field id="calendar-name" label="Name" errors={fields.name}>
            {(d, inv) => (
              <input
                id="calendar-name"
                value={draft.name}
                maxLength={100}
                onChange={(e) => setDraft({ ...draft, name: e.target.value, ...(mode === "create" && !slugTouched ? { slug: slugOf(e.target.value) } : {}) })}
                className={INPUT_CLASS}
                aria-describedby={d}
                aria-invalid={inv}
              />
            )}
          </Field>
          {mode === "create" && (
            <Field id="calendar-slug" label="Slug" hint="Lower-case letters, digits and hyphens; it cannot change later." errors={fields.slug}>
              {(d, inv) => (
                <input id="calendar-slug" value={draft.slug} maxLength={40} onChange={(e) => (setSlugTouched(true), setDraft({ ...draft, slug: e.target.value }))} className={INPUT_CLASS} aria-describedby={d} aria-invalid={inv} />
              )}
            </Field>
          )}
          <Field id="calendar-zone" label="Time zone" hint={readOnly ? undefined : "IANA name, e.g. UTC or Europe/Berlin."} errors={fields.timeZone}>
            {(d, inv) => (
              <>
                <input id="calendar-zone" list="calendar-zones" value={draft.timeZone} maxLength={64} onChange={(e) => setDraft({ ...draft, timeZone: e.target.value })} className={INPUT_CLASS} aria-describedby={d} aria-invalid={inv} />
                <datalist id="calendar-zones">
                  {timeZones.map((zone) => (
                    <option key={zone} value={zone} />
                  ))}
                </datalist>
              </>
            )}
          </Field>
        </div>
        <CalendarWindowsFields days={draft.days} onChange={(days) => setDraft({ ...draft, days })} fields={fields} readOnly={readOnly} />
        <CalendarHolidaysFields holidays={draft.holidays} onChange={(holidays) => setDraft({ ...draft, holidays })} fields={fields} readOnly={readOnly} />
        {!readOnly && (
          <Field id="calendar-note" label="Version note" hint="Why this version: shown in the version history." errors={fields.note}>
            {(d, inv) => <input id="calendar-note" value={draft.note} maxLength={200} onChange={(e) => setDraft({ ...draft, note: e.target.value })} className={INPUT_CLASS} aria-describedby={d} aria-invalid={inv} />}
          </Field>
        )}
      </fieldset>
      {!readOnly && (
        <Button type="submit" disabled={busy}>
          {busy ? "Saving…" : mode === "create" ? "Create calendar" : `Publish version ${props.nextVersion}`}
        </Button>
      )}
    </form>
  );
}
