import type { Actor } from "@/lib/actor";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { ZKbArticle } from "@/lib/validation/kb-article";
import { parseInput } from "@/lib/validation/parse";
import type { VerbInput } from "@/lib/validation/unchecked";
import { requireAdminWrite } from "./authorize";
import { auditedArticle, KB_ARTICLE_SELECT, kbArticleView, type KbArticleView } from "./kb-article-json";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { kbArticleData } from "./save-kb-article-data";

/** Rewrites the article with this slug (the slug itself does not change). */
export async function updateKbArticle(actor: Actor, input: VerbInput<typeof ZKbArticle>): Promise<KbArticleView> {
  requireAdminWrite(actor);
  const data = parseInput(ZKbArticle, input);
  return db().$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "KbArticle" WHERE "slug" = ${data.slug} FOR UPDATE`;
    if (!locked) throw notFound("Article");
    const before = kbArticleView(await tx.kbArticle.findUniqueOrThrow({ where: { id: locked.id }, select: KB_ARTICLE_SELECT }));
    const row = await tx.kbArticle.update({ where: { id: locked.id }, data: await kbArticleData(tx, data), select: KB_ARTICLE_SELECT });
    const after = kbArticleView(row);
    await recordAuditEvent(tx, actor, { entity: "KbArticle", entityId: locked.id, action: "update", before: auditedArticle(before), after: auditedArticle(after) });
    return after;
  });
}
