"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { INPUT_CLASS } from "@/components/ui/field";
import { formatExact } from "@/components/ui/time-format";
import type { Impact, Urgency } from "@/lib/db/generated/enums";
import { IMPACT_LABEL, URGENCY_LABEL } from "@/lib/routing/labels";
import { previewKey } from "@/lib/tickets/classification-preview";
import type { TicketJson } from "@/lib/tickets/core/ticket-json";
import type { TicketWorkspace } from "@/lib/tickets/ticket-workspace";

export interface Reclassification {
  impact?: Impact;
  urgency?: Urgency;
  category?: string;
}

const DUE_LABELS = [
  ["firstResponseAt", "First response"],
  ["resolutionAt", "Resolution"],
  ["nextUpdateAt", "Next customer update"],
  ["tierBudgetEndsAt", "Tier budget"],
] as const;

/** Impact, urgency and category, with the priority and due times a change would give before it is saved. */
export function ClassificationPanel({
  ticket,
  categories,
  previews,
  editable,
  busy,
  onSave,
}: {
  ticket: TicketJson;
  categories: TicketWorkspace["categories"];
  previews: TicketWorkspace["previews"];
  editable: boolean;
  busy: boolean;
  onSave: (change: Reclassification) => void;
}) {
  const [impact, setImpact] = useState<Impact>(ticket.impact);
  const [urgency, setUrgency] = useState<Urgency>(ticket.urgency);
  const [category, setCategory] = useState(ticket.category.slug);
  const changed = impact !== ticket.impact || urgency !== ticket.urgency || category !== ticket.category.slug;
  const preview = previews[previewKey(impact, urgency)];

  function save() {
    onSave({
      ...(impact !== ticket.impact ? { impact } : {}),
      ...(urgency !== ticket.urgency ? { urgency } : {}),
      ...(category !== ticket.category.slug ? { category } : {}),
    });
  }

  return (
    <section aria-labelledby="classification-heading" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="classification-heading" className="mb-2 font-semibold">
        Classification
      </h2>
      <fieldset disabled={!editable || busy} className="space-y-2">
        <legend className="sr-only">Impact, urgency and category</legend>
        <label htmlFor="classify-impact" className="block text-sm font-medium">
          Impact
        </label>
        <select id="classify-impact" value={impact} onChange={(e) => setImpact(e.target.value as Impact)} className={INPUT_CLASS}>
          {Object.entries(IMPACT_LABEL).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
        <label htmlFor="classify-urgency" className="block text-sm font-medium">
          Urgency
        </label>
        <select id="classify-urgency" value={urgency} onChange={(e) => setUrgency(e.target.value as Urgency)} className={INPUT_CLASS}>
          {Object.entries(URGENCY_LABEL).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
        <label htmlFor="classify-category" className="block text-sm font-medium">
          Category
        </label>
        <select id="classify-category" value={category} onChange={(e) => setCategory(e.target.value)} className={INPUT_CLASS}>
          {categories.map((c) => (
            <option key={c.slug} value={c.slug}>
              {c.name}
            </option>
          ))}
        </select>
      </fieldset>
      {changed && preview && (
        <div role="status" data-testid="classification-preview" className="mt-3 rounded-md border border-indigo-200 bg-indigo-50 p-3 text-sm">
          <p className="font-medium">
            Saving gives {preview.priority} (was {ticket.priority}) on priority matrix v{preview.matrixVersion}:
          </p>
          <ul className="mt-1 space-y-0.5">
            {DUE_LABELS.map(([key, label]) => {
              const due = preview.due[key];
              return (
                <li key={key}>
                  {label}: {due ? <time dateTime={due}>{formatExact(new Date(due))}</time> : "not running"}
                </li>
              );
            })}
          </ul>
        </div>
      )}
      {editable && (
        <Button type="button" className="mt-3" disabled={!changed || busy} onClick={save}>
          Save classification
        </Button>
      )}
    </section>
  );
}
