"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import type { ActionOutcome } from "@/lib/http/run-action";

/**
 * "Delete …" behind a confirmation on a native <dialog>. A refusal (e.g. the 409 that names what still
 * refers to the record) is shown in the dialog; on success the dialog closes (and the page goes to `thenGoTo`).
 */
export function DeleteButton({
  what,
  verb = "Delete",
  consequence,
  onDelete,
  thenGoTo,
}: {
  what: string;
  /** What the button and the dialog call the act, e.g. "Remove". */
  verb?: string;
  consequence?: string;
  onDelete: () => Promise<ActionOutcome<unknown>>;
  thenGoTo?: string;
}) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);

  async function confirm() {
    setBusy(true);
    const result = await onDelete();
    setBusy(false);
    if (!result.ok) return setRefusal(result.message);
    setOpen(false);
    if (thenGoTo) router.push(thenGoTo);
  }

  return (
    <>
      <Button type="button" variant="ghost" className="max-w-full wrap-anywhere" onClick={() => (setRefusal(null), setOpen(true))}>
        {verb} {what}
      </Button>
      <Dialog open={open} title={`${verb} ${what}?`} onClose={() => setOpen(false)}>
        <p className="text-sm text-slate-800">{consequence ?? "This cannot be undone. The audit trail keeps what it was."}</p>
        {refusal && (
          <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
            {refusal}
          </p>
        )}
        <div className="flex gap-2">
          <Button type="button" variant="danger" disabled={busy} onClick={confirm}>
            {busy ? "Working…" : verb}
          </Button>
          <Button type="button" variant="secondary" onClick={() => setOpen(false)}>
            {refusal ? "Close" : "Cancel"}
          </Button>
        </div>
      </Dialog>
    </>
  );
}
