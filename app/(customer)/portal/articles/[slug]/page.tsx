import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ArticleFeedback } from "@/components/portal/article-feedback";
import { Markdown } from "@/components/ui/markdown";
import { requirePageActor } from "@/lib/auth/page-guard";
import { AppError } from "@/lib/errors";
import { getCustomerArticle, type CustomerArticle } from "@/lib/kb/get-article";
import { SEARCH_QUERY_MAX } from "@/lib/validation/kb";
import { articleFeedbackAction } from "../../article-actions";

export const metadata: Metadata = { title: "Help article" };

/** The article, or the 404 page: agent articles (SOPs) do not exist for customers. */
async function articleOr404(slug: string): Promise<CustomerArticle> {
  try {
    return await getCustomerArticle(slug);
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}

export default async function PortalArticlePage({ params, searchParams }: PageProps<"/portal/articles/[slug]">) {
  await requirePageActor(["CUSTOMER"]);
  const article = await articleOr404((await params).slug);
  const raw = (await searchParams).q;
  const query = ((Array.isArray(raw) ? raw[0] : raw) ?? "").trim().slice(0, SEARCH_QUERY_MAX);
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href={query ? `/portal/search?q=${encodeURIComponent(query)}` : "/portal"} className="text-indigo-800 underline">
          {query ? "Back to the results" : "Back to the portal"}
        </Link>
      </p>
      <article aria-labelledby="article-title" className="rounded-lg border border-slate-200 bg-white p-5">
        {article.category && <p className="text-xs font-medium uppercase tracking-wide text-slate-600">{article.category.name}</p>}
        <h1 id="article-title" className="mb-3 text-xl font-bold">
          {article.title}
        </h1>
        <Markdown>{article.body}</Markdown>
      </article>
      <ArticleFeedback slug={article.slug} query={query} action={articleFeedbackAction} />
    </div>
  );
}
