import Link from "next/link";
import type { ArticleSummary } from "@/lib/kb/article-json";

/** Article links with their excerpt; `query` travels along so a "This solved it" knows what was searched. */
export function ArticleList({ articles, query }: { articles: ArticleSummary[]; query?: string }) {
  return (
    <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
      {articles.map((a) => (
        <li key={a.slug} className="p-4">
          <Link href={articleHref(a.slug, query)} className="font-medium text-indigo-800 underline">
            {a.title}
          </Link>
          {a.excerpt && <p className="mt-1 text-sm text-slate-700">{a.excerpt}</p>}
        </li>
      ))}
    </ul>
  );
}

export function articleHref(slug: string, query?: string): string {
  return `/portal/articles/${slug}${query ? `?q=${encodeURIComponent(query)}` : ""}`;
}
