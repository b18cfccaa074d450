import type { Actor } from "@/lib/actor";
import { db } from "@/lib/db/client";
import { invalid, notFound } from "@/lib/errors";
import { ZUpdateCategory } from "@/lib/validation/admin-catalog";
import { parseInput } from "@/lib/validation/parse";
import { requireAdminWrite } from "./authorize";
import { adminCategoryView, CATEGORY_SELECT, type AdminCategoryView } from "./list-admin-categories";
import { recordAuditEvent } from "./record-audit-event";

/** Sets a category's name, defaults, SOP article (an agent article) and L2 group (an L2 group). */
export async function updateCategory(actor: Actor, input: unknown): Promise<AdminCategoryView> {
  requireAdminWrite(actor);
  const data = parseInput(ZUpdateCategory, input);
  return db().$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Category" WHERE "slug" = ${data.slug} FOR UPDATE`;
    if (!locked) throw notFound("Category");
    const before = adminCategoryView(await tx.category.findUniqueOrThrow({ where: { id: locked.id }, select: CATEGORY_SELECT }));
    const sop = data.sopArticle ? await tx.kbArticle.findUnique({ where: { slug: data.sopArticle }, select: { id: true, audience: true, sopFor: { select: { id: true } } } }) : null;
    const group = data.l2Group ? await tx.supportGroup.findUnique({ where: { slug: data.l2Group }, select: { id: true, tier: true } }) : null;
    const fields: Record<string, string[]> = {};
    if (data.sopArticle && (!sop || sop.audience !== "AGENT")) fields.sopArticle = ["Choose an article written for agents."];
    else if (sop?.sopFor && sop.sopFor.id !== locked.id) fields.sopArticle = ["That article is already another category's SOP."];
    if (data.l2Group && (!group || group.tier !== "L2")) fields.l2Group = ["Choose an L2 group."];
    if (Object.keys(fields).length) throw invalid(fields);
    await tx.category.update({
      where: { id: locked.id },
      data: { name: data.name, description: data.description, defaultImpact: data.defaultImpact, defaultUrgency: data.defaultUrgency, sopArticleId: sop?.id ?? null, l2GroupId: group?.id ?? null },
    });
    const after = adminCategoryView(await tx.category.findUniqueOrThrow({ where: { id: locked.id }, select: CATEGORY_SELECT }));
    await recordAuditEvent(tx, actor, { entity: "Category", entityId: locked.id, action: "update", before, after });
    return after;
  });
}
