import type { Actor } from "@/lib/actor";
import { db } from "@/lib/db/client";
import { forbidden } from "@/lib/errors";
import { can } from "@/lib/permissions";
import { parseInput } from "@/lib/validation/parse";
import { ZRecordDeflection } from "@/lib/validation/kb";
import { getCustomerArticle } from "./get-article";

/** "This solved it": a customer's contact answered by an article, so no ticket. Counted for managers. */
export async function recordDeflection(actor: Actor, slug: string, input: unknown, now = new Date()): Promise<{ recordedAt: string }> {
  if (!can(actor, "kb:deflect")) throw forbidden("Only customers can tell that an article solved their problem.");
  const { query } = parseInput(ZRecordDeflection, input);
  const article = await getCustomerArticle(slug);
  await db().deflection.create({ data: { customerId: actor.id, articleId: article.id, query: query || null, createdAt: now } });
  return { recordedAt: now.toISOString() };
}
