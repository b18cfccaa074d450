import { db } from "@/lib/db/client";
import type { MetricsRange } from "./period";

// Self-service deflections ("This solved it") and satisfaction ratings in a dashboard period. Both count
// over the whole help desk: a deflection has no ticket, so the category, organization and priority
// filters of the ticket figures do not apply to it; ratings follow the period they were given in.

export interface DeflectionFigures {
  deflections: number;
  /** Deflections per ticket opened plus deflections: the share of contacts self-service answered. */
  rate: number | null;
}

export interface SatisfactionFigures {
  average: number | null;
  /** Ratings 1–5 and how many tickets got each. */
  distribution: { rating: number; count: number }[];
}

export async function countDeflections(range: MetricsRange): Promise<number> {
  const [row] = await db().$queryRaw<[{ deflections: number }]>`
    SELECT count(*)::int AS "deflections" FROM "Deflection" WHERE "createdAt" >= ${range.from} AND "createdAt" < ${range.to}`;
  return row.deflections;
}

/** Pure: the deflections against every ticket opened in the period (whatever the filters: openedStatement). */
export function deflectionFigures(deflections: number, opened: number): DeflectionFigures {
  const contacts = deflections + opened;
  return { deflections, rate: contacts ? deflections / contacts : null };
}

export async function getSatisfaction(range: MetricsRange): Promise<SatisfactionFigures> {
  const rows = await db().$queryRaw<{ rating: number; count: number }[]>`
    SELECT "score" AS "rating", count(*)::int AS "count" FROM "TicketRating"
    WHERE "updatedAt" >= ${range.from} AND "updatedAt" < ${range.to}
    GROUP BY "score"`;
  const distribution = [1, 2, 3, 4, 5].map((rating) => ({ rating, count: rows.find((r) => r.rating === rating)?.count ?? 0 }));
  const total = distribution.reduce((sum, d) => sum + d.count, 0);
  return { average: total ? distribution.reduce((sum, d) => sum + d.rating * d.count, 0) / total : null, distribution };
}
