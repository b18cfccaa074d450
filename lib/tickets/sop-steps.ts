/**
 * The steps of an SOP article: its numbered ("1." / "1)") or bulleted list items, in order. SOPs are
 * written as one list (see lib/seed/demo-data.ts); an article without a list has no steps to tick.
 */
export function sopSteps(markdown: string): string[] {
  const steps: string[] = [];
  for (const line of markdown.split(/\r?\n/)) {
    const item = line.match(/^\s{0,3}(?:\d{1,3}[.)]|[-*+])\s+(.+?)\s*$/);
    if (item?.[1]) steps.push(item[1]);
  }
  return steps;
}

/** The escalation summary's opening: the SOP steps done, then the agents' internal notes. */
export function escalationSummaryDraft(sopTitle: string | null, tickedSteps: string[], internalNotes: { author: string; body: string }[]): string {
  const parts: string[] = [];
  if (tickedSteps.length) parts.push(`Steps done${sopTitle ? ` (${sopTitle})` : ""}:\n${tickedSteps.map((s) => `- [x] ${s}`).join("\n")}`);
  if (internalNotes.length) parts.push(`Notes:\n${internalNotes.map((n) => `- ${n.author}: ${n.body.replace(/\s+/g, " ").trim()}`).join("\n")}`);
  return parts.join("\n\n");
}
