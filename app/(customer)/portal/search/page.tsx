import type { Metadata } from "next";
import Link from "next/link";
import { ArticleList } from "@/components/portal/article-list";
import { ArticleSearchForm } from "@/components/portal/article-search-form";
import { requirePageActor } from "@/lib/auth/page-guard";
import { searchCustomerArticles } from "@/lib/kb/search-articles";
import { AppError } from "@/lib/errors";
import { SEARCH_QUERY_MAX } from "@/lib/validation/kb";

export const metadata: Metadata = { title: "Search help articles" };

function noArticlesForInvalidQuery(error: unknown): [] {
  if (error instanceof AppError && error.code === "VALIDATION") return [];
  throw error;
}

export default async function PortalSearchPage({ searchParams }: PageProps<"/portal/search">) {
  await requirePageActor(["CUSTOMER"]);
  const raw = (await searchParams).q;
  const query = ((Array.isArray(raw) ? raw[0] : raw) ?? "").trim().slice(0, SEARCH_QUERY_MAX);
  // Text the search refuses (a NUL byte) finds nothing, as a search for nothing would.
  const articles = query ? await searchCustomerArticles({ q: query, limit: 20 }).catch(noArticlesForInvalidQuery) : [];
  return (
    <section aria-labelledby="search-heading" className="space-y-4">
      <h1 id="search-heading" className="text-xl font-bold">
        Search help articles
      </h1>
      <ArticleSearchForm query={query} maxLength={SEARCH_QUERY_MAX} />
      {query && (
        <p role="status" className="text-sm text-slate-700">
          {articles.length === 0 ? `No article matches “${query}”.` : `${articles.length} article${articles.length === 1 ? "" : "s"} for “${query}”.`}
        </p>
      )}
      {articles.length > 0 && <ArticleList articles={articles} query={query} />}
      <p className="text-sm text-slate-700">
        Not answered? <Link href="/portal#new-ticket-heading" className="text-indigo-800 underline">Open a ticket</Link>.
      </p>
    </section>
  );
}
