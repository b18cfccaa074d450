import type { Transaction } from "@/lib/db/client";
import { parseSopSteps, type SopStep } from "./sop-steps";

/** One step of the category's SOP on one ticket, as the server keeps it: who ticked it and when. */
export interface SopStepState extends SopStep {
  done: boolean;
  /** Who last ticked or unticked it, and when (ISO); null until someone does. */
  changedBy: { userId: string; name: string } | null;
  changedAt: string | null;
}

export interface SopArticle {
  id: string;
  slug: string;
  title: string;
  body: string;
}

/** The category's SOP article (published only) and its steps; null when the category has none. */
export async function loadCategorySop(tx: Transaction, categoryId: string): Promise<{ article: SopArticle; steps: SopStep[] } | null> {
  const category = await tx.category.findUnique({
    where: { id: categoryId },
    select: { sopArticle: { select: { id: true, slug: true, title: true, body: true, published: true } } },
  });
  const article = category?.sopArticle;
  if (!article?.published) return null;
  return { article: { id: article.id, slug: article.slug, title: article.title, body: article.body }, steps: parseSopSteps(article.body) };
}

/** The SOP's steps with this ticket's ticks. A tick of a step no longer in the SOP is kept but not shown. */
export async function loadSopChecklist(tx: Transaction, ticketId: number, steps: SopStep[]): Promise<SopStepState[]> {
  if (!steps.length) return [];
  const rows = await tx.ticketSopStep.findMany({ where: { ticketId } });
  const byStep = new Map(rows.map((r) => [r.step, r]));
  const people = rows.length
    ? new Map((await tx.user.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.changedById))] } }, select: { id: true, userId: true, name: true } })).map((u) => [u.id, u]))
    : new Map<string, { userId: string; name: string }>();
  return steps.map((s) => {
    const row = byStep.get(s.text);
    const who = row ? people.get(row.changedById) : undefined;
    return { ...s, done: row?.done ?? false, changedBy: who ? { userId: who.userId, name: who.name } : null, changedAt: row?.changedAt.toISOString() ?? null };
  });
}
