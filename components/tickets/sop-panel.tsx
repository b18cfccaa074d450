"use client";

import { Markdown } from "@/components/ui/markdown";
import type { TicketWorkspace } from "@/lib/tickets/ticket-workspace";

/** The category's SOP as a checklist (ticked steps go into the escalation summary) and related KB articles. */
export function SopPanel({
  sop,
  related,
  ticked,
  onTick,
}: {
  sop: TicketWorkspace["sop"];
  related: TicketWorkspace["relatedArticles"];
  ticked: Set<number>;
  onTick: (index: number, ticked: boolean) => void;
}) {
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
        <ol className="space-y-2 text-sm">
          {sop.steps.map((step, i) => (
            <li key={i}>
              <label className="flex items-start gap-2">
                <input type="checkbox" className="mt-1" checked={ticked.has(i)} onChange={(e) => onTick(i, e.target.checked)} />
                <span>
                  <span className="font-medium">{i + 1}.</span> {step}
                </span>
              </label>
            </li>
          ))}
        </ol>
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
