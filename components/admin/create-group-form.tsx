"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, INPUT_CLASS } from "@/components/ui/field";
import type { ActionOutcome } from "@/lib/http/run-action";

const EMPTY = { slug: "", name: "", tier: "L2", assignmentMode: "PULL", l4Kind: "VENDOR" };

/** A new support group: slug, name, tier, assignment mode, and L4 kind for an L4 group. Admins only. */
export function CreateGroupForm({ onCreate }: { onCreate: (input: unknown) => Promise<ActionOutcome<string>> }) {
  const [form, setForm] = useState(EMPTY);
  const [result, setResult] = useState<ActionOutcome<string> | null>(null);
  const [busy, setBusy] = useState(false);
  const fields = result && !result.ok ? (result.fields ?? {}) : {};
  const set = (key: keyof typeof EMPTY) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => setForm({ ...form, [key]: e.target.value });

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setBusy(true);
    const { l4Kind, ...rest } = form;
    const outcome = await onCreate({ ...rest, ...(form.tier === "L4" ? { l4Kind } : {}) });
    setResult(outcome);
    if (outcome.ok) setForm(EMPTY);
    setBusy(false);
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby="new-group-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="new-group-heading" className="text-lg font-semibold text-slate-900">
        New group
      </h2>
      {result && (
        <p role={result.ok ? "status" : "alert"} className={`text-sm ${result.ok ? "text-green-900" : "text-red-800"}`}>
          {result.message}
        </p>
      )}
      <div className="grid gap-3 sm:grid-cols-5">
        <Field id="new-group-slug" label="Slug" hint="e.g. night-shift; it never changes." errors={fields.slug}>
          {(d, inv) => <input id="new-group-slug" value={form.slug} onChange={set("slug")} className={INPUT_CLASS} aria-describedby={d} aria-invalid={inv} />}
        </Field>
        <Field id="new-group-name" label="Group name" errors={fields.name}>
          {(d, inv) => <input id="new-group-name" value={form.name} onChange={set("name")} className={INPUT_CLASS} aria-describedby={d} aria-invalid={inv} />}
        </Field>
        <Field id="new-group-tier" label="Tier" errors={fields.tier}>
          {(d, inv) => (
            <select id="new-group-tier" value={form.tier} onChange={set("tier")} className={INPUT_CLASS} aria-describedby={d} aria-invalid={inv}>
              {["L1", "L2", "L3", "L4"].map((t) => (
                <option key={t} value={t}>
                  {t}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="new-group-mode" label="Assignment" errors={fields.assignmentMode}>
          {(d, inv) => (
            <select id="new-group-mode" value={form.assignmentMode} onChange={set("assignmentMode")} className={INPUT_CLASS} aria-describedby={d} aria-invalid={inv}>
              <option value="AUTO">Automatic (least loaded)</option>
              <option value="PULL">Pull (agents claim)</option>
            </select>
          )}
        </Field>
        {form.tier === "L4" && (
          <Field id="new-group-kind" label="L4 kind" errors={fields.l4Kind}>
            {(d, inv) => (
              <select id="new-group-kind" value={form.l4Kind} onChange={set("l4Kind")} className={INPUT_CLASS} aria-describedby={d} aria-invalid={inv}>
                <option value="VENDOR">Vendor</option>
                <option value="ENGINEERING">Engineering</option>
              </select>
            )}
          </Field>
        )}
      </div>
      <Button type="submit" disabled={busy}>
        Create group
      </Button>
    </form>
  );
}
