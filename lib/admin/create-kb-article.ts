import type { Actor } from "@/lib/actor";
import { db } from "@/lib/db/client";
import { invalid } from "@/lib/errors";
import { isUniqueConstraintViolation } from "@/lib/db/unique-violation";
import { ZKbArticle } from "@/lib/validation/kb-article";
import { parseInput } from "@/lib/validation/parse";
import type { VerbInput } from "@/lib/validation/unchecked";
import { requireAdminWrite } from "./authorize";
import { auditedArticle, KB_ARTICLE_SELECT, kbArticleView, type KbArticleView } from "./kb-article-json";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { kbArticleData } from "./save-kb-article-data";

export async function createKbArticle(actor: Actor, input: VerbInput<typeof ZKbArticle>): Promise<KbArticleView> {
  requireAdminWrite(actor);
  const data = parseInput(ZKbArticle, input);
  try {
    return await db().$transaction(async (tx) => {
      const row = await tx.kbArticle.create({ data: { slug: data.slug, ...(await kbArticleData(tx, data)) }, select: KB_ARTICLE_SELECT });
      const view = kbArticleView(row);
      await recordAuditEvent(tx, actor, { entity: "KbArticle", entityId: row.id, action: "create", before: null, after: auditedArticle(view) });
      return view;
    });
  } catch (error) {
    if (isUniqueConstraintViolation(error)) throw invalid({ slug: ["Another article has that slug."] });
    throw error;
  }
}
