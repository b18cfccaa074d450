import { db } from "@/lib/db/client";
import { parseInput } from "@/lib/validation/parse";
import type { VerbInput } from "@/lib/validation/unchecked";
import { ZArticleSearch } from "@/lib/validation/kb";
import { excerptOf, type ArticleSummary } from "./article-json";
import { prefixTsQuery } from "./search-query";

/**
 * Published customer articles matching `q`, best first (PostgreSQL full text over title and body, on the
 * GIN-indexed search vector). Articles for agents (SOPs) never match: the audience is in the where clause.
 */
export async function searchCustomerArticles(input: VerbInput<typeof ZArticleSearch>): Promise<ArticleSummary[]> {
  const { q, limit } = parseInput(ZArticleSearch, input);
  const query = prefixTsQuery(q);
  if (!query) return [];
  const rows = await db().$queryRaw<{ slug: string; title: string; body: string; categorySlug: string | null; categoryName: string | null }[]>`
    SELECT a."slug", a."title", a."body", c."slug" AS "categorySlug", c."name" AS "categoryName"
    FROM "KbArticle" a
    LEFT JOIN "Category" c ON c."id" = a."categoryId"
    CROSS JOIN to_tsquery('english', ${query}) AS q
    WHERE a."audience" = 'CUSTOMER' AND a."published" AND a."searchVector" @@ q
    ORDER BY ts_rank(a."searchVector", q) DESC, a."title"
    LIMIT ${limit}`;
  return rows.map((r) => ({
    slug: r.slug,
    title: r.title,
    excerpt: excerptOf(r.body),
    category: r.categorySlug ? { slug: r.categorySlug, name: r.categoryName ?? r.categorySlug } : null,
  }));
}
