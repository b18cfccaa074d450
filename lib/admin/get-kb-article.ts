import type { Actor } from "@/lib/actor";
import { db } from "@/lib/db/client";
import { ZArticleSlug } from "@/lib/validation/kb";
import { requireAdminRead } from "./authorize";
import { KB_ARTICLE_SELECT, kbArticleView, type KbArticleView } from "./kb-article-json";

/** One article by slug, or null (admins and managers). A malformed slug (from the URL) names none. */
export async function getKbArticle(actor: Actor, slug: string): Promise<KbArticleView | null> {
  requireAdminRead(actor);
  const parsed = ZArticleSlug.safeParse(slug);
  if (!parsed.success) return null;
  const row = await db().kbArticle.findUnique({ where: { slug: parsed.data }, select: KB_ARTICLE_SELECT });
  return row ? kbArticleView(row) : null;
}
