import type { Actor } from "@/lib/actor";
import { db } from "@/lib/db/client";
import { invalid } from "@/lib/errors";
import { isUniqueConstraintViolation } from "@/lib/db/unique-violation";
import { ZCreateCategory } from "@/lib/validation/admin-catalog";
import { parseInput } from "@/lib/validation/parse";
import type { VerbInput } from "@/lib/validation/unchecked";
import { requireAdminWrite } from "./authorize";
import { adminCategoryView, CATEGORY_SELECT, type AdminCategoryView } from "./list-admin-categories";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { resolveCategoryLinks } from "./resolve-category-links";

/** Creates a category with its defaults, SOP article (an agent article) and L2 group (an L2 group, or the default). */
export async function createCategory(actor: Actor, input: VerbInput<typeof ZCreateCategory>): Promise<AdminCategoryView> {
  requireAdminWrite(actor);
  const data = parseInput(ZCreateCategory, input);
  try {
    return await db().$transaction(async (tx) => {
      const links = await resolveCategoryLinks(tx, data, null);
      const row = await tx.category.create({
        data: { slug: data.slug, name: data.name, description: data.description, defaultImpact: data.defaultImpact, defaultUrgency: data.defaultUrgency, ...links },
        select: CATEGORY_SELECT,
      });
      const view = adminCategoryView(row);
      await recordAuditEvent(tx, actor, { entity: "Category", entityId: row.id, action: "create", before: null, after: view });
      return view;
    });
  } catch (error) {
    // The slug is taken, or (a race) another category took the SOP article meanwhile.
    if (isUniqueConstraintViolation(error)) {
      const target = String((error as { meta?: { target?: unknown } }).meta?.target ?? "");
      throw invalid(target.includes("sopArticle") ? { sopArticle: ["That article is already another category's SOP."] } : { slug: ["Another category has that slug."] });
    }
    throw error;
  }
}
