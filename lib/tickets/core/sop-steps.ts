/** One step of an SOP article: a Markdown task-list item, maybe marked required. */
export interface SopStep {
  /** The step as the agent reads it, without the checkbox and without the "(required)" marker. */
  text: string;
  required: boolean;
}

/** The marker that makes a step required: "(required)" at the end of the item, any case. */
export const REQUIRED_MARKER = "(required)";

const TASK_ITEM = /^\s{0,3}(?:[-*+]|\d{1,3}[.)])\s+\[[ xX]\]\s+(.+?)\s*$/;
const REQUIRED_AT_END = /\s*\(required\)$/i;

/**
 * The steps of an SOP article: its Markdown task-list items (`- [ ] …`, `1. [ ] …`), in order. An item
 * ending in "(required)" is a required step: L1 may not escalate to L2 before it is ticked (or without an
 * override and its reason). The same text twice is one step (a tick is stored by the step's text).
 */
export function parseSopSteps(markdown: string): SopStep[] {
  const steps: SopStep[] = [];
  const seen = new Set<string>();
  for (const line of markdown.split(/\r?\n/)) {
    const item = line.match(TASK_ITEM)?.[1];
    if (!item) continue;
    const required = REQUIRED_AT_END.test(item);
    const text = item.replace(REQUIRED_AT_END, "").trim();
    if (!text || seen.has(text)) continue;
    seen.add(text);
    steps.push({ text, required });
  }
  return steps;
}

/** The required steps not in `done`, in the SOP's order. */
export function openRequiredSteps(steps: SopStep[], done: ReadonlySet<string>): string[] {
  return steps.filter((s) => s.required && !done.has(s.text)).map((s) => s.text);
}

/** The escalation summary's opening: the SOP steps done, then the agents' internal notes. */
export function escalationSummaryDraft(sopTitle: string | null, tickedSteps: string[], internalNotes: { author: string; body: string }[]): string {
  const parts: string[] = [];
  if (tickedSteps.length) parts.push(`Steps done${sopTitle ? ` (${sopTitle})` : ""}:\n${tickedSteps.map((s) => `- [x] ${s}`).join("\n")}`);
  if (internalNotes.length) parts.push(`Notes:\n${internalNotes.map((n) => `- ${n.author}: ${n.body.replace(/\s+/g, " ").trim()}`).join("\n")}`);
  return parts.join("\n\n");
}

/** "“A”, “B” and “C”": open steps named in a sentence. */
export function quoteSteps(steps: string[]): string {
  const quoted = steps.map((s) => `“${s}”`);
  return quoted.length <= 1 ? (quoted[0] ?? "") : `${quoted.slice(0, -1).join(", ")} and ${quoted.at(-1)}`;
}
