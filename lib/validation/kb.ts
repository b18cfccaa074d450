import { z } from "zod";
import { storableString } from "./text";

export const SEARCH_QUERY_MAX = 200;

/** Article slugs as seeded and written by admins: lowercase words joined by "-". A malformed one finds nothing. */
export const ZArticleSlug = storableString().regex(/^[a-z0-9][a-z0-9-]{0,99}$/, "Not an article.");

export const ZArticleSearch = z.strictObject({
  q: storableString({ error: "Enter what you are looking for." }).trim().max(SEARCH_QUERY_MAX, `Keep the search within ${SEARCH_QUERY_MAX} characters.`),
  limit: z.coerce.number().int().min(1).max(20).default(5),
});
export type ArticleSearchInput = z.infer<typeof ZArticleSearch>;

export const ZArticleFeedback = z.strictObject({
  helpful: z.boolean({ error: "Answer yes or no." }),
});

export const ZRecordDeflection = z.strictObject({
  /** What the customer searched, or the ticket title they were typing. */
  query: storableString().trim().max(SEARCH_QUERY_MAX).optional(),
});

export const SELF_SERVICE_PERIODS = ["day", "week", "month"] as const;

/** A date (2026-11-01, midnight UTC) or a date and time with its offset. */
const instant = (error: string) =>
  z.union([z.iso.date(), z.iso.datetime({ offset: true })], { error }).transform((text) => new Date(text));

export const ZSelfServiceCounts = z.strictObject({
  from: instant("A start date, e.g. 2026-11-01."),
  to: instant("An end date (exclusive), e.g. 2026-12-01."),
  period: z.enum(SELF_SERVICE_PERIODS, { error: "day, week or month." }).default("day"),
});
