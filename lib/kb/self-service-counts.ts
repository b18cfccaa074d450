import type { Actor } from "@/lib/actor";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { forbidden } from "@/lib/errors";
import { parseInput } from "@/lib/validation/parse";
import type { VerbInput } from "@/lib/validation/unchecked";
import { ZSelfServiceCounts } from "@/lib/validation/kb";
import { can } from "@/lib/permissions";

export interface SelfServiceCount {
  /** Start of the period (UTC), ISO. */
  periodStart: string;
  article: { slug: string; title: string };
  /** Contacts the article answered ("This solved it"): tickets not opened. */
  deflections: number;
  helpful: number;
  notHelpful: number;
}

/**
 * Deflections and "Was this helpful?" answers per article and per day, week or month (UTC) in [from, to),
 * for the managers' dashboard. Periods and articles with nothing recorded are left out.
 */
export async function countSelfService(actor: Actor, input: VerbInput<typeof ZSelfServiceCounts>): Promise<SelfServiceCount[]> {
  if (!can(actor, "kb:stats")) throw forbidden("Only managers and admins see self-service figures.");
  const { from, to, period } = parseInput(ZSelfServiceCounts, input);
  const unit = Prisma.raw(`'${period}'`);
  const rows = await db().$queryRaw<{ periodStart: Date; slug: string; title: string; deflections: number; helpful: number; notHelpful: number }[]>`
    WITH events AS (
      SELECT "articleId", "createdAt", 1 AS deflection, 0 AS helpful, 0 AS not_helpful FROM "Deflection"
        WHERE "createdAt" >= ${from} AND "createdAt" < ${to}
      UNION ALL
      SELECT "articleId", "createdAt", 0, CASE WHEN "helpful" THEN 1 ELSE 0 END, CASE WHEN "helpful" THEN 0 ELSE 1 END FROM "ArticleFeedback"
        WHERE "createdAt" >= ${from} AND "createdAt" < ${to}
    )
    SELECT date_trunc(${unit}, e."createdAt") AS "periodStart", a."slug", a."title",
      sum(e.deflection)::int AS "deflections", sum(e.helpful)::int AS "helpful", sum(e.not_helpful)::int AS "notHelpful"
    FROM events e JOIN "KbArticle" a ON a."id" = e."articleId"
    GROUP BY 1, a."id", a."slug", a."title"
    ORDER BY 1, a."slug"`;
  return rows.map((r) => ({
    periodStart: r.periodStart.toISOString(),
    article: { slug: r.slug, title: r.title },
    deflections: r.deflections,
    helpful: r.helpful,
    notHelpful: r.notHelpful,
  }));
}
