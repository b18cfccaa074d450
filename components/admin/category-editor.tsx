"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, INPUT_CLASS } from "@/components/ui/field";
import type { AdminCategoryView } from "@/lib/admin/list-admin-categories";
import type { AdminActionResult } from "./admin-action-result";

const LEVELS = ["HIGH", "MEDIUM", "LOW"] as const;

/** One category: name, description, default impact and urgency, SOP article, L2 group. */
export function CategoryEditor({
  category,
  sopArticles,
  l2Groups,
  canWrite,
  onSave,
}: {
  category: AdminCategoryView;
  sopArticles: { slug: string; title: string }[];
  l2Groups: { slug: string; name: string }[];
  canWrite: boolean;
  onSave: (input: unknown) => Promise<AdminActionResult<void>>;
}) {
  const [value, setValue] = useState(category);
  const [result, setResult] = useState<AdminActionResult<void> | null>(null);
  const fields = result && !result.ok ? (result.fields ?? {}) : {};
  const id = (f: string) => `category-${category.slug}-${f}`;
  const set = (key: keyof AdminCategoryView) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => setValue({ ...value, [key]: e.target.value });

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setResult(await onSave(value));
  }

  const select = (key: "defaultImpact" | "defaultUrgency" | "sopArticle" | "l2Group", label: string, options: { value: string; label: string }[]) => (
    <Field id={id(key)} label={label} errors={fields[key]}>
      {(d, inv) => (
        <select id={id(key)} value={value[key]} onChange={set(key)} className={INPUT_CLASS} aria-describedby={d} aria-invalid={inv}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );

  return (
    <form onSubmit={submit} noValidate aria-label={`Category ${category.name}`} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <h3 className="font-semibold text-slate-900">
        {category.name} <span className="text-sm font-normal text-slate-600">({category.slug})</span>
      </h3>
      {result && (
        <p role={result.ok ? "status" : "alert"} className={`text-sm ${result.ok ? "text-green-900" : "text-red-800"}`}>
          {result.message}
        </p>
      )}
      <fieldset disabled={!canWrite} className="grid gap-3 sm:grid-cols-3">
        <Field id={id("name")} label="Name" errors={fields.name}>
          {(d, inv) => <input id={id("name")} value={value.name} onChange={set("name")} className={INPUT_CLASS} aria-describedby={d} aria-invalid={inv} />}
        </Field>
        <Field id={id("description")} label="Description" errors={fields.description}>
          {(d, inv) => <input id={id("description")} value={value.description} onChange={set("description")} className={INPUT_CLASS} aria-describedby={d} aria-invalid={inv} />}
        </Field>
        {select("defaultImpact", "Default impact", LEVELS.map((l) => ({ value: l, label: l.toLowerCase() })))}
        {select("defaultUrgency", "Default urgency", LEVELS.map((l) => ({ value: l, label: l.toLowerCase() })))}
        {select("sopArticle", "SOP article (for L1)", [{ value: "", label: "None" }, ...sopArticles.map((a) => ({ value: a.slug, label: a.title }))])}
        {select("l2Group", "L2 group", [{ value: "", label: "The default L2 group" }, ...l2Groups.map((g) => ({ value: g.slug, label: g.name }))])}
      </fieldset>
      {canWrite && (
        <Button type="submit" variant="secondary">
          Save {category.name}
        </Button>
      )}
    </form>
  );
}
