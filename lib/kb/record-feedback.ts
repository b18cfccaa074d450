import { randomUUID } from "node:crypto";
import type { Actor } from "@/lib/actor";
import { db } from "@/lib/db/client";
import { forbidden } from "@/lib/errors";
import { can } from "@/lib/permissions";
import { parseInput } from "@/lib/validation/parse";
import type { VerbInput } from "@/lib/validation/unchecked";
import { ZArticleFeedback } from "@/lib/validation/kb";
import { getCustomerArticle } from "./get-article";

/**
 * An answer to "Was this helpful?" under a customer article: one per person and article, so a repeat
 * replaces the answer and its time. One statement, so concurrent repeats leave one row.
 */
export async function recordArticleFeedback(actor: Actor, slug: string, input: VerbInput<typeof ZArticleFeedback>, now = new Date()): Promise<{ helpful: boolean }> {
  if (!can(actor, "kb:feedback")) throw forbidden();
  const { helpful } = parseInput(ZArticleFeedback, input);
  const article = await getCustomerArticle(slug);
  await db().$executeRaw`
    INSERT INTO "ArticleFeedback" ("id", "articleId", "userId", "helpful", "createdAt")
    VALUES (${randomUUID()}, ${article.id}, ${actor.id}, ${helpful}, ${now})
    ON CONFLICT ("userId", "articleId") DO UPDATE SET "helpful" = EXCLUDED."helpful", "createdAt" = EXCLUDED."createdAt"`;
  return { helpful };
}
