// What the budget sweep notes of the SOP when it moves an L1 ticket to L2: the escalation is never
// blocked, but the log keeps the steps ticked and the required ones left.
import { Prisma } from "@/lib/db/generated/client";
import type { SqlTransaction } from "@/lib/db/transaction";
import { openRequiredSteps, parseSopSteps, quoteSteps, type SopStep } from "@/lib/tickets/core/sop-steps";

/** The steps of each published SOP article among `ids` (one query, each body parsed once). */
export async function loadSopSteps(tx: SqlTransaction, ids: (string | null)[]): Promise<Map<string, SopStep[]>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (!wanted.length) return new Map();
  const articles = await tx.query<{ id: string; body: string }>(Prisma.sql`SELECT "id", "body" FROM "KbArticle" WHERE "id" = ANY(${wanted}::text[]) AND "published"`);
  return new Map(articles.map((a) => [a.id, parseSopSteps(a.body)]));
}

/** The event's SOP inputs and the sentence's tail for one ticket, or null when it has no SOP checklist. */
export function sopNote(steps: SopStep[] | undefined, done: string[] | null): { inputs: { stepsDone: string[]; openRequiredSteps: string[]; sopStepsLeft: number }; sentence: string } | null {
  if (!steps?.length || !done) return null;
  const ticked = new Set(done);
  const stepsDone = steps.filter((s) => ticked.has(s.text)).map((s) => s.text);
  const open = openRequiredSteps(steps, ticked);
  const left = steps.length - stepsDone.length;
  // The sentence speaks up only when the guard would have stopped a person; the inputs always tell.
  const sentence = open.length ? ` Required SOP ${open.length === 1 ? "step" : "steps"} left undone: ${quoteSteps(open)}.` : "";
  return { inputs: { stepsDone, openRequiredSteps: open, sopStepsLeft: left }, sentence };
}
