import type { Actor } from "@/lib/actor";
import { db } from "@/lib/db/client";
import { requireAdminRead } from "./authorize";
import { KB_ARTICLE_SELECT, kbArticleView, type KbArticleView } from "./kb-article-json";

/** One article by slug, or null (admins and managers). */
export async function getKbArticle(actor: Actor, slug: string): Promise<KbArticleView | null> {
  requireAdminRead(actor);
  const row = await db().kbArticle.findUnique({ where: { slug }, select: KB_ARTICLE_SELECT });
  return row ? kbArticleView(row) : null;
}
