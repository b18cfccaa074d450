"use client";

import { LEVEL_LABEL } from "@/lib/labels";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, INPUT_CLASS } from "@/components/ui/field";
import type { AdminCategoryView } from "@/lib/admin/list-admin-categories";
import type { ActionOutcome } from "@/lib/http/run-action";
import { DeleteButton } from "./delete-button";

const LEVELS = ["HIGH", "MEDIUM", "LOW"] as const;

const BLANK: AdminCategoryView = { slug: "", name: "", description: "", defaultImpact: "MEDIUM", defaultUrgency: "MEDIUM", sopArticle: "", l2Group: "" };

/**
 * One category: name, description, default impact and urgency, SOP article, L2 group; with Delete for
 * admins. Without `category` it is the "New category" form (with a slug, which never changes afterwards).
 */
export function CategoryEditor({
  category,
  sopArticles,
  l2Groups,
  canWrite,
  onSave,
  onDelete,
}: {
  category?: AdminCategoryView;
  sopArticles: { slug: string; title: string }[];
  l2Groups: { slug: string; name: string }[];
  canWrite: boolean;
  onSave: (input: unknown) => Promise<ActionOutcome<void>>;
  onDelete?: (slug: string) => Promise<ActionOutcome<unknown>>;
}) {
  const creating = !category;
  const [value, setValue] = useState(category ?? BLANK);
  const [result, setResult] = useState<ActionOutcome<void> | null>(null);
  const fields = result && !result.ok ? (result.fields ?? {}) : {};
  const key = category?.slug ?? "new";
  const id = (f: string) => `category-${key}-${f}`;
  const set = (field: keyof AdminCategoryView) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => setValue({ ...value, [field]: e.target.value });

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    const outcome = await onSave(value);
    setResult(outcome);
    if (outcome.ok && creating) setValue(BLANK);
  }

  const select = (field: "defaultImpact" | "defaultUrgency" | "sopArticle" | "l2Group", label: string, options: { value: string; label: string }[]) => (
    <Field id={id(field)} label={label} errors={fields[field]}>
      {(d, inv) => (
        <select id={id(field)} value={value[field]} onChange={set(field)} className={INPUT_CLASS} aria-describedby={d} aria-invalid={inv}>
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
    <form onSubmit={submit} noValidate aria-label={category ? `Category ${category.name}` : "New category"} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <h3 className="font-semibold wrap-anywhere text-slate-900">
        {category ? (
          <>
            {category.name} <span className="text-sm font-normal text-slate-600">({category.slug})</span>
          </>
        ) : (
          "New category"
        )}
      </h3>
      {result && (
        <p role={result.ok ? "status" : "alert"} className={`text-sm ${result.ok ? "text-green-900" : "text-red-800"}`}>
          {result.message}
        </p>
      )}
      <fieldset disabled={!canWrite} className="grid min-w-0 gap-3 sm:grid-cols-3">
        {creating && (
          <Field id={id("slug")} label="Slug" hint="e.g. hardware; it never changes." errors={fields.slug}>
            {(d, inv) => <input id={id("slug")} value={value.slug} onChange={set("slug")} className={INPUT_CLASS} aria-describedby={d} aria-invalid={inv} />}
          </Field>
        )}
        <Field id={id("name")} label="Name" errors={fields.name}>
          {(d, inv) => <input id={id("name")} value={value.name} onChange={set("name")} className={INPUT_CLASS} aria-describedby={d} aria-invalid={inv} />}
        </Field>
        <Field id={id("description")} label="Description" errors={fields.description}>
          {(d, inv) => <input id={id("description")} value={value.description} onChange={set("description")} className={INPUT_CLASS} aria-describedby={d} aria-invalid={inv} />}
        </Field>
        {select("defaultImpact", "Default impact", LEVELS.map((l) => ({ value: l, label: LEVEL_LABEL[l] })))}
        {select("defaultUrgency", "Default urgency", LEVELS.map((l) => ({ value: l, label: LEVEL_LABEL[l] })))}
        {select("sopArticle", "SOP article (for L1)", [{ value: "", label: "None" }, ...sopArticles.map((a) => ({ value: a.slug, label: a.title }))])}
        {select("l2Group", "L2 group", [{ value: "", label: "The default L2 group" }, ...l2Groups.map((g) => ({ value: g.slug, label: g.name }))])}
      </fieldset>
      {canWrite && (
        <div className="flex flex-wrap gap-2">
          <Button type="submit" variant={creating ? "primary" : "secondary"} className="max-w-full wrap-anywhere">
            {category ? `Save ${category.name}` : "Create category"}
          </Button>
          {category && onDelete && (
            <DeleteButton what={`category ${category.name}`} consequence="Its articles stay, without a category. A category tickets are filed under cannot be deleted." onDelete={() => onDelete(category.slug)} />
          )}
        </div>
      )}
    </form>
  );
}
