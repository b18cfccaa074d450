"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, INPUT_CLASS } from "@/components/ui/field";
import type { WebhookJson } from "@/lib/webhooks/webhook-json";
import type { ActionOutcome } from "@/lib/http/run-action";

export interface WebhookEventOption {
  /** The wire name, e.g. "ticket.created". */
  code: string;
  label: string;
}

interface WebhookFormValue {
  url: string;
  description: string;
  events: string[];
}

const BLANK: WebhookFormValue = { url: "", description: "", events: [] };

/** An endpoint's URL, description and events (checkboxes). Without `webhook` it registers a new one. */
export function WebhookForm<T>({
  webhook,
  eventOptions,
  canWrite,
  onSave,
  onSaved,
}: {
  webhook?: WebhookJson;
  eventOptions: WebhookEventOption[];
  canWrite: boolean;
  onSave: (input: WebhookFormValue) => Promise<ActionOutcome<T>>;
  onSaved?: (data: T) => void;
}) {
  const creating = !webhook;
  const [value, setValue] = useState<WebhookFormValue>(webhook ? { url: webhook.url, description: webhook.description, events: webhook.events } : BLANK);
  const [result, setResult] = useState<ActionOutcome<T> | null>(null);
  const [busy, setBusy] = useState(false);
  const fields = result && !result.ok ? (result.fields ?? {}) : {};
  const id = (f: string) => `webhook-${webhook?.id ?? "new"}-${f}`;
  const eventErrors = Object.entries(fields).flatMap(([key, messages]) => (key === "events" || key.startsWith("events.") ? messages : []));

  function toggle(code: string, on: boolean) {
    setValue({ ...value, events: on ? [...value.events, code] : value.events.filter((e) => e !== code) });
  }

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setBusy(true);
    const outcome = await onSave(value);
    setBusy(false);
    setResult(outcome);
    if (outcome.ok) {
      if (creating) setValue(BLANK);
      onSaved?.(outcome.data);
    }
  }

  return (
    <form onSubmit={submit} noValidate aria-label={creating ? "Register a webhook" : "Webhook settings"} className="min-w-0 space-y-3">
      {result && (
        <p role={result.ok ? "status" : "alert"} className={`text-sm wrap-anywhere ${result.ok ? "text-green-900" : "text-red-800"}`}>
          {result.message}
        </p>
      )}
      <fieldset disabled={!canWrite} className="min-w-0 space-y-3">
        <Field id={id("url")} label="URL" hint="Where Tierdesk POSTs each event (http or https, a public address)." errors={fields.url}>
          {(d, inv) => (
            <input id={id("url")} type="url" inputMode="url" value={value.url} onChange={(e) => setValue({ ...value, url: e.target.value })} placeholder="https://hooks.example.com/tierdesk" className={INPUT_CLASS} aria-describedby={d} aria-invalid={inv} />
          )}
        </Field>
        <Field id={id("description")} label="Description (optional)" errors={fields.description}>
          {(d, inv) => <input id={id("description")} value={value.description} onChange={(e) => setValue({ ...value, description: e.target.value })} className={INPUT_CLASS} aria-describedby={d} aria-invalid={inv} />}
        </Field>
        <fieldset className="min-w-0" aria-describedby={eventErrors.length ? id("events-error") : undefined}>
          <legend className="text-sm font-medium text-slate-800">Events</legend>
          <ul className="mt-1 grid gap-x-4 gap-y-1 sm:grid-cols-2">
            {eventOptions.map((option) => (
              <li key={option.code}>
                <label className="flex min-w-0 items-baseline gap-2 text-sm text-slate-900">
                  <input type="checkbox" checked={value.events.includes(option.code)} onChange={(e) => toggle(option.code, e.target.checked)} />
                  <span>
                    {option.label} <code className="text-xs text-slate-600">{option.code}</code>
                  </span>
                </label>
              </li>
            ))}
          </ul>
          {eventErrors.length > 0 && (
            <p id={id("events-error")} className="text-sm text-red-700">
              {[...new Set(eventErrors)].join(" ")}
            </p>
          )}
        </fieldset>
      </fieldset>
      {canWrite && (
        <Button type="submit" variant={creating ? "primary" : "secondary"} disabled={busy}>
          {creating ? "Register webhook" : "Save webhook"}
        </Button>
      )}
    </form>
  );
}
