"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Field, INPUT_CLASS } from "@/components/ui/field";
import { Markdown } from "@/components/ui/markdown";
import type { KbArticleView } from "@/lib/admin/kb-article-json";
import type { ActionOutcome } from "@/lib/http/run-action";

const BLANK = { slug: "", title: "", body: "", audience: "CUSTOMER" as const, category: null, published: true };

/** A KB article: Markdown with a live preview (rendered sanitized), audience, category, published. */
export function KbArticleEditor({
  mode,
  initial,
  categories,
  canWrite,
  onSave,
}: {
  mode: "create" | "update";
  initial?: Omit<KbArticleView, "updatedAt">;
  categories: { slug: string; name: string }[];
  canWrite: boolean;
  onSave: (input: unknown) => Promise<ActionOutcome<string>>;
}) {
  const router = useRouter();
  const [article, setArticle] = useState<Omit<KbArticleView, "updatedAt">>(initial ?? BLANK);
  const [result, setResult] = useState<ActionOutcome<string> | null>(null);
  const [busy, setBusy] = useState(false);
  const fields = result && !result.ok ? (result.fields ?? {}) : {};

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setBusy(true);
    const outcome = await onSave({ ...article, category: article.category ?? "" });
    setResult(outcome);
    setBusy(false);
    if (outcome.ok && mode === "create") router.push(`/admin/kb/${outcome.data}`);
  }

  return (
    <form onSubmit={submit} noValidate aria-label="Article" className="space-y-4 rounded-lg border border-slate-200 bg-white p-4">
      {result && (
        <p role={result.ok ? "status" : "alert"} className={`rounded-md border px-3 py-2 text-sm ${result.ok ? "border-green-200 bg-green-50 text-green-900" : "border-red-200 bg-red-50 text-red-800"}`}>
          {result.message}
        </p>
      )}
      <fieldset disabled={!canWrite} className="min-w-0 space-y-4">
        <div className="grid gap-3 sm:grid-cols-2">
          <Field id="kb-title" label="Title" errors={fields.title}>
            {(d, inv) => <input id="kb-title" value={article.title} onChange={(e) => setArticle({ ...article, title: e.target.value })} className={INPUT_CLASS} aria-describedby={d} aria-invalid={inv} />}
          </Field>
          <Field id="kb-slug" label="Slug" hint={mode === "update" ? "The slug does not change." : "In the article's address, e.g. reset-vpn."} errors={fields.slug}>
            {(d, inv) => <input id="kb-slug" value={article.slug} readOnly={mode === "update"} onChange={(e) => setArticle({ ...article, slug: e.target.value })} className={INPUT_CLASS} aria-describedby={d} aria-invalid={inv} />}
          </Field>
          <Field id="kb-audience" label="Audience" errors={fields.audience}>
            {(d, inv) => (
              <select id="kb-audience" value={article.audience} onChange={(e) => setArticle({ ...article, audience: e.target.value as "CUSTOMER" | "AGENT" })} className={INPUT_CLASS} aria-describedby={d} aria-invalid={inv}>
                <option value="CUSTOMER">Customers (self-service)</option>
                <option value="AGENT">Agents (SOPs and notes)</option>
              </select>
            )}
          </Field>
          <Field id="kb-category" label="Category" errors={fields.category}>
            {(d, inv) => (
              <select id="kb-category" value={article.category ?? ""} onChange={(e) => setArticle({ ...article, category: e.target.value || null })} className={INPUT_CLASS} aria-describedby={d} aria-invalid={inv}>
                <option value="">None</option>
                {categories.map((c) => (
                  <option key={c.slug} value={c.slug}>
                    {c.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <label className="inline-flex items-center gap-2 text-sm">
          <input type="checkbox" checked={article.published} onChange={(e) => setArticle({ ...article, published: e.target.checked })} />
          Published
        </label>
        <div className="grid gap-4 lg:grid-cols-2">
          <Field
            id="kb-body"
            label="Body (Markdown)"
            hint="For an SOP: write each step as a task-list item, “- [ ] Check the status page.”; end a step with “(required)” and L1 cannot escalate to L2 until it is ticked (or overridden with a reason)."
            errors={fields.body}
          >
            {(d, inv) => <textarea id="kb-body" rows={18} value={article.body} onChange={(e) => setArticle({ ...article, body: e.target.value })} className={`${INPUT_CLASS} font-mono`} aria-describedby={d} aria-invalid={inv} />}
          </Field>
          <section aria-label="Preview" className="min-w-0 rounded-md border border-slate-200 bg-slate-50 p-3">
            <h2 className="mb-2 text-sm font-medium text-slate-800">Preview</h2>
            <Markdown>{article.body || "_Nothing to preview yet._"}</Markdown>
          </section>
        </div>
      </fieldset>
      {canWrite && (
        <Button type="submit" disabled={busy}>
          {busy ? "Saving…" : mode === "create" ? "Create article" : "Save article"}
        </Button>
      )}
    </form>
  );
}
