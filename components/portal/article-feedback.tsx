"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";

export interface ArticleFeedbackState {
  /** "This solved it" was recorded: no ticket needed. */
  solved?: boolean;
  /** The answer to "Was this helpful?", once given. */
  helpful?: boolean;
  message?: string;
}

type Action = (state: ArticleFeedbackState, form: FormData) => Promise<ArticleFeedbackState>;

/** Under an article: "This solved it" (a deflected contact) and "Was this helpful?" (yes / no). */
export function ArticleFeedback({ slug, query, action }: { slug: string; query: string; action: Action }) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <div className="space-y-4">
      {state.message && (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {state.message}
        </p>
      )}
      <section aria-labelledby="solved-heading" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="solved-heading" className="text-base font-semibold">
          Did this solve your problem?
        </h2>
        {state.solved ? (
          <p role="status" className="mt-2 text-sm text-green-900">
            Glad it is solved. No ticket was opened; you can close this page.
          </p>
        ) : (
          <form action={formAction} className="mt-2 flex flex-wrap items-center gap-3">
            <input type="hidden" name="slug" value={slug} />
            <input type="hidden" name="query" value={query} />
            <Button type="submit" name="answer" value="solved" disabled={pending}>
              This solved it
            </Button>
            <span className="text-sm text-slate-700">
              If not, <a href="/portal#new-ticket-heading" className="text-indigo-800 underline">open a ticket</a>.
            </span>
          </form>
        )}
      </section>
      <section aria-labelledby="helpful-heading" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="helpful-heading" className="text-base font-semibold">
          Was this helpful?
        </h2>
        {state.helpful !== undefined ? (
          <p role="status" className="mt-2 text-sm text-slate-800">
            Thank you for your feedback.
          </p>
        ) : (
          <form action={formAction} className="mt-2 flex gap-3">
            <input type="hidden" name="slug" value={slug} />
            <Button type="submit" name="answer" value="yes" variant="secondary" disabled={pending}>
              Yes
            </Button>
            <Button type="submit" name="answer" value="no" variant="secondary" disabled={pending}>
              No
            </Button>
          </form>
        )}
      </section>
    </div>
  );
}
