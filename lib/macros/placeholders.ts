import { isPlaceholder, PLACEHOLDER_PATTERN, type Placeholder } from "@/lib/validation/macro-placeholders";

export type PlaceholderValues = Record<Placeholder, string>;

// Characters that start inline Markdown (emphasis, code, links, images, autolinks, raw HTML, entities,
// strikethrough, tables) wherever they stand; a backslash makes each one literal (CommonMark escapes).
const INLINE_SPECIAL = /[\\`*_[\]<>&!|~]/g;
// At the start of a line a value could open a heading, a quote, a list or a thematic break.
const BLOCK_START = /^(\s*)([#>+=-]|\d+[.)])/;

/**
 * A value as literal text inside Markdown: a customer named `**x** [y](http://evil)` or `<img onerror=…>`
 * renders as those characters, not as bold, a link or an element. Line breaks become spaces, so a value
 * cannot start a block of its own.
 */
export function escapeMarkdownText(value: string): string {
  const oneLine = value.replace(/\s*[\r\n]+\s*/g, " ");
  return oneLine.replace(INLINE_SPECIAL, (c) => `\\${c}`).replace(BLOCK_START, (_, space: string, mark: string) => `${space}${mark.replace(/([#>+=\-.)])$/, "\\$1")}`);
}

/** The body with each known placeholder replaced by its escaped value; an unknown one is left as written. */
export function fillPlaceholders(body: string, values: PlaceholderValues): string {
  return body.replace(PLACEHOLDER_PATTERN, (whole, name: string) => (isPlaceholder(name) ? escapeMarkdownText(values[name]) : whole));
}
