"use client";

import { useState, type FormEvent } from "react";
import { STATUS_LABEL } from "@/components/tickets/labels";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { INPUT_CLASS } from "@/components/ui/field";
import type { TicketStatus } from "@/lib/db/generated/enums";
import type { BulkResult } from "@/lib/tickets/bulk-action";
import type { BulkActionInput } from "@/lib/validation/bulk";
import { OPEN_STATUSES } from "@/lib/validation/queue";
import type { QueueActionResult } from "./queue-actions";

export type BulkRunner = (input: BulkActionInput) => Promise<QueueActionResult<BulkResult>>;

const SMALL = "px-3 py-1";

/**
 * What can be done to the selected tickets: claim, set status, add an internal note, and (managers)
 * assign. Each ticket is done or refused on its own; the outcome lists every ticket and why.
 */
export function BulkBar({
  tickets,
  canAssign,
  groups,
  run,
  onClear,
}: {
  tickets: { number: string; version: number }[];
  canAssign: boolean;
  groups: { slug: string; name: string }[];
  run: BulkRunner;
  onClear: () => void;
}) {
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<BulkResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [dialog, setDialog] = useState<"note" | "assign" | null>(null);
  const [status, setStatus] = useState<TicketStatus>("IN_PROGRESS");

  const go = async (input: BulkActionInput) => {
    setBusy(true);
    setError(null);
    const result = await run(input);
    setBusy(false);
    setDialog(null);
    if (result.ok) {
      setOutcome(result.value);
      onClear();
    } else setError(result.message);
  };
  const fields = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    return new FormData(event.currentTarget);
  };

  return (
    <>
      {tickets.length > 0 && (
        <div role="toolbar" aria-label="Bulk actions" className="mb-2 flex flex-wrap items-center gap-2 rounded-lg border border-indigo-200 bg-indigo-50 px-3 py-1.5 text-sm">
          <span className="font-medium">{tickets.length} selected</span>
          <Button variant="secondary" className={SMALL} disabled={busy} onClick={() => void go({ action: "claim", tickets })}>
            Claim
          </Button>
          <label htmlFor="bulk-status" className="sr-only">
            New status
          </label>
          <select id="bulk-status" value={status} onChange={(e) => setStatus(e.currentTarget.value as TicketStatus)} className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm">
            {OPEN_STATUSES.filter((s) => s !== "NEW").map((s) => (
              <option key={s} value={s}>
                {STATUS_LABEL[s]}
              </option>
            ))}
            <option value="RESOLVED">{STATUS_LABEL.RESOLVED}</option>
          </select>
          <Button variant="secondary" className={SMALL} disabled={busy} onClick={() => void go({ action: "status", tickets, status })}>
            Set status
          </Button>
          <Button variant="secondary" className={SMALL} disabled={busy} onClick={() => setDialog("note")}>
            Add internal note
          </Button>
          {canAssign && (
            <Button variant="secondary" className={SMALL} disabled={busy} onClick={() => setDialog("assign")}>
              Assign
            </Button>
          )}
          <Button variant="ghost" className={`${SMALL} ml-auto`} onClick={onClear}>
            Clear selection
          </Button>
        </div>
      )}
      <div aria-live="polite">
        {error && <p className="mb-2 rounded-md border border-red-200 bg-red-50 px-3 py-1.5 text-sm text-red-800">{error}</p>}
        {outcome && (
          <section aria-label="Bulk action outcome" className="mb-2 rounded-md border border-slate-200 bg-white px-3 py-2 text-sm">
            <div className="flex items-center gap-2">
              <p className="font-medium">
                {outcome.done} done, {outcome.refused} refused.
              </p>
              <button type="button" className="ml-auto text-indigo-800 underline" onClick={() => setOutcome(null)}>
                Dismiss
              </button>
            </div>
            <ul className="mt-1 space-y-0.5">
              {outcome.results.map((r) => (
                <li key={r.number} data-outcome={r.outcome} className="min-w-0 break-words">
                  <span className="font-mono">{r.number}</span>: {r.outcome === "done" ? "done" : `refused — ${r.reason}`}
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>
      <Dialog open={dialog === "note"} title={`Internal note on ${tickets.length} tickets`} onClose={() => setDialog(null)}>
        <form onSubmit={(e) => void go({ action: "note", tickets, body: String(fields(e).get("body") ?? "") })} className="space-y-3">
          <label htmlFor="bulk-note" className="block text-sm font-medium">
            Note (staff only)
          </label>
          <textarea id="bulk-note" name="body" required rows={4} className={INPUT_CLASS} />
          <div className="flex justify-end gap-2">
            <Button type="button" variant="secondary" onClick={() => setDialog(null)}>
              Cancel
            </Button>
            <Button type="submit" disabled={busy}>
              Add note
            </Button>
          </div>
        </form>
      </Dialog>
      <Dialog open={dialog === "assign"} title={`Assign ${tickets.length} tickets`} onClose={() => setDialog(null)}>
        <form
          onSubmit={(e) => {
            const data = fields(e);
            const userId = String(data.get("userId") ?? "").trim();
            const group = String(data.get("group") ?? "");
            void go({ action: "assign", tickets, assign: { ...(userId ? { userId } : {}), ...(group ? { group } : {}) } });
          }}
          className="space-y-3"
        >
          <div>
            <label htmlFor="bulk-assign-user" className="block text-sm font-medium">
              Agent (user ID)
            </label>
            <input id="bulk-assign-user" name="userId" className={INPUT_CLASS} />
          </div>
          <div>
            <label htmlFor="bulk-assign-group" className="block text-sm font-medium">
              Group
            </label>
            <select id="bulk-assign-group" name="group" defaultValue="" className={INPUT_CLASS}>
              <option value="">The agent&apos;s group</option>
              {groups.map((g) => (
                <option key={g.slug} value={g.slug}>
                  {g.name}
                </option>
              ))}
            </select>
          </div>
          <div className="flex justify-end gap-2">
            <Button type="button" variant="secondary" onClick={() => setDialog(null)}>
              Cancel
            </Button>
            <Button type="submit" disabled={busy}>
              Assign
            </Button>
          </div>
        </form>
      </Dialog>
    </>
  );
}
