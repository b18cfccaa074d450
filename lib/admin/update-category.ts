import type { Actor } from "@/lib/actor";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { ZUpdateCategory } from "@/lib/validation/admin-catalog";
import { parseInput } from "@/lib/validation/parse";
import type { VerbInput } from "@/lib/validation/unchecked";
import { requireAdminWrite } from "./authorize";
import { adminCategoryView, CATEGORY_SELECT, type AdminCategoryView } from "./list-admin-categories";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { resolveCategoryLinks } from "./resolve-category-links";

/** Sets a category's name, defaults, SOP article (an agent article) and L2 group (an L2 group). */
export async function updateCategory(actor: Actor, input: VerbInput<typeof ZUpdateCategory>): Promise<AdminCategoryView> {
  requireAdminWrite(actor);
  const data = parseInput(ZUpdateCategory, input);
  return db().$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Category" WHERE "slug" = ${data.slug} FOR UPDATE`;
    if (!locked) throw notFound("Category");
    const before = adminCategoryView(await tx.category.findUniqueOrThrow({ where: { id: locked.id }, select: CATEGORY_SELECT }));
    const links = await resolveCategoryLinks(tx, data, locked.id);
    await tx.category.update({
      where: { id: locked.id },
      data: { name: data.name, description: data.description, defaultImpact: data.defaultImpact, defaultUrgency: data.defaultUrgency, ...links },
    });
    const after = adminCategoryView(await tx.category.findUniqueOrThrow({ where: { id: locked.id }, select: CATEGORY_SELECT }));
    await recordAuditEvent(tx, actor, { entity: "Category", entityId: locked.id, action: "update", before, after });
    return after;
  });
}
