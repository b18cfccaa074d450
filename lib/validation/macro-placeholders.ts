/** The placeholders a macro's body may hold; anything else in double braces is refused when the macro is saved. */
export const PLACEHOLDERS = ["customer.name", "ticket.number", "ticket.title", "agent.name", "update.promise"] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

export const PLACEHOLDER_PATTERN = /\{\{\s*([^{}]*?)\s*\}\}/g;
export const isPlaceholder = (name: string): name is Placeholder => (PLACEHOLDERS as readonly string[]).includes(name);

/** The names in double braces that are not placeholders, each once, in order of appearance. */
export function unknownPlaceholders(body: string): string[] {
  const names = [...body.matchAll(PLACEHOLDER_PATTERN)].map((m) => m[1] ?? "").filter((name) => !isPlaceholder(name));
  return [...new Set(names)];
}
