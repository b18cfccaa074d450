/** A customer article as lists show it: no body, a plain-text excerpt. */
export interface ArticleSummary {
  slug: string;
  title: string;
  excerpt: string;
  category: { slug: string; name: string } | null;
}

const EXCERPT_MAX = 160;

/** The first words of a Markdown body as plain text (it is shown as text, never as HTML). */
export function excerptOf(markdown: string): string {
  const text = markdown
    .replace(/`([^`]*)`/g, "$1")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/[*_#>~|]+/g, "")
    .replace(/^\s*(\d+\.|-)\s+/gm, "")
    .replace(/\s+/g, " ")
    .trim();
  return text.length > EXCERPT_MAX ? `${text.slice(0, EXCERPT_MAX - 1).trimEnd()}…` : text;
}
