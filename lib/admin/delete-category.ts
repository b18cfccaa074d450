import type { Actor } from "@/lib/actor";
import { db } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors";
import { ZSlugRef } from "@/lib/validation/admin-catalog";
import { parseInput } from "@/lib/validation/parse";
import type { VerbInput } from "@/lib/validation/unchecked";
import { requireAdminWrite } from "./authorize";
import { categoryDeletionBlockers, deletionRefusal } from "./deletion-blockers";
import { adminCategoryView, CATEGORY_SELECT } from "./list-admin-categories";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";

/**
 * Deletes a category no ticket is filed under (admins); otherwise 409 and nothing changes. Its articles
 * stay, without a category (the audit event lists them); its SOP article stays too, free for another category.
 */
export async function deleteCategory(actor: Actor, input: VerbInput<typeof ZSlugRef>): Promise<void> {
  requireAdminWrite(actor);
  const { slug } = parseInput(ZSlugRef, input);
  await db().$transaction(async (tx) => {
    // The row lock makes a ticket being filed under the category wait for us (and then fail), not slip in.
    const [locked] = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Category" WHERE "slug" = ${slug} FOR UPDATE`;
    if (!locked) throw notFound("Category");
    const category = adminCategoryView(await tx.category.findUniqueOrThrow({ where: { id: locked.id }, select: CATEGORY_SELECT }));
    const blockers = categoryDeletionBlockers({ tickets: await tx.ticket.count({ where: { categoryId: locked.id } }) });
    if (blockers.length) throw new AppError("CONFLICT", deletionRefusal(`Category ${slug}`, blockers));
    const articles = await tx.kbArticle.findMany({ where: { categoryId: locked.id }, select: { slug: true }, orderBy: { slug: "asc" } });
    await tx.category.delete({ where: { id: locked.id } }); // its articles' category becomes null (ON DELETE SET NULL)
    await recordAuditEvent(tx, actor, { entity: "Category", entityId: locked.id, action: "delete", before: { ...category, articles: articles.map((a) => a.slug) }, after: null });
  });
}
