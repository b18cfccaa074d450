import { randomUUID } from "node:crypto";
import type { Actor } from "@/lib/actor";
import { db } from "@/lib/db/client";
import { forbidden } from "@/lib/errors";
import { can } from "@/lib/permissions";
import { parseInput } from "@/lib/validation/parse";
import type { VerbInput } from "@/lib/validation/unchecked";
import { ZRecordDeflection } from "@/lib/validation/kb";
import { getCustomerArticle } from "./get-article";

/**
 * "This solved it": a customer's contact answered by an article, so no ticket. Counted for managers, once
 * per customer and article: a repeat replaces the query and time. One statement, so concurrent repeats leave one row.
 */
export async function recordDeflection(actor: Actor, slug: string, input: VerbInput<typeof ZRecordDeflection>, now = new Date()): Promise<{ recordedAt: string }> {
  if (!can(actor, "kb:deflect")) throw forbidden("Only customers can tell that an article solved their problem.");
  const { query } = parseInput(ZRecordDeflection, input);
  const article = await getCustomerArticle(slug);
  await db().$executeRaw`
    INSERT INTO "Deflection" ("id", "customerId", "articleId", "query", "createdAt")
    VALUES (${randomUUID()}, ${actor.id}, ${article.id}, ${query || null}, ${now})
    ON CONFLICT ("customerId", "articleId") DO UPDATE SET "query" = EXCLUDED."query", "createdAt" = EXCLUDED."createdAt"`;
  return { recordedAt: now.toISOString() };
}
