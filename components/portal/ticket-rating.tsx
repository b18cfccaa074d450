"use client";

import { Field, INPUT_CLASS } from "@/components/ui/field";
import { TicketActionForm } from "./ticket-action-form";
import type { PortalAction } from "./ticket-action-state";

const SCORES = [
  { score: 1, label: "Very poor" },
  { score: 2, label: "Poor" },
  { score: 3, label: "Okay" },
  { score: 4, label: "Good" },
  { score: 5, label: "Excellent" },
];

/** One click rates 1–5 (the optional comment goes with it); a given rating is shown and can be changed. */
export function TicketRating({ action, number, version, rating }: { action: PortalAction; number: string; version: number; rating: { score: number; comment: string } | null }) {
  return (
    <section id="rating" aria-labelledby="rating-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="rating-heading" className="text-base font-semibold">
        How did we do?
      </h2>
      {rating && (
        <p className="text-sm text-slate-800">
          You rated this {rating.score} of 5{rating.comment ? `: “${rating.comment}”` : "."}
        </p>
      )}
      <TicketActionForm action={action} number={number} version={version} label="Rate the support">
        {(state, pending) => (
          <>
            <Field id="rating-comment" label="Comment (optional)" errors={state.fields?.comment}>
              {(describedBy, invalid) => (
                // Kept when the score changes: rating again replaces the comment too.
                <textarea id="rating-comment" name="comment" rows={2} maxLength={2_000} defaultValue={rating?.comment ?? ""} aria-describedby={describedBy} aria-invalid={invalid} className={INPUT_CLASS} />
              )}
            </Field>
            <p className="text-xs text-slate-700">
              1 = very poor, 5 = excellent
            </p>
            <div role="group" aria-label="Rating from 1 (very poor) to 5 (excellent)" className="flex flex-wrap gap-2">
              {SCORES.map((s) => (
                <button
                  key={s.score}
                  type="submit"
                  name="score"
                  value={s.score}
                  disabled={pending}
                  aria-label={`Rate ${s.score} of 5: ${s.label}`}
                  aria-pressed={rating?.score === s.score}
                  className="min-h-11 min-w-11 rounded-md border border-slate-300 bg-white px-3 text-sm font-semibold text-slate-800 hover:bg-indigo-50 aria-pressed:border-indigo-700 aria-pressed:bg-indigo-700 aria-pressed:text-white"
                >
                  {s.score}
                </button>
              ))}
            </div>
          </>
        )}
      </TicketActionForm>
    </section>
  );
}
