"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, INPUT_CLASS } from "@/components/ui/field";
import type { ActionResult } from "./action-result";

/** Back one tier with guidance for it (or, at L4, the vendor's reply back to L3). */
export function ReturnDialog({
  open,
  title,
  label,
  onSubmit,
  onClose,
}: {
  open: boolean;
  title: string;
  label: string;
  onSubmit: (input: { guidance: string }) => Promise<ActionResult>;
  onClose: () => void;
}) {
  return (
    <Dialog open={open} title={title} onClose={onClose}>
      <ReturnForm label={label} onSubmit={onSubmit} onCancel={onClose} />
    </Dialog>
  );
}

function ReturnForm({ label, onSubmit, onCancel }: { label: string; onSubmit: (input: { guidance: string }) => Promise<ActionResult>; onCancel: () => void }) {
  const [guidance, setGuidance] = useState("");
  const [result, setResult] = useState<ActionResult | null>(null);
  const [busy, setBusy] = useState(false);
  const fields = result && !result.ok ? (result.fields ?? {}) : {};

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setBusy(true);
    setResult(await onSubmit({ guidance }));
    setBusy(false);
  }

  return (
    <form onSubmit={submit} className="space-y-3" noValidate>
      {result && !result.ok && (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {result.message}
        </p>
      )}
      <Field id="return-guidance" label={label} errors={fields.guidance}>
        {(describedBy, invalid) => (
          <textarea id="return-guidance" autoFocus rows={6} value={guidance} onChange={(e) => setGuidance(e.target.value)} className={INPUT_CLASS} aria-describedby={describedBy} aria-invalid={invalid} />
        )}
      </Field>
      <div className="flex gap-2">
        <Button type="submit" disabled={busy}>
          {busy ? "Returning…" : "Return"}
        </Button>
        <Button type="button" variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
