import type { Metadata } from "next";
import { KbArticleEditor } from "@/components/admin/kb-article-editor";
import { requirePageActor } from "@/lib/auth/page-guard";
import { listCategories } from "@/lib/catalog/list-categories";
import { createKbArticleAction } from "../actions";

export const metadata: Metadata = { title: "New article" };

export default async function NewKbArticlePage() {
  await requirePageActor(["ADMIN"]);
  const categories = await listCategories();
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold text-slate-900">New article</h1>
      <KbArticleEditor mode="create" categories={categories.map((c) => ({ slug: c.slug, name: c.name }))} canWrite onSave={createKbArticleAction} />
    </div>
  );
}
