import type { ArticleAudience } from "@/lib/db/generated/enums";

export interface KbArticleView {
  slug: string;
  title: string;
  body: string;
  audience: ArticleAudience;
  category: string | null;
  published: boolean;
  updatedAt: string;
}

export const KB_ARTICLE_SELECT = { id: true, slug: true, title: true, body: true, audience: true, published: true, updatedAt: true, category: { select: { slug: true } } } as const;

export function kbArticleView(row: { slug: string; title: string; body: string; audience: ArticleAudience; published: boolean; updatedAt: Date; category: { slug: string } | null }): KbArticleView {
  return { slug: row.slug, title: row.title, body: row.body, audience: row.audience, category: row.category?.slug ?? null, published: row.published, updatedAt: row.updatedAt.toISOString() };
}

/** What the audit trail keeps of an article (the whole body, so a change can be read back). */
export function auditedArticle(a: KbArticleView): Omit<KbArticleView, "updatedAt"> {
  return { slug: a.slug, title: a.title, body: a.body, audience: a.audience, category: a.category, published: a.published };
}
