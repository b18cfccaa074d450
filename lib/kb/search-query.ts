/** At most this many words of a query are searched for. */
const MAX_TERMS = 8;

/**
 * A to_tsquery text from what a customer typed: each word as a prefix ("expo" finds "export"), any of
 * them may match (ranking puts articles matching more of them first). Only letters and digits pass, so
 * no tsquery operator a customer types can change the query. Empty when there is nothing to search.
 */
export function prefixTsQuery(text: string): string {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return [...new Set(words)]
    .slice(0, MAX_TERMS)
    .map((word) => `${word}:*`)
    .join(" | ");
}
