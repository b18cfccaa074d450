import { db } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { ZArticleSlug } from "@/lib/validation/kb";

export interface CustomerArticle {
  id: string;
  slug: string;
  title: string;
  /** Markdown: render it with components/ui/markdown (sanitized). */
  body: string;
  updatedAt: string;
  category: { slug: string; name: string } | null;
}

/** A published customer article by slug. An agent article (SOP) or a draft is "not found", like a missing one. */
export async function getCustomerArticle(slug: string): Promise<CustomerArticle> {
  const parsed = ZArticleSlug.safeParse(slug);
  const row = parsed.success
    ? await db().kbArticle.findFirst({
        where: { slug: parsed.data, audience: "CUSTOMER", published: true },
        select: { id: true, slug: true, title: true, body: true, updatedAt: true, category: { select: { slug: true, name: true } } },
      })
    : null;
  if (!row) throw notFound("Article");
  return { ...row, updatedAt: row.updatedAt.toISOString() };
}
