"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, INPUT_CLASS } from "@/components/ui/field";
import type { SupportGroupView } from "@/lib/admin/list-support-groups";
import type { ActionOutcome } from "@/lib/http/run-action";
import { DeleteButton } from "./delete-button";
import { VendorTargetsFields, vendorTargetRows, vendorTargetsInput } from "./vendor-targets-fields";

/**
 * One group: name, assignment mode, the calendar its tier budgets run on, L4 kind and vendor targets, members (agents
 * of its tier) and its leads among them, and Delete. Categories it takes are set on each category.
 */
export function GroupEditor({
  group,
  agents,
  calendars,
  canWrite,
  onSave,
  onDelete,
}: {
  group: SupportGroupView;
  agents: { userId: string; name: string }[];
  /** The calendars to choose from; none chosen: the priority matrix version's. */
  calendars: { slug: string; name: string }[];
  canWrite: boolean;
  onSave: (input: unknown) => Promise<ActionOutcome<void>>;
  onDelete?: (slug: string) => Promise<ActionOutcome<unknown>>;
}) {
  const [name, setName] = useState(group.name);
  const [mode, setMode] = useState(group.assignmentMode);
  const [kind, setKind] = useState(group.l4Kind ?? "");
  const [calendar, setCalendar] = useState(group.calendar ?? "");
  const [members, setMembers] = useState(group.members.map((m) => m.userId));
  const [leads, setLeads] = useState(group.members.filter((m) => m.isLead).map((m) => m.userId));
  const [vendorTargets, setVendorTargets] = useState(() => vendorTargetRows(group.vendorTargets));
  const savedLeads = group.members.filter((m) => m.isLead);
  const [result, setResult] = useState<ActionOutcome<void> | null>(null);
  const fields = result && !result.ok ? (result.fields ?? {}) : {};
  const id = (f: string) => `group-${group.slug}-${f}`;

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setResult(await onSave({ slug: group.slug, name, assignmentMode: mode, ...(group.tier === "L4" ? { l4Kind: kind } : {}), members, leads: leads.filter((l) => members.includes(l)), calendar: calendar || null,
      ...(group.tier === "L4" ? { vendorTargets: vendorTargetsInput(vendorTargets) } : {}) }));
  }

  return (
    <form onSubmit={submit} noValidate aria-label={`Group ${group.name}`} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <h2 className="text-lg font-semibold wrap-anywhere text-slate-900">
        {group.name} <span className="text-sm font-normal text-slate-600">({group.slug} · {group.tier})</span>
      </h2>
      {group.tier !== "L4" && (
        <p className="text-sm wrap-anywhere text-slate-700" data-leads={group.slug}>
          Leads: {savedLeads.length ? savedLeads.map((m) => m.name).join(", ") : "none (alerts reach the assignee and the managers only)"}
        </p>
      )}
      {result && (
        <p role={result.ok ? "status" : "alert"} className={`text-sm ${result.ok ? "text-green-900" : "text-red-800"}`}>
          {result.message}
        </p>
      )}
      <fieldset disabled={!canWrite} className="grid min-w-0 gap-3 sm:grid-cols-3">
        <Field id={id("name")} label="Name" errors={fields.name}>
          {(d, inv) => <input id={id("name")} value={name} onChange={(e) => setName(e.target.value)} className={INPUT_CLASS} aria-describedby={d} aria-invalid={inv} />}
        </Field>
        <Field id={id("mode")} label="Assignment" errors={fields.assignmentMode}>
          {(d, inv) => (
            <select id={id("mode")} value={mode} onChange={(e) => setMode(e.target.value as typeof mode)} className={INPUT_CLASS} aria-describedby={d} aria-invalid={inv}>
              <option value="AUTO">Automatic (least loaded)</option>
              <option value="PULL">Pull (agents claim)</option>
            </select>
          )}
        </Field>
        <Field id={id("calendar")} label="Calendar (tier budgets)" errors={fields.calendar}>
          {(d, inv) => (
            <select id={id("calendar")} value={calendar} onChange={(e) => setCalendar(e.target.value)} className={INPUT_CLASS} aria-describedby={d} aria-invalid={inv}>
              <option value="">Matrix default</option>
              {calendars.map((c) => (
                <option key={c.slug} value={c.slug}>
                  {c.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        {group.tier === "L4" ? (
          <Field id={id("kind")} label="L4 kind" errors={fields.l4Kind}>
            {(d, inv) => (
              <select id={id("kind")} value={kind} onChange={(e) => setKind(e.target.value as typeof kind)} className={INPUT_CLASS} aria-describedby={d} aria-invalid={inv}>
                <option value="VENDOR">Vendor</option>
                <option value="ENGINEERING">Engineering</option>
              </select>
            )}
          </Field>
        ) : (
          <fieldset className="text-sm">
            <legend className="font-medium text-slate-800">Members ({group.tier} agents) and leads</legend>
            {agents.map((a) => (
              <span key={a.userId} className="mr-3 inline-flex flex-wrap items-center gap-x-2">
                <label className="inline-flex items-center gap-1">
                  <input type="checkbox" checked={members.includes(a.userId)} onChange={(e) => setMembers(e.target.checked ? [...members, a.userId] : members.filter((m) => m !== a.userId))} />
                  <span className="wrap-anywhere">{a.name} ({a.userId})</span>
                </label>
                {members.includes(a.userId) && (
                  <label className="inline-flex items-center gap-1 text-slate-700">
                    <input type="checkbox" checked={leads.includes(a.userId)} onChange={(e) => setLeads(e.target.checked ? [...leads, a.userId] : leads.filter((l) => l !== a.userId))} />
                    Lead<span className="sr-only"> of {group.name}: {a.name}</span>
                  </label>
                )}
              </span>
            ))}
            {fields.members && <p className="text-red-700">{fields.members.join(" ")}</p>}
            {fields.leads && <p className="text-red-700">{fields.leads.join(" ")}</p>}
          </fieldset>
        )}
      </fieldset>
      {group.tier === "L4" && (
        <fieldset disabled={!canWrite} className="min-w-0">
          <VendorTargetsFields idPrefix={id("targets")} rows={vendorTargets} calendars={calendars} errors={fields} onChange={setVendorTargets} />
        </fieldset>
      )}
      {group.tier === "L2" && <p className="text-sm text-slate-700">Takes L1 escalations of: {group.categories.length ? group.categories.join(", ") : "categories without their own L2 group"}.</p>}
      {canWrite && (
        <div className="flex flex-wrap gap-2">
          <Button type="submit" variant="secondary" className="max-w-full wrap-anywhere">
            Save {group.name}
          </Button>
          {onDelete && (
            <DeleteButton
              what={`group ${group.name}`}
              consequence="A group that holds or held tickets, has members, is a category's L2 group or is one routing relies on cannot be deleted."
              onDelete={() => onDelete(group.slug)}
            />
          )}
        </div>
      )}
    </form>
  );
}
