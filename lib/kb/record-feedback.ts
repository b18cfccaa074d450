import type { Actor } from "@/lib/actor";
import { db } from "@/lib/db/client";
import { forbidden } from "@/lib/errors";
import { can } from "@/lib/permissions";
import { parseInput } from "@/lib/validation/parse";
import { ZArticleFeedback } from "@/lib/validation/kb";
import { getCustomerArticle } from "./get-article";

/** An answer to "Was this helpful?" under a customer article. */
export async function recordArticleFeedback(actor: Actor, slug: string, input: unknown, now = new Date()): Promise<{ helpful: boolean }> {
  if (!can(actor, "kb:feedback")) throw forbidden();
  const { helpful } = parseInput(ZArticleFeedback, input);
  const article = await getCustomerArticle(slug);
  await db().articleFeedback.create({ data: { articleId: article.id, userId: actor.id, helpful, createdAt: now } });
  return { helpful };
}
