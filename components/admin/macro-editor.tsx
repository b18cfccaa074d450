"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, INPUT_CLASS } from "@/components/ui/field";
import type { CommentVisibility, TicketStatus } from "@/lib/db/generated/enums";
import { STATUS_LABEL, VISIBILITY_LABEL } from "@/lib/labels";
import type { MacroJson } from "@/lib/macros/macro-json";
import type { ActionOutcome } from "@/lib/http/run-action";
import { DeleteButton } from "./delete-button";

interface MacroForm {
  title: string;
  body: string;
  category: string;
  visibility: CommentVisibility;
  setStatus: TicketStatus | "";
}

const BLANK: MacroForm = { title: "", body: "", category: "", visibility: "PUBLIC", setStatus: "" };

const formOf = (m: MacroJson): MacroForm => ({ title: m.title, body: m.body, category: m.category?.slug ?? "", visibility: m.visibility, setStatus: m.setStatus ?? "" });

/**
 * One macro: title, Markdown body with placeholders, category (or all), public reply or internal note, and a
 * status to set; with Delete for admins. Without `macro` it is the "New macro" form.
 */
export function MacroEditor({
  macro,
  categories,
  statuses,
  placeholders,
  canWrite,
  onSave,
  onDelete,
}: {
  macro?: MacroJson;
  categories: { slug: string; name: string }[];
  statuses: TicketStatus[];
  placeholders: string[];
  canWrite: boolean;
  onSave: (input: MacroForm) => Promise<ActionOutcome<unknown>>;
  onDelete?: () => Promise<ActionOutcome<unknown>>;
}) {
  const creating = !macro;
  const [value, setValue] = useState<MacroForm>(macro ? formOf(macro) : BLANK);
  const [result, setResult] = useState<ActionOutcome<unknown> | null>(null);
  const [busy, setBusy] = useState(false);
  const fields = result && !result.ok ? (result.fields ?? {}) : {};
  const id = (f: string) => `macro-${macro?.id ?? "new"}-${f}`;
  const set = (field: keyof MacroForm) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>) => setValue({ ...value, [field]: e.target.value });

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setBusy(true);
    const outcome = await onSave(value);
    setBusy(false);
    setResult(outcome);
    if (outcome.ok && creating) setValue(BLANK);
  }

  return (
    <form onSubmit={submit} noValidate aria-label={creating ? "New macro" : `Macro ${macro.title}`} className="min-w-0 space-y-3">
      {result && (
        <p role={result.ok ? "status" : "alert"} className={`text-sm wrap-anywhere ${result.ok ? "text-green-900" : "text-red-800"}`}>
          {result.message}
        </p>
      )}
      <fieldset disabled={!canWrite} className="grid min-w-0 gap-3 sm:grid-cols-3">
        <Field id={id("title")} label="Title" errors={fields.title}>
          {(d, inv) => <input id={id("title")} value={value.title} onChange={set("title")} className={INPUT_CLASS} aria-describedby={d} aria-invalid={inv} />}
        </Field>
        <Field id={id("category")} label="Category" errors={fields.category}>
          {(d, inv) => (
            <select id={id("category")} value={value.category} onChange={set("category")} className={INPUT_CLASS} aria-describedby={d} aria-invalid={inv}>
              <option value="">All categories</option>
              {categories.map((c) => (
                <option key={c.slug} value={c.slug}>
                  {c.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="grid min-w-0 grid-cols-2 gap-3">
          <Field id={id("visibility")} label="Sent as" errors={fields.visibility}>
            {(d, inv) => (
              <select id={id("visibility")} value={value.visibility} onChange={set("visibility")} className={INPUT_CLASS} aria-describedby={d} aria-invalid={inv}>
                {(["PUBLIC", "INTERNAL"] as const).map((v) => (
                  <option key={v} value={v}>
                    {VISIBILITY_LABEL[v]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id={id("status")} label="Then set status" errors={fields.setStatus}>
            {(d, inv) => (
              <select id={id("status")} value={value.setStatus} onChange={set("setStatus")} className={INPUT_CLASS} aria-describedby={d} aria-invalid={inv}>
                <option value="">Leave as is</option>
                {statuses.map((s) => (
                  <option key={s} value={s}>
                    {STATUS_LABEL[s]}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <div className="sm:col-span-3">
          <Field id={id("body")} label="Text (Markdown)" hint={`Placeholders: ${placeholders.map((p) => `{{${p}}}`).join(", ")}. The agent reviews and edits the filled text before sending.`} errors={fields.body}>
            {(d, inv) => <textarea id={id("body")} value={value.body} onChange={set("body")} rows={5} className={INPUT_CLASS} aria-describedby={d} aria-invalid={inv} />}
          </Field>
        </div>
      </fieldset>
      {canWrite && (
        <div className="flex flex-wrap gap-2">
          <Button type="submit" variant={creating ? "primary" : "secondary"} disabled={busy}>
            {creating ? "Create macro" : "Save macro"}
          </Button>
          {onDelete && macro && <DeleteButton what="this macro" consequence={`"${macro.title}" disappears from every composer. Replies already sent from it keep their text; the audit trail keeps the macro.`} onDelete={onDelete} />}
        </div>
      )}
    </form>
  );
}
