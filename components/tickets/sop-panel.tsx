"use client";

import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Markdown } from "@/components/ui/markdown";
import { RelativeTime } from "@/components/ui/relative-time";
import type { TicketWorkspace } from "@/lib/tickets/ticket-workspace";
import type { ActionResult } from "./action-result";

/**
 * The category's SOP as a checklist saved on the ticket (who ticked each step, and when) and the related KB
 * articles. Required steps carry a badge: L1 escalates to L2 only when they are ticked, or with an override.
 */
export function SopPanel({
  sop,
  related,
  serverNow,
  canTick,
  onTick,
}: {
  sop: TicketWorkspace["sop"];
  related: TicketWorkspace["relatedArticles"];
  serverNow: string;
  canTick: boolean;
  onTick: (step: string, done: boolean) => Promise<ActionResult>;
}) {
  const [pending, setPending] = useState<{ step: string; done: boolean } | null>(null);
  const [error, setError] = useState<string | null>(null);

  // The box shows the click at once; the saved state (who, when) replaces it when the page refreshes.
  async function tick(step: string, done: boolean) {
    setPending({ step, done });
    setError(null);
    const result = await onTick(step, done);
    setPending(null);
    if (!result.ok) setError(result.message);
  }

  return (
    <section aria-labelledby="sop-heading" className="min-w-0 rounded-lg border border-slate-200 bg-white p-4 wrap-anywhere">
      <h2 id="sop-heading" className="mb-2 font-semibold">
        {sop ? sop.title : "SOP"}
      </h2>
      {!sop ? (
        <p className="text-sm text-slate-700">This category has no SOP yet.</p>
      ) : sop.steps.length === 0 ? (
        <Markdown>{sop.body}</Markdown>
      ) : (
        <>
          {error && (
            <p role="alert" className="mb-2 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
              {error}
            </p>
          )}
          <ol className="space-y-2 text-sm" aria-label="SOP checklist">
            {sop.steps.map((step, i) => (
              <li key={step.text} data-testid="sop-step" data-done={step.done}>
                <label className="flex items-start gap-2">
                  <input
                    type="checkbox"
                    className="mt-1 shrink-0"
                    checked={pending?.step === step.text ? pending.done : step.done}
                    disabled={!canTick || pending !== null}
                    onChange={(e) => void tick(step.text, e.target.checked)}
                  />
                  <span className="min-w-0">
                    <span className="font-medium">{i + 1}.</span> {step.text} {step.required && <Badge tone="amber">Required</Badge>}
                    {step.changedBy && step.changedAt && (
                      <span className="block text-xs text-slate-700" data-testid="sop-step-by">
                        {step.done ? "Ticked" : "Unticked"} by {step.changedBy.name} · <RelativeTime at={step.changedAt} serverNow={serverNow} />
                      </span>
                    )}
                  </span>
                </label>
              </li>
            ))}
          </ol>
        </>
      )}
      {related.length > 0 && (
        <>
          <h3 className="mt-4 text-sm font-medium">Related articles</h3>
          <ul className="mt-1 space-y-1">
            {related.map((a) => (
              <li key={a.slug}>
                <details className="rounded border border-slate-200 px-2 py-1">
                  <summary className="cursor-pointer text-sm wrap-anywhere text-indigo-800">
                    {a.title} <span className="text-slate-700">({a.audience === "CUSTOMER" ? "self-service" : "agents"})</span>
                  </summary>
                  <Markdown className="mt-2">{a.body}</Markdown>
                </details>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
