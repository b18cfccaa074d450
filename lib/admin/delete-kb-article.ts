import type { Actor } from "@/lib/actor";
import { db } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors";
import { ZSlugRef } from "@/lib/validation/admin-catalog";
import { parseInput } from "@/lib/validation/parse";
import type { VerbInput } from "@/lib/validation/unchecked";
import { requireAdminWrite } from "./authorize";
import { articleDeletionBlockers, deletionRefusal } from "./deletion-blockers";
import { auditedArticle, KB_ARTICLE_SELECT, kbArticleView } from "./kb-article-json";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";

/**
 * Deletes a KB article (admins). Refused with 409, changing nothing, while it is a category's SOP (named)
 * or while deflections or feedback answers counted in the self-service figures point at it: those rows
 * are neither cascaded nor detached, so figures already reported never change. Unpublish such an article instead.
 */
export async function deleteKbArticle(actor: Actor, input: VerbInput<typeof ZSlugRef>): Promise<void> {
  requireAdminWrite(actor);
  const { slug } = parseInput(ZSlugRef, input);
  await db().$transaction(async (tx) => {
    // The row lock makes a deflection, a feedback answer or a category pointing at the article wait for us.
    const [locked] = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "KbArticle" WHERE "slug" = ${slug} FOR UPDATE`;
    if (!locked) throw notFound("Article");
    const row = await tx.kbArticle.findUniqueOrThrow({ where: { id: locked.id }, select: { ...KB_ARTICLE_SELECT, sopFor: { select: { slug: true } }, _count: { select: { deflections: true, feedback: true } } } });
    const blockers = articleDeletionBlockers({ sopFor: row.sopFor?.slug ?? null, deflections: row._count.deflections, feedback: row._count.feedback });
    if (blockers.length) throw new AppError("CONFLICT", deletionRefusal(`Article ${slug}`, blockers));
    await tx.kbArticle.delete({ where: { id: locked.id } });
    await recordAuditEvent(tx, actor, { entity: "KbArticle", entityId: locked.id, action: "delete", before: auditedArticle(kbArticleView(row)), after: null });
  });
}
