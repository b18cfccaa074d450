"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, INPUT_CLASS } from "@/components/ui/field";
import type { ApiScope } from "@/lib/db/generated/enums";
import { API_SCOPE_LABEL, ROLE_LABEL } from "@/lib/labels";
import type { CreatedApiToken } from "@/lib/tokens/create-api-token";
import { API_SCOPE_CODE } from "@/lib/validation/api-scopes";
import type { ActionOutcome } from "@/lib/http/run-action";
import { NewTokenNotice } from "./new-token-notice";

const SCOPES = Object.keys(API_SCOPE_CODE) as ApiScope[];
const EMPTY = { name: "", scopes: ["TICKETS_READ"] as ApiScope[], expiresOn: "", actsAs: "me", accountId: "", accountName: "", role: "AGENT", tier: "L1" };

/** The end of the chosen day in the admin's own time zone, as the API takes it. */
const endOfDay = (day: string) => new Date(`${day}T23:59:59`).toISOString();

/** New API token (admins): name, scopes, optional expiry, for the admin or a service account; the token is shown once. */
export function CreateTokenForm({ onCreate }: { onCreate: (input: unknown) => Promise<ActionOutcome<CreatedApiToken>> }) {
  const [form, setForm] = useState(EMPTY);
  const [result, setResult] = useState<ActionOutcome<CreatedApiToken> | null>(null);
  const [busy, setBusy] = useState(false);
  const fields = result && !result.ok ? (result.fields ?? {}) : {};
  const set = (key: keyof typeof EMPTY) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => setForm({ ...form, [key]: e.target.value });
  const toggle = (scope: ApiScope) => setForm({ ...form, scopes: form.scopes.includes(scope) ? form.scopes.filter((s) => s !== scope) : [...form.scopes, scope] });
  const service = form.actsAs === "service";

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setBusy(true);
    const outcome = await onCreate({
      name: form.name,
      scopes: SCOPES.filter((s) => form.scopes.includes(s)).map((s) => API_SCOPE_CODE[s]),
      ...(form.expiresOn ? { expiresAt: endOfDay(form.expiresOn) } : {}),
      ...(service
        ? { serviceAccount: { userId: form.accountId, role: form.role, ...(form.accountName ? { name: form.accountName } : {}), ...(form.role === "AGENT" ? { tier: form.tier } : {}) } }
        : {}),
    });
    setResult(outcome);
    if (outcome.ok) setForm(EMPTY);
    setBusy(false);
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby="new-token-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="new-token-heading" className="text-lg font-semibold text-slate-900">
        New token
      </h2>
      {result && !result.ok && (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {result.message}
        </p>
      )}
      {result?.ok && <NewTokenNotice name={result.data.name} token={result.data.token} />}
      <div className="grid gap-3 sm:grid-cols-2">
        <Field id="token-name" label="Name" hint="What uses it, e.g. Nightly report." errors={fields.name}>
          {(d, inv) => <input id="token-name" value={form.name} onChange={set("name")} maxLength={200} className={INPUT_CLASS} aria-describedby={d} aria-invalid={inv} autoComplete="off" />}
        </Field>
        <Field id="token-expiry" label="Expires (optional)" hint="At the end of that day; leave empty for no expiry." errors={fields.expiresAt}>
          {(d, inv) => <input id="token-expiry" type="date" value={form.expiresOn} onChange={set("expiresOn")} className={INPUT_CLASS} aria-describedby={d} aria-invalid={inv} />}
        </Field>
      </div>
      <fieldset className="space-y-1" aria-describedby={fields.scopes || fields["scopes.0"] ? "token-scopes-error" : undefined}>
        <legend className="text-sm font-medium text-slate-800">Scopes</legend>
        <div className="flex flex-wrap gap-x-4 gap-y-1">
          {SCOPES.map((scope) => (
            <label key={scope} className="flex items-center gap-2 text-sm text-slate-800">
              <input type="checkbox" checked={form.scopes.includes(scope)} onChange={() => toggle(scope)} />
              {API_SCOPE_LABEL[scope]} <code className="font-mono text-xs text-slate-600">{API_SCOPE_CODE[scope]}</code>
            </label>
          ))}
        </div>
        {(fields.scopes || fields["scopes.0"]) && (
          <p id="token-scopes-error" className="text-sm text-red-700">
            {(fields.scopes ?? fields["scopes.0"])!.join(" ")}
          </p>
        )}
      </fieldset>
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium text-slate-800">Acts as</legend>
        <div className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-800">
          <label className="flex items-center gap-2">
            <input type="radio" name="acts-as" value="me" checked={!service} onChange={set("actsAs")} /> Me
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" name="acts-as" value="service" checked={service} onChange={set("actsAs")} /> A service account
          </label>
        </div>
      </fieldset>
      {service && (
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          <Field id="token-account" label="Service account user ID" hint="An existing one is reused." errors={fields["serviceAccount.userId"]}>
            {(d, inv) => <input id="token-account" value={form.accountId} onChange={set("accountId")} className={INPUT_CLASS} aria-describedby={d} aria-invalid={inv} autoComplete="off" />}
          </Field>
          <Field id="token-account-name" label="Its name (optional)" errors={fields["serviceAccount.name"]}>
            {(d, inv) => <input id="token-account-name" value={form.accountName} onChange={set("accountName")} className={INPUT_CLASS} aria-describedby={d} aria-invalid={inv} autoComplete="off" />}
          </Field>
          <Field id="token-account-role" label="Role" errors={fields["serviceAccount.role"]}>
            {(d, inv) => (
              <select id="token-account-role" value={form.role} onChange={set("role")} className={INPUT_CLASS} aria-describedby={d} aria-invalid={inv}>
                {(["AGENT", "MANAGER", "ADMIN"] as const).map((role) => (
                  <option key={role} value={role}>
                    {ROLE_LABEL[role]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {form.role === "AGENT" && (
            <Field id="token-account-tier" label="Tier" errors={fields["serviceAccount.tier"]}>
              {(d, inv) => (
                <select id="token-account-tier" value={form.tier} onChange={set("tier")} className={INPUT_CLASS} aria-describedby={d} aria-invalid={inv}>
                  <option value="L1">L1</option>
                  <option value="L2">L2</option>
                  <option value="L3">L3</option>
                </select>
              )}
            </Field>
          )}
        </div>
      )}
      <Button type="submit" disabled={busy}>
        {busy ? "Creating…" : "Create token"}
      </Button>
    </form>
  );
}
