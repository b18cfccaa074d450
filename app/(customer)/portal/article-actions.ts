"use server";

import type { ArticleFeedbackState } from "@/components/portal/article-feedback";
import { runAction } from "@/lib/http/run-action";
import { recordDeflection } from "@/lib/kb/record-deflection";
import { recordArticleFeedback } from "@/lib/kb/record-feedback";
import { unchecked } from "@/lib/validation/unchecked";

/** "This solved it" (solved), or an answer to "Was this helpful?" (yes / no), from an article in the portal. */
export async function articleFeedbackAction(previous: ArticleFeedbackState, form: FormData): Promise<ArticleFeedbackState> {
  const slug = String(form.get("slug") ?? "");
  const answer = String(form.get("answer") ?? "");
  const outcome = await runAction(async (actor): Promise<ArticleFeedbackState> => {
    if (answer === "solved") {
      await recordDeflection(actor, slug, { query: String(form.get("query") ?? "") });
      return { ...previous, solved: true, message: undefined };
    }
    const { helpful } = await recordArticleFeedback(actor, slug, unchecked({ helpful: answer === "yes" ? true : answer === "no" ? false : answer }));
    return { ...previous, helpful, message: undefined };
  });
  return outcome.ok ? outcome.data : { ...previous, message: outcome.message };
}
