import type { Actor } from "@/lib/actor";
import { db } from "@/lib/db/client";
import { requireAdminRead } from "./authorize";
import { KB_ARTICLE_SELECT, kbArticleView, type KbArticleView } from "./kb-article-json";

/** KB articles by audience and title, at most 500 (admins and managers). */
export async function listKbArticles(actor: Actor): Promise<KbArticleView[]> {
  requireAdminRead(actor);
  const rows = await db().kbArticle.findMany({ orderBy: [{ audience: "asc" }, { title: "asc" }], take: 500, select: KB_ARTICLE_SELECT });
  return rows.map(kbArticleView);
}
