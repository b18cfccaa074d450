import { db } from "@/lib/db/client";
import { excerptOf, type ArticleSummary } from "./article-json";

export interface CategoryArticles {
  category: { slug: string; name: string };
  articles: ArticleSummary[];
}

const POPULAR_WINDOW_DAYS = 90;

/**
 * The customer articles of the categories customers open most tickets in (the last 90 days), most
 * popular first; categories without a customer article are left out, ties go by name.
 */
export async function listPopularCategoryArticles(categoryCount = 4, now = new Date()): Promise<CategoryArticles[]> {
  const since = new Date(now.getTime() - POPULAR_WINDOW_DAYS * 86_400_000);
  const [counts, categories] = await Promise.all([
    db().ticket.groupBy({ by: ["categoryId"], where: { createdAt: { gte: since } }, _count: { _all: true } }),
    db().category.findMany({
      where: { articles: { some: { audience: "CUSTOMER", published: true } } },
      select: {
        id: true,
        slug: true,
        name: true,
        articles: { where: { audience: "CUSTOMER", published: true }, orderBy: { title: "asc" }, select: { slug: true, title: true, body: true } },
      },
    }),
  ]);
  const ticketsIn = new Map(counts.map((c) => [c.categoryId, c._count._all]));
  return categories
    .sort((a, b) => (ticketsIn.get(b.id) ?? 0) - (ticketsIn.get(a.id) ?? 0) || a.name.localeCompare(b.name))
    .slice(0, categoryCount)
    .map((c) => ({
      category: { slug: c.slug, name: c.name },
      articles: c.articles.map((a) => ({ slug: a.slug, title: a.title, excerpt: excerptOf(a.body), category: { slug: c.slug, name: c.name } })),
    }));
}
