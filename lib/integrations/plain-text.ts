import { escapeMarkdownText } from "@/lib/macros/placeholders";

/**
 * Text from a machine shown where Markdown renders (a ticket's description): every line escaped so it reads
 * as the characters sent, never as emphasis, a link, raw HTML or a heading; each line its own paragraph, so
 * the line breaks survive.
 */
export function plainMarkdown(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .map(escapeMarkdownText)
    .join("\n\n");
}

/** One line of plain text within `max` characters (code points, so an emoji is never cut in half). */
export function oneLine(text: string, max: number): string {
  const flat = text.replace(/[\u0000-\u001f\u007f]+/g, " ").replace(/\s+/g, " ").trim();
  const points = [...flat];
  return points.length <= max ? flat : `${points.slice(0, max - 1).join("").trimEnd()}…`;
}
