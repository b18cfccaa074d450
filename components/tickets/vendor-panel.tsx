"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, INPUT_CLASS } from "@/components/ui/field";
import { formatExact } from "@/components/ui/time-format";
import { VENDOR_ENGAGEMENT_END_LABEL } from "@/lib/labels";
import type { VendorEngagementJson } from "@/lib/routing/vendor-engagement-json";
import type { ActionResult } from "./action-result";

const at = (iso: string | null) => (iso ? formatExact(new Date(iso)) : "—");
const met = (value: boolean | null) => (value === null ? null : value ? "met" : "missed");

/**
 * The ticket's engagements with L4 groups: the open one with the vendor's due times and, for its coordinator,
 * the button that records the vendor's response; earlier ones with whether their targets were met.
 */
export function VendorPanel({
  engagements,
  canRecordResponse,
  onRecordResponse,
}: {
  engagements: VendorEngagementJson[];
  canRecordResponse: boolean;
  onRecordResponse: (input: { respondedAt?: string; note?: string }) => Promise<ActionResult>;
}) {
  const [recording, setRecording] = useState(false);
  if (!engagements.length) return null;
  return (
    <section aria-labelledby="vendor-heading" className="min-w-0 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="vendor-heading" className="mb-2 font-semibold">
        L4 vendor targets
      </h2>
      <ul className="space-y-3 text-sm">
        {engagements.map((e) => (
          <li key={e.id} className="min-w-0 space-y-1" data-testid={e.endedAt ? "vendor-engagement-ended" : "vendor-engagement-open"}>
            <p className="[overflow-wrap:anywhere]">
              <span className="font-medium">{e.group.name}</span> · {e.priority}
              {e.endedAt ? <span className="text-slate-700"> · {e.endedAs ? VENDOR_ENGAGEMENT_END_LABEL[e.endedAs] : "ended"}</span> : <span className="text-slate-700"> · working on it</span>}
            </p>
            {e.responseDueAt === null ? (
              <p className="text-slate-700">No target for {e.priority}: nothing is measured.</p>
            ) : (
              <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-slate-700">
                <dt>Handed off</dt>
                <dd>{at(e.startedAt)}</dd>
                <dt>Response due</dt>
                <dd>{at(e.responseDueAt)}</dd>
                <dt>Responded</dt>
                <dd className="[overflow-wrap:anywhere]">
                  {e.respondedAt ? `${at(e.respondedAt)}${e.respondedBy ? ` (recorded by ${e.respondedBy.name})` : ""}${met(e.responseMet) ? `, ${met(e.responseMet)}` : ""}` : "Not yet"}
                </dd>
                <dt>Resolution due</dt>
                <dd>{at(e.resolutionDueAt)}</dd>
                {e.endedAt && (
                  <>
                    <dt>Ended</dt>
                    <dd>
                      {at(e.endedAt)}
                      {met(e.resolutionMet) ? `, ${met(e.resolutionMet)}` : ""}
                    </dd>
                  </>
                )}
                {e.calendar && (
                  <>
                    <dt>Calendar</dt>
                    <dd className="[overflow-wrap:anywhere]">{e.calendar}</dd>
                  </>
                )}
              </dl>
            )}
          </li>
        ))}
      </ul>
      {canRecordResponse &&
        (recording ? (
          <ResponseForm onSubmit={onRecordResponse} onDone={() => setRecording(false)} />
        ) : (
          <Button type="button" variant="secondary" className="mt-3" onClick={() => setRecording(true)}>
            Vendor responded
          </Button>
        ))}
    </section>
  );
}

function ResponseForm({ onSubmit, onDone }: { onSubmit: (input: { respondedAt?: string; note?: string }) => Promise<ActionResult>; onDone: () => void }) {
  const [respondedAt, setRespondedAt] = useState("");
  const [note, setNote] = useState("");
  const [result, setResult] = useState<ActionResult | null>(null);
  const [busy, setBusy] = useState(false);
  const fields = result && !result.ok ? (result.fields ?? {}) : {};

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setBusy(true);
    const answer = await onSubmit({ ...(respondedAt ? { respondedAt: new Date(respondedAt).toISOString() } : {}), ...(note.trim() ? { note } : {}) });
    setBusy(false);
    setResult(answer);
    if (answer.ok) onDone();
  }

  return (
    <form onSubmit={submit} className="mt-3 space-y-3" noValidate aria-label="Record the vendor's response">
      {result && !result.ok && (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {result.message}
        </p>
      )}
      <Field id="vendor-responded-at" label="When they responded" hint="Leave empty for now." errors={fields.respondedAt}>
        {(describedBy, invalid) => (
          <input id="vendor-responded-at" type="datetime-local" value={respondedAt} onChange={(e) => setRespondedAt(e.target.value)} className={INPUT_CLASS} aria-describedby={describedBy} aria-invalid={invalid} />
        )}
      </Field>
      <Field id="vendor-response-note" label="Note (optional)" hint="Their case number, who picked it up." errors={fields.note}>
        {(describedBy, invalid) => (
          <textarea id="vendor-response-note" rows={2} value={note} onChange={(e) => setNote(e.target.value)} className={INPUT_CLASS} aria-describedby={describedBy} aria-invalid={invalid} />
        )}
      </Field>
      <div className="flex gap-2">
        <Button type="submit" disabled={busy}>
          {busy ? "Recording…" : "Record response"}
        </Button>
        <Button type="button" variant="secondary" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
