import type { Transaction } from "@/lib/db/client";
import { invalid } from "@/lib/errors";
import type { UpdateCategoryInput } from "@/lib/validation/admin-catalog";

/**
 * The SOP article (an agent article no other category uses) and L2 group (an L2 group) a category input
 * names, as ids; 400 with the fields at fault otherwise. `categoryId` is the category being edited (null: a new one).
 */
export async function resolveCategoryLinks(tx: Transaction, data: Pick<UpdateCategoryInput, "sopArticle" | "l2Group">, categoryId: string | null) {
  const sop = data.sopArticle ? await tx.kbArticle.findUnique({ where: { slug: data.sopArticle }, select: { id: true, audience: true, sopFor: { select: { id: true } } } }) : null;
  const group = data.l2Group ? await tx.supportGroup.findUnique({ where: { slug: data.l2Group }, select: { id: true, tier: true } }) : null;
  const fields: Record<string, string[]> = {};
  if (data.sopArticle && (!sop || sop.audience !== "AGENT")) fields.sopArticle = ["Choose an article written for agents."];
  else if (sop?.sopFor && sop.sopFor.id !== categoryId) fields.sopArticle = ["That article is already another category's SOP."];
  if (data.l2Group && (!group || group.tier !== "L2")) fields.l2Group = ["Choose an L2 group."];
  if (Object.keys(fields).length) throw invalid(fields);
  return { sopArticleId: sop?.id ?? null, l2GroupId: group?.id ?? null };
}
