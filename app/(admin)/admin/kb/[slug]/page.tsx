import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DeleteKbArticleButton } from "@/components/admin/delete-kb-article-button";
import { KbArticleEditor } from "@/components/admin/kb-article-editor";
import { getKbArticle } from "@/lib/admin/get-kb-article";
import { requirePageActor } from "@/lib/auth/page-guard";
import { listCategories } from "@/lib/catalog/list-categories";
import { can } from "@/lib/permissions";
import { deleteKbArticleAction, updateKbArticleAction } from "../actions";

export const metadata: Metadata = { title: "Edit article" };

export default async function EditKbArticlePage({ params }: PageProps<"/admin/kb/[slug]">) {
  const actor = await requirePageActor(["ADMIN", "MANAGER"]);
  const { slug } = await params;
  const [article, categories] = await Promise.all([getKbArticle(actor, slug), listCategories()]);
  if (!article) notFound();
  const canWrite = can(actor, "admin:write");
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="min-w-0 text-2xl font-semibold wrap-anywhere text-slate-900">{article.title}</h1>
        {canWrite && <DeleteKbArticleButton slug={article.slug} onDelete={deleteKbArticleAction} />}
      </div>
      <KbArticleEditor mode="update" initial={article} categories={categories.map((c) => ({ slug: c.slug, name: c.name }))} canWrite={canWrite} onSave={updateKbArticleAction} />
    </div>
  );
}
