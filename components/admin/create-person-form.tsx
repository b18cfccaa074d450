"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, INPUT_CLASS } from "@/components/ui/field";
import type { PersonView } from "@/lib/admin/person-json";
import type { ActionOutcome } from "@/lib/http/run-action";
import { SecretNotice } from "./secret-notice";

type Created = { person: PersonView; secret: string; secretKind: "PIN" | "password" };

const EMPTY = { userId: "", name: "", email: "", role: "CUSTOMER", tier: "", organization: "" };

/** New customer (a PIN is generated) or staff member (a first password is generated). Admins only. */
export function CreatePersonForm({ organizations, onCreate }: { organizations: string[]; onCreate: (input: unknown) => Promise<ActionOutcome<Created>> }) {
  const [form, setForm] = useState(EMPTY);
  const [result, setResult] = useState<ActionOutcome<Created> | null>(null);
  const [busy, setBusy] = useState(false);
  const fields = result && !result.ok ? (result.fields ?? {}) : {};
  const set = (key: keyof typeof EMPTY) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => setForm({ ...form, [key]: e.target.value });

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setBusy(true);
    const outcome = await onCreate({
      userId: form.userId,
      name: form.name,
      role: form.role,
      ...(form.email ? { email: form.email } : {}),
      ...(form.role === "AGENT" ? { tier: form.tier } : {}),
      ...(form.role === "CUSTOMER" && form.organization ? { organization: form.organization } : {}),
    });
    setResult(outcome);
    if (outcome.ok) setForm(EMPTY);
    setBusy(false);
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby="new-person-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="new-person-heading" className="text-lg font-semibold text-slate-900">
        New person
      </h2>
      {result && !result.ok && (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {result.message}
        </p>
      )}
      {result?.ok && <SecretNotice userId={result.data.person.userId} kind={result.data.secretKind} secret={result.data.secret} />}
      <div className="grid gap-3 sm:grid-cols-3">
        <Field id="person-role" label="Role" errors={fields.role}>
          {(d, inv) => (
            <select id="person-role" value={form.role} onChange={set("role")} className={INPUT_CLASS} aria-describedby={d} aria-invalid={inv}>
              <option value="CUSTOMER">Customer</option>
              <option value="AGENT">Agent</option>
              <option value="MANAGER">Manager</option>
              <option value="ADMIN">Admin</option>
            </select>
          )}
        </Field>
        <Field id="person-user-id" label="User ID" hint="Customers: a support ID like C1003. Staff: a username." errors={fields.userId}>
          {(d, inv) => <input id="person-user-id" value={form.userId} onChange={set("userId")} className={INPUT_CLASS} aria-describedby={d} aria-invalid={inv} autoComplete="off" />}
        </Field>
        <Field id="person-name" label="Name" errors={fields.name}>
          {(d, inv) => <input id="person-name" value={form.name} onChange={set("name")} className={INPUT_CLASS} aria-describedby={d} aria-invalid={inv} autoComplete="off" />}
        </Field>
        <Field id="person-email" label="Email (optional)" errors={fields.email}>
          {(d, inv) => <input id="person-email" type="email" value={form.email} onChange={set("email")} className={INPUT_CLASS} aria-describedby={d} aria-invalid={inv} autoComplete="off" />}
        </Field>
        {form.role === "AGENT" && (
          <Field id="person-tier" label="Tier" errors={fields.tier}>
            {(d, inv) => (
              <select id="person-tier" value={form.tier} onChange={set("tier")} className={INPUT_CLASS} aria-describedby={d} aria-invalid={inv}>
                <option value="">Choose…</option>
                <option value="L1">L1</option>
                <option value="L2">L2</option>
                <option value="L3">L3</option>
              </select>
            )}
          </Field>
        )}
        {form.role === "CUSTOMER" && (
          <Field id="person-organization" label="Organization (optional)" errors={fields.organization}>
            {(d, inv) => (
              <select id="person-organization" value={form.organization} onChange={set("organization")} className={INPUT_CLASS} aria-describedby={d} aria-invalid={inv}>
                <option value="">None</option>
                {organizations.map((o) => (
                  <option key={o} value={o}>
                    {o}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
      </div>
      <Button type="submit" disabled={busy}>
        {busy ? "Creating…" : "Create"}
      </Button>
    </form>
  );
}
