"use client";

import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, INPUT_CLASS } from "@/components/ui/field";
import type { WhatIfProgress, WhatIfResult } from "@/lib/admin/run-what-if";
import type { Impact, Priority, Urgency } from "@/lib/db/generated/enums";
import type { PriorityMatrixInput } from "@/lib/validation/routing";
import type { ActionOutcome } from "@/lib/http/run-action";
import { MatrixGridEditor, type CellValue } from "./matrix-grid-editor";
import { SlaTargetsEditor, type TargetValue } from "./sla-targets-editor";
import { streamWhatIf } from "./stream-what-if";
import { WhatIfPanel } from "./what-if-panel";

interface CurrentMatrix {
  version: number;
  cells: CellValue[];
  targets: TargetValue[];
}

/** Field errors with the what-if's "draft." prefix taken off, so both actions mark the same inputs. */
const draftFields = (fields: Record<string, string[]> | undefined) =>
  Object.fromEntries(Object.entries(fields ?? {}).map(([k, v]) => [k.replace(/^draft\./, ""), v]));

/**
 * Draft a matrix change, replay a period against it, then publish it as a new version. After publishing,
 * the page passes the new `current` version in; the draft (now equal to it) and the message stay.
 */
export function MatrixEditor({
  current,
  canPublish,
  defaultPeriod,
  onPublish,
}: {
  current: CurrentMatrix;
  canPublish: boolean;
  defaultPeriod: { from: string; to: string };
  onPublish: (input: unknown) => Promise<ActionOutcome<{ version: number }>>;
}) {
  const [cells, setCells] = useState(current.cells);
  const [targets, setTargets] = useState(current.targets);
  const [note, setNote] = useState("");
  const [period, setPeriod] = useState(defaultPeriod);
  const [whatIf, setWhatIf] = useState<WhatIfResult | null>(null);
  const [outcome, setOutcome] = useState<ActionOutcome<unknown> | null>(null);
  const [busy, setBusy] = useState<"what-if" | "publish" | null>(null);
  const [progress, setProgress] = useState<WhatIfProgress | null>(null);
  const running = useRef<AbortController | null>(null);
  const fields = outcome && !outcome.ok ? draftFields(outcome.fields) : {};

  const draft = (): PriorityMatrixInput => ({ version: current.version, note: note || undefined, cells, targets });
  const setCell = (impact: Impact, urgency: Urgency, priority: Priority) =>
    setCells((all) => all.map((c) => (c.impact === impact && c.urgency === urgency ? { ...c, priority } : c)));

  async function runWhatIf() {
    setBusy("what-if");
    setProgress(null);
    const controller = new AbortController();
    running.current = controller;
    const result = await streamWhatIf({ ...period, draft: draft() }, controller.signal, setProgress);
    running.current = null;
    setOutcome(result.ok ? null : result);
    setWhatIf(result.ok ? result.data : null);
    setProgress(null);
    setBusy(null);
  }

  async function publish() {
    setBusy("publish");
    const result = await onPublish(draft());
    setOutcome(result);
    // The page re-renders with the new current version; the draft now equals it.
    if (result.ok) {
      setNote("");
      setWhatIf(null);
    }
    setBusy(null);
  }

  const otherErrors = Object.entries(fields).filter(([k]) => !/^targets\.\d+\./.test(k) && k !== "from" && k !== "to");
  return (
    <section aria-labelledby="draft-heading" className="space-y-6 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="draft-heading" className="text-xl font-semibold text-slate-900">
        Draft from version {current.version}
      </h2>
      {outcome && (
        <div role={outcome.ok ? "status" : "alert"} className={`rounded-md border px-3 py-2 text-sm ${outcome.ok ? "border-green-200 bg-green-50 text-green-900" : "border-red-200 bg-red-50 text-red-800"}`}>
          <p>{outcome.message}</p>
          {otherErrors.length > 0 && (
            <ul className="list-disc pl-5">
              {otherErrors.map(([k, v]) => (
                <li key={k}>
                  {k}: {v.join(" ")}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      <MatrixGridEditor cells={cells} currentCells={current.cells} readOnly={!canPublish} onChange={setCell} />
      <SlaTargetsEditor targets={targets} readOnly={!canPublish} fieldErrors={fields} onChange={(i, t) => setTargets((all) => all.map((x, j) => (j === i ? t : x)))} />

      <fieldset className="min-w-0 space-y-3 rounded-md border border-slate-200 p-3">
        <legend className="px-1 text-sm font-medium text-slate-800">What-if</legend>
        <p className="text-sm text-slate-700">
          Replays every ticket opened in the period on the current version and on this draft: classification, every clock with its pauses, tier budgets and the automatic
          escalations they cause, update cadence. What people did stays as recorded. Nothing is saved.
        </p>
        <div className="flex flex-wrap items-end gap-3">
          <Field id="what-if-from" label="From" errors={fields.from}>
            {(describedBy, invalid) => (
              <input id="what-if-from" type="date" value={period.from} onChange={(e) => setPeriod({ ...period, from: e.target.value })} className={INPUT_CLASS} aria-describedby={describedBy} aria-invalid={invalid} />
            )}
          </Field>
          <Field id="what-if-to" label="To" errors={fields.to}>
            {(describedBy, invalid) => (
              <input id="what-if-to" type="date" value={period.to} onChange={(e) => setPeriod({ ...period, to: e.target.value })} className={INPUT_CLASS} aria-describedby={describedBy} aria-invalid={invalid} />
            )}
          </Field>
          <Button type="button" variant="secondary" onClick={runWhatIf} disabled={busy !== null}>
            {busy === "what-if" ? "Replaying…" : "Run what-if"}
          </Button>
          {busy === "what-if" && (
            <Button type="button" variant="secondary" onClick={() => running.current?.abort()}>
              Cancel
            </Button>
          )}
        </div>
        {busy === "what-if" && (
          <div className="space-y-1" role="status">
            <progress className="w-full max-w-xl" max={progress?.total || 1} value={progress?.done ?? 0} aria-label="What-if progress" />
            <p className="text-sm text-slate-700">
              {progress ? `${progress.done.toLocaleString("en")} of ${progress.total.toLocaleString("en")} tickets replayed` : "Starting the replay…"}
            </p>
          </div>
        )}
        {whatIf && <WhatIfPanel result={whatIf} />}
      </fieldset>

      {canPublish && (
        <div className="flex flex-wrap items-end gap-3">
          <div className="w-full min-w-0 flex-1 sm:w-auto sm:min-w-80">
            <Field id="matrix-note" label="Note for this version" hint="Why it changes; shown in the version history." errors={fields.note}>
              {(describedBy, invalid) => (
                <input id="matrix-note" value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} className={INPUT_CLASS} aria-describedby={describedBy} aria-invalid={invalid} />
              )}
            </Field>
          </div>
          <Button type="button" onClick={publish} disabled={busy !== null}>
            {busy === "publish" ? "Publishing…" : "Publish new version"}
          </Button>
        </div>
      )}
    </section>
  );
}
