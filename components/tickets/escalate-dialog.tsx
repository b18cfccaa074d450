"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, INPUT_CLASS } from "@/components/ui/field";
import type { Tier } from "@/lib/db/generated/enums";
import type { GroupOption } from "@/lib/tickets/ticket-workspace";
import type { ActionResult } from "./action-result";
import { L4_KIND_LABEL } from "@/lib/labels";

export interface EscalateInput {
  reason: string;
  summary: string;
  sopOverride?: string;
  toGroup?: string;
  externalReference?: string;
}

/** What each kind of L4 group is, under the picker. */
const L4_KIND_HINT = "Vendor: an outside supplier's support, on their own clock. Internal engineering: our architecture or engineering team.";

/**
 * Reason, summary (pre-filled from the ticked SOP steps and notes), and for L4 the group (vendors and internal
 * engineering apart) and its reference. From L1, the required SOP steps still open are listed, with the
 * override reason field (the server refuses the escalation without one). The server adds the saved ticks.
 */
export function EscalateDialog({
  open,
  toTier,
  summaryDraft,
  openRequiredSteps,
  l4Groups,
  onSubmit,
  onClose,
}: {
  open: boolean;
  toTier: Tier | null;
  summaryDraft: string;
  openRequiredSteps: string[];
  l4Groups: GroupOption[];
  onSubmit: (input: EscalateInput) => Promise<ActionResult>;
  onClose: () => void;
}) {
  return (
    <Dialog open={open} title={`Escalate to ${toTier ?? "the next tier"}`} onClose={onClose}>
      <EscalateForm toL4={toTier === "L4"} summaryDraft={summaryDraft} openRequiredSteps={openRequiredSteps} l4Groups={l4Groups} onSubmit={onSubmit} onCancel={onClose} />
    </Dialog>
  );
}

function EscalateForm({
  toL4,
  summaryDraft,
  openRequiredSteps,
  l4Groups,
  onSubmit,
  onCancel,
}: {
  toL4: boolean;
  summaryDraft: string;
  openRequiredSteps: string[];
  l4Groups: GroupOption[];
  onSubmit: (input: EscalateInput) => Promise<ActionResult>;
  onCancel: () => void;
}) {
  const [reason, setReason] = useState("");
  const [summary, setSummary] = useState(summaryDraft);
  const [toGroup, setToGroup] = useState("");
  const [reference, setReference] = useState("");
  const [override, setOverride] = useState("");
  const [result, setResult] = useState<ActionResult | null>(null);
  const [busy, setBusy] = useState(false);
  const fields = result && !result.ok ? (result.fields ?? {}) : {};
  const chosen = l4Groups.find((g) => g.slug === toGroup);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setBusy(true);
    const sopOverride = openRequiredSteps.length && override.trim() ? { sopOverride: override } : {};
    const input: EscalateInput = { reason, summary, ...sopOverride, ...(toL4 && toGroup ? { toGroup } : {}), ...(toL4 && reference.trim() ? { externalReference: reference } : {}) };
    const answer = await onSubmit(input);
    setBusy(false);
    setResult(answer);
  }

  return (
    <form onSubmit={submit} className="space-y-3" noValidate>
      {result && !result.ok && (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {result.message}
        </p>
      )}
      <Field id="escalate-reason" label="Reason" errors={fields.reason}>
        {(describedBy, invalid) => (
          <input id="escalate-reason" autoFocus value={reason} onChange={(e) => setReason(e.target.value)} className={INPUT_CLASS} aria-describedby={describedBy} aria-invalid={invalid} />
        )}
      </Field>
      <Field id="escalate-summary" label="Summary of the data gathered and the steps tried" errors={fields.summary}>
        {(describedBy, invalid) => (
          <textarea id="escalate-summary" rows={8} value={summary} onChange={(e) => setSummary(e.target.value)} className={INPUT_CLASS} aria-describedby={describedBy} aria-invalid={invalid} />
        )}
      </Field>
      {openRequiredSteps.length > 0 && (
        <div className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm" data-testid="sop-open-steps">
          <p className="font-semibold text-amber-950">Required SOP steps still open</p>
          <ul className="list-disc space-y-1 pl-5 wrap-anywhere">
            {openRequiredSteps.map((step) => (
              <li key={step}>{step}</li>
            ))}
          </ul>
          <p className="text-slate-800">Tick them in the SOP panel first, or say why this ticket cannot wait: the override is recorded in the decision log.</p>
          <Field id="escalate-sop-override" label="Override the SOP because…" errors={fields.sopOverride}>
            {(describedBy, invalid) => (
              <textarea id="escalate-sop-override" rows={2} value={override} onChange={(e) => setOverride(e.target.value)} className={INPUT_CLASS} aria-describedby={describedBy} aria-invalid={invalid} />
            )}
          </Field>
        </div>
      )}
      {toL4 && (
        <>
          <Field id="escalate-group" label="L4 group" hint={L4_KIND_HINT} errors={fields.toGroup}>
            {(describedBy, invalid) => (
              <select id="escalate-group" value={toGroup} onChange={(e) => setToGroup(e.target.value)} className={INPUT_CLASS} aria-describedby={describedBy} aria-invalid={invalid}>
                <option value="">Choose a vendor or engineering group…</option>
                {(["VENDOR", "ENGINEERING"] as const).map((kind) => {
                  const groups = l4Groups.filter((g) => g.l4Kind === kind);
                  return (
                    groups.length > 0 && (
                      <optgroup key={kind} label={kind === "VENDOR" ? "Vendors" : L4_KIND_LABEL[kind]}>
                        {groups.map((g) => (
                          <option key={g.slug} value={g.slug}>
                            {g.name}
                          </option>
                        ))}
                      </optgroup>
                    )
                  );
                })}
                {l4Groups
                  .filter((g) => !g.l4Kind)
                  .map((g) => (
                    <option key={g.slug} value={g.slug}>
                      {g.name}
                    </option>
                  ))}
              </select>
            )}
          </Field>
          {chosen?.l4Kind && (
            <p className="text-sm text-slate-800" data-testid="l4-kind">
              {chosen.name} is {chosen.l4Kind === "VENDOR" ? "a vendor" : "internal engineering"}.
            </p>
          )}
          <Field id="escalate-reference" label="Their reference" hint="The vendor's case number or the team's ticket." errors={fields.externalReference}>
            {(describedBy, invalid) => (
              <input id="escalate-reference" value={reference} onChange={(e) => setReference(e.target.value)} className={INPUT_CLASS} aria-describedby={describedBy} aria-invalid={invalid} />
            )}
          </Field>
        </>
      )}
      <div className="flex gap-2">
        <Button type="submit" disabled={busy}>
          {busy ? "Escalating…" : "Escalate"}
        </Button>
        <Button type="button" variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
