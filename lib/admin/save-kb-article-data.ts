import type { Transaction } from "@/lib/db/client";
import { invalid } from "@/lib/errors";
import type { KbArticleInput } from "@/lib/validation/kb-article";

/** The columns an article input writes, with its category slug resolved (400 when unknown). */
export async function kbArticleData(tx: Transaction, data: KbArticleInput) {
  const category = data.category ? await tx.category.findUnique({ where: { slug: data.category }, select: { id: true } }) : null;
  if (data.category && !category) throw invalid({ category: ["No category with that slug."] });
  return { title: data.title, body: data.body, audience: data.audience, published: data.published, categoryId: category?.id ?? null };
}
