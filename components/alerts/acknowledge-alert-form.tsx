"use client";

import { useId, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";

export type AcknowledgeResult = { ok: true; message: string } | { ok: false; message: string; fields?: Record<string, string[]> };

/** Acknowledge one alert, with an optional note. On success the page re-renders without it. Props only. */
export function AcknowledgeAlertForm({ alertId, what, onAcknowledge }: { alertId: number; what: string; onAcknowledge: (alertId: number, input: { note: string }) => Promise<AcknowledgeResult> }) {
  const [note, setNote] = useState("");
  const [result, setResult] = useState<AcknowledgeResult | null>(null);
  const [pending, startTransition] = useTransition();
  const id = useId();
  const noteError = result && !result.ok ? result.fields?.note?.join(" ") : undefined;

  function submit(event: React.FormEvent) {
    event.preventDefault();
    startTransition(async () => setResult(await onAcknowledge(alertId, { note })));
  }

  return (
    <form onSubmit={submit} noValidate className="flex min-w-0 flex-wrap items-center gap-2" aria-label={`Acknowledge: ${what}`}>
      <label htmlFor={`${id}-note`} className="sr-only">
        Note (optional) for {what}
      </label>
      <input
        id={`${id}-note`}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        maxLength={2000}
        placeholder="Note (optional)"
        aria-invalid={noteError ? true : undefined}
        aria-describedby={result && !result.ok ? `${id}-result` : undefined}
        className="min-w-0 flex-1 basis-40 rounded-md border border-slate-300 px-2 py-1 text-sm"
      />
      <Button type="submit" disabled={pending} className="px-3 py-1">
        {pending ? "Acknowledging…" : "Acknowledge"}
      </Button>
      {result && !result.ok && (
        <p id={`${id}-result`} role="alert" className="w-full text-sm text-red-800">
          {result.message}
        </p>
      )}
    </form>
  );
}
