"use client";

import { useEffect, useState, type Ref } from "react";
import { Button } from "@/components/ui/button";
import { INPUT_CLASS } from "@/components/ui/field";
import { ATTACHMENT_ACCEPT } from "@/lib/attachments/accept";
import { ATTACHMENTS_FIELD } from "@/lib/attachments/prepare-uploads";
import { STATUS_LABEL } from "@/lib/labels";
import type { MacroChoice } from "@/lib/macros/ticket-macros";
import type { MacroPreview } from "@/lib/macros/preview-macro";
import type { ActionResult, MacroPreviewResult } from "./action-result";
import { MacroPicker } from "./macro-picker";
import { useShortcuts } from "./use-shortcuts";

type Visibility = "PUBLIC" | "INTERNAL";

/**
 * A public reply (counts as first response and customer update) or an internal note, in Markdown, with up
 * to 5 files. `notesOnly`: the agent handed the ticket on and may add internal notes only.
 * A macro (button or `m`) fills the text, who sees it and a status to set, for the agent to review: the
 * reply names the macro only when it is sent.
 */
export function Composer({
  textareaRef,
  notesOnly = false,
  macros = [],
  onSend,
  onPreviewMacro,
}: {
  textareaRef: Ref<HTMLTextAreaElement>;
  notesOnly?: boolean;
  macros?: MacroChoice[];
  onSend: (form: FormData) => Promise<ActionResult>;
  onPreviewMacro?: (macroId: number) => Promise<MacroPreviewResult>;
}) {
  const [body, setBody] = useState("");
  const [chosen, setVisibility] = useState<Visibility>("PUBLIC");
  const visibility: Visibility = notesOnly ? "INTERNAL" : chosen;
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // A new key empties the file input once its files were sent.
  const [sent, setSent] = useState(0);
  const offered = notesOnly ? macros.filter((m) => m.visibility === "INTERNAL") : macros;
  const [picker, setPicker] = useState(0);
  const [pickerError, setPickerError] = useState<string | null>(null);
  const [applied, setApplied] = useState<MacroPreview | null>(null);
  const [keepStatus, setKeepStatus] = useState(true);
  const canPick = Boolean(onPreviewMacro) && offered.length > 0;
  useShortcuts({ m: canPick ? () => setPicker((n) => Math.abs(n) + 1) : undefined });

  async function apply(choice: MacroChoice) {
    if (!onPreviewMacro) return;
    setBusy(true);
    const result = await onPreviewMacro(choice.id);
    setBusy(false);
    if (!result.ok) return setPickerError(result.message);
    setPickerError(null);
    setApplied(result.preview);
    setKeepStatus(true);
    setBody(result.preview.body);
    setVisibility(result.preview.visibility);
    setPicker((n) => -Math.abs(n));
  }

  // After the picker's dialog has closed (child effects run first), so focus stays in the text to edit.
  useEffect(() => {
    if (applied && textareaRef && typeof textareaRef === "object") textareaRef.current?.focus();
  }, [applied, textareaRef]);

  async function send(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    form.set("visibility", visibility);
    setBusy(true);
    const result = await onSend(form);
    setBusy(false);
    if (result.ok) {
      setBody("");
      setApplied(null);
      setError(null);
      setSent((n) => n + 1);
    } else setError([...(result.fields?.body ?? []), ...(result.fields?.[ATTACHMENTS_FIELD] ?? [])].join(" ") || result.message);
  }

  return (
    <section aria-labelledby="composer-heading" className="min-w-0 rounded-lg border border-slate-200 bg-white p-4">
      <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
        <h2 id="composer-heading" className="font-semibold">
          {notesOnly ? "Internal note" : "Reply or note"}
        </h2>
        {canPick && (
          <Button type="button" variant="secondary" className="px-3 py-1" onClick={() => (setPickerError(null), setPicker((n) => Math.abs(n) + 1))} aria-keyshortcuts="m">
            Apply a macro
          </Button>
        )}
      </div>
      <form onSubmit={send} className="space-y-2">
        {applied && (
          <div className="space-y-1 rounded-md border border-indigo-200 bg-indigo-50 px-3 py-2 text-sm text-indigo-950" data-testid="applied-macro">
            <p className="wrap-anywhere">
              From macro <strong>{applied.macro.title}</strong>: review and edit the text, then send.{" "}
              <button type="button" className="text-indigo-800 underline" onClick={() => setApplied(null)}>
                Not from a macro
              </button>
            </p>
            <input type="hidden" name="macroId" value={applied.macro.id} />
            {applied.setStatus && (
              <label className="flex items-center gap-2">
                <input type="checkbox" checked={keepStatus} onChange={(e) => setKeepStatus(e.target.checked)} />
                Then set the status to {STATUS_LABEL[applied.setStatus]}
              </label>
            )}
            {applied.setStatus && keepStatus && <input type="hidden" name="setStatus" value={applied.setStatus} />}
          </div>
        )}
        {notesOnly ? (
          <p className="text-sm text-slate-700">You handed this ticket on: you can still add internal notes (staff only) for the tier that has it.</p>
        ) : (
          <fieldset className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
            <legend className="sr-only">Who sees it</legend>
            <label className="flex items-center gap-1">
              <input type="radio" name="visibility" value="PUBLIC" checked={visibility === "PUBLIC"} onChange={() => setVisibility("PUBLIC")} />
              Public reply (the customer sees it)
            </label>
            <label className="flex items-center gap-1">
              <input type="radio" name="visibility" value="INTERNAL" checked={visibility === "INTERNAL"} onChange={() => setVisibility("INTERNAL")} />
              Internal note (staff only)
            </label>
          </fieldset>
        )}
        <label htmlFor="composer-body" className="block text-sm font-medium">
          Message (Markdown)
        </label>
        <p id="composer-hint" className="text-xs text-slate-700">
          {visibility === "PUBLIC" ? "The customer sees it. It counts as a customer update (the update clock starts again) and, if none was given yet, as the first response." : "Only staff see notes and their files; they go into the escalation summary. @userid tells a colleague (the sentence that names them)."}
        </p>
        <textarea
          id="composer-body"
          name="body"
          ref={textareaRef}
          value={body}
          onChange={(e) => setBody(e.target.value)}
          rows={4}
          className={`${INPUT_CLASS} ${visibility === "INTERNAL" ? "bg-amber-50" : ""}`}
          aria-invalid={Boolean(error)}
          aria-describedby={error ? "composer-hint composer-error" : "composer-hint"}
        />
        <label htmlFor="composer-files" className="block text-sm font-medium">
          Files (optional)
        </label>
        <input
          key={sent}
          id="composer-files"
          name={ATTACHMENTS_FIELD}
          type="file"
          multiple
          accept={ATTACHMENT_ACCEPT}
          aria-describedby="composer-files-hint"
          className="block w-full min-w-0 text-sm text-slate-800 file:mr-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-1.5 file:text-sm"
        />
        <p id="composer-files-hint" className="text-xs text-slate-700">
          Screenshots, PDF, or text and log files; up to 5 files of 10 MB each.{visibility === "INTERNAL" ? " Files of a note stay internal." : ""}
        </p>
        {error && (
          <p id="composer-error" className="text-sm text-red-700">
            {error}
          </p>
        )}
        <Button type="submit" disabled={busy || !body.trim()}>
          {visibility === "PUBLIC" ? "Send public reply" : "Add internal note"}
        </Button>
      </form>
      {canPick && <MacroPicker key={Math.abs(picker)} open={picker > 0} macros={offered} busy={busy} error={pickerError} onApply={(m) => void apply(m)} onClose={() => setPicker((n) => -Math.abs(n))} />}
    </section>
  );
}
