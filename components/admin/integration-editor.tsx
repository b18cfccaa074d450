"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, INPUT_CLASS } from "@/components/ui/field";
import { CustomerCombobox } from "@/components/tickets/customer-combobox";
import type { Impact } from "@/lib/db/generated/enums";
import type { IntegrationJson } from "@/lib/integrations/integration-json";
import { IMPACT_LABEL, URGENCY_LABEL } from "@/lib/labels";
import { SEVERITIES, type SeverityMap } from "@/lib/validation/integration";
import type { ActionOutcome } from "@/lib/http/run-action";
import { DeleteButton } from "./delete-button";

interface IntegrationForm {
  name: string;
  slug: string;
  category: string;
  categoryLabel: string;
  severityMap: SeverityMap;
  resolveOnResolved: boolean;
}

const LEVELS: Impact[] = ["HIGH", "MEDIUM", "LOW"];

const formOf = (i: IntegrationJson): IntegrationForm => ({
  name: i.name,
  slug: i.slug,
  category: i.category.slug,
  categoryLabel: i.categoryLabel ?? "",
  severityMap: i.severityMap,
  resolveOnResolved: i.resolveOnResolved,
});

/**
 * One Alertmanager integration: name, slug (in the endpoint URL), the customer incidents are opened for, their
 * category (or the one an alert label names), severity → impact/urgency, auto-resolve; with Switch off for
 * admins. Without `integration` it is the "New integration" form.
 */
export function IntegrationEditor({
  integration,
  categories,
  defaultSeverityMap,
  siteUrl,
  canWrite,
  onSave,
  onDeactivate,
  onReactivate,
}: {
  integration?: IntegrationJson;
  categories: { slug: string; name: string }[];
  defaultSeverityMap: SeverityMap;
  siteUrl: string;
  canWrite: boolean;
  onSave: (input: unknown) => Promise<ActionOutcome<unknown>>;
  onDeactivate?: () => Promise<ActionOutcome<unknown>>;
  onReactivate?: () => Promise<ActionOutcome<unknown>>;
}) {
  const creating = !integration;
  const blank: IntegrationForm = { name: "", slug: "", category: categories[0]?.slug ?? "", categoryLabel: "", severityMap: defaultSeverityMap, resolveOnResolved: true };
  const [value, setValue] = useState<IntegrationForm>(integration ? formOf(integration) : blank);
  const [result, setResult] = useState<ActionOutcome<unknown> | null>(null);
  const [busy, setBusy] = useState(false);
  const [resetKey, setResetKey] = useState(0);
  const fields = result && !result.ok ? (result.fields ?? {}) : {};
  const id = (f: string) => `integration-${integration?.id ?? "new"}-${f}`;
  const set = (field: "name" | "slug" | "category" | "categoryLabel") => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => setValue({ ...value, [field]: e.target.value });
  const setLevel = (severity: (typeof SEVERITIES)[number], axis: "impact" | "urgency") => (e: React.ChangeEvent<HTMLSelectElement>) =>
    setValue({ ...value, severityMap: { ...value.severityMap, [severity]: { ...value.severityMap[severity], [axis]: e.target.value } } });
  const endpoint = `${siteUrl}/api/v1/integrations/alertmanager?integration=${value.slug ? encodeURIComponent(value.slug) : "<slug>"}`;

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    const customer = String(new FormData(event.currentTarget).get(id("customer")) ?? "");
    const outcome = await onSave({ ...value, customer });
    setBusy(false);
    setResult(outcome);
    if (outcome.ok && creating) {
      setValue(blank);
      setResetKey((k) => k + 1);
    }
  }

  async function act(verb: () => Promise<ActionOutcome<unknown>>) {
    setBusy(true);
    setResult(await verb());
    setBusy(false);
  }

  return (
    <form onSubmit={submit} noValidate aria-label={creating ? "New integration" : `Integration ${integration.name}`} className="min-w-0 space-y-3">
      {result && (
        <p role={result.ok ? "status" : "alert"} className={`text-sm wrap-anywhere ${result.ok ? "text-green-900" : "text-red-800"}`}>
          {result.message}
        </p>
      )}
      <fieldset disabled={!canWrite} className="grid min-w-0 gap-3 sm:grid-cols-2">
        <Field id={id("name")} label="Name" errors={fields.name}>
          {(d, inv) => <input id={id("name")} value={value.name} onChange={set("name")} className={INPUT_CLASS} aria-describedby={d} aria-invalid={inv} />}
        </Field>
        <Field id={id("slug")} label="Slug" hint="Lowercase letters, digits and hyphens: it names the integration in the URL." errors={fields.slug}>
          {(d, inv) => <input id={id("slug")} value={value.slug} onChange={set("slug")} className={`${INPUT_CLASS} font-mono`} aria-describedby={d} aria-invalid={inv} />}
        </Field>
        <Field id={id("customer")} label="Customer incidents are opened for" hint="An active customer: type part of their user ID, name or organization." errors={fields.customer}>
          {(d, inv) => (
            <CustomerCombobox
              key={resetKey}
              name={id("customer")}
              initial={integration ? { userId: integration.customer.userId, name: integration.customer.name, email: null, organization: null } : null}
              describedBy={d}
              invalid={inv}
            />
          )}
        </Field>
        <Field id={id("category")} label="Category" errors={fields.category}>
          {(d, inv) => (
            <select id={id("category")} value={value.category} onChange={set("category")} className={INPUT_CLASS} aria-describedby={d} aria-invalid={inv}>
              {categories.map((c) => (
                <option key={c.slug} value={c.slug}>
                  {c.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id={id("categoryLabel")} label="Category label (optional)" hint="An alert label whose value is a category's slug, e.g. tierdesk_category; otherwise the category above." errors={fields.categoryLabel}>
          {(d, inv) => <input id={id("categoryLabel")} value={value.categoryLabel} onChange={set("categoryLabel")} className={`${INPUT_CLASS} font-mono`} aria-describedby={d} aria-invalid={inv} />}
        </Field>
        <div className="flex items-start gap-2 self-end pb-2">
          <input
            id={id("resolve")}
            type="checkbox"
            checked={value.resolveOnResolved}
            onChange={(e) => setValue({ ...value, resolveOnResolved: e.target.checked })}
            className="mt-1 size-4"
          />
          <label htmlFor={id("resolve")} className="text-sm text-slate-800">
            Resolve the incident when the alert resolves (its owner is told either way)
          </label>
        </div>
        <fieldset className="min-w-0 sm:col-span-2">
          <legend className="text-sm font-medium text-slate-800">Severity label → impact and urgency</legend>
          <p className="text-xs text-slate-600">Another severity (or none) takes the category&apos;s defaults.</p>
          <div className="mt-2 grid min-w-0 gap-2 sm:grid-cols-3">
            {SEVERITIES.map((severity) => (
              <div key={severity} className="min-w-0 rounded border border-slate-200 p-2">
                <p className="font-mono text-sm text-slate-900">{severity}</p>
                <div className="mt-1 grid grid-cols-2 gap-2">
                  {(["impact", "urgency"] as const).map((axis) => (
                    <label key={axis} className="min-w-0 text-xs text-slate-700">
                      {axis === "impact" ? "Impact" : "Urgency"}
                      <select
                        aria-label={`${severity} ${axis}`}
                        value={value.severityMap[severity][axis]}
                        onChange={setLevel(severity, axis)}
                        className={INPUT_CLASS}
                      >
                        {LEVELS.map((level) => (
                          <option key={level} value={level}>
                            {(axis === "impact" ? IMPACT_LABEL : URGENCY_LABEL)[level]}
                          </option>
                        ))}
                      </select>
                    </label>
                  ))}
                </div>
              </div>
            ))}
          </div>
        </fieldset>
      </fieldset>
      <div className="min-w-0 space-y-1">
        <p className="text-sm font-medium text-slate-800">Endpoint URL for alertmanager.yml</p>
        <code data-endpoint className="block rounded bg-slate-100 px-2 py-1 font-mono text-xs break-all text-slate-900">
          {endpoint}
        </code>
      </div>
      {canWrite && (
        <div className="flex flex-wrap gap-2">
          <Button type="submit" variant={creating ? "primary" : "secondary"} disabled={busy}>
            {creating ? "Create integration" : "Save integration"}
          </Button>
          {onDeactivate && integration && (
            <DeleteButton
              what="this integration"
              verb="Switch off"
              consequence={`Alertmanager's posts to "${integration.slug}" are refused (404) from now on. Its incidents stay as they are; you can switch it back on.`}
              onDelete={onDeactivate}
            />
          )}
          {onReactivate && (
            <Button type="button" variant="secondary" disabled={busy} onClick={() => act(onReactivate)}>
              Switch on
            </Button>
          )}
        </div>
      )}
    </form>
  );
}
