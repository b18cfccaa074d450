import Link from "next/link";
import type { ReactNode } from "react";
import { formatSeconds } from "@/lib/format/duration";
import type { OpenAlertsPage } from "@/lib/alerts/list-open-alerts";
import { AcknowledgeAlertForm, type AcknowledgeResult } from "@/components/alerts/acknowledge-alert-form";

/**
 * The Open alerts panel: alerts nobody has acknowledged yet, oldest first, each with its ticket, what and
 * why, how long it has been open, and Acknowledge. `moreHref` leads to the next page when there is one. Props only.
 */
export function OpenAlertsPanel({
  page,
  moreHref,
  moreLabel = "Show more",
  figures,
  onAcknowledge,
}: {
  /** The period's alert figures, shown under the heading on the dashboard. */
  figures?: ReactNode;
  page: OpenAlertsPage;
  moreHref: string | null;
  moreLabel?: string;
  onAcknowledge: (alertId: number, input: { note: string }) => Promise<AcknowledgeResult>;
}) {
  return (
    <section aria-labelledby="open-alerts-heading" className="min-w-0 rounded-lg border border-slate-200 bg-white p-3" data-section="open-alerts">
      <h2 id="open-alerts-heading" className="text-base font-semibold text-slate-900">
        Open alerts <span className="font-normal text-slate-700">({page.count.toLocaleString("en-US")})</span>
      </h2>
      <p className="mb-2 text-xs text-slate-700">Breaches, L3 budgets spent, overdue customer updates and escalation requests, oldest first, until someone acknowledges them.</p>
      {figures}
      {page.alerts.length === 0 ? (
        <p className="text-sm text-slate-700">No open alerts: every alert has been acknowledged.</p>
      ) : (
        <ul className="divide-y divide-slate-200" aria-label="Open alerts, oldest first">
          {page.alerts.map((a) => (
            <li key={a.id} className="min-w-0 space-y-1 py-2" data-alert={a.id}>
              <div className="flex min-w-0 flex-wrap items-baseline gap-x-2">
                <span className="font-medium text-red-800">{a.label}</span>
                {/* On a phone the ticket takes a line of its own, so its number always shows. */}
                <Link
                  href={`/queue/tickets/${a.ticket.number}`}
                  className="order-last min-w-0 basis-full truncate text-indigo-800 hover:underline sm:order-none sm:basis-0 sm:flex-1"
                  title={`${a.ticket.number} ${a.ticket.title}`}
                >
                  <span className="font-mono">{a.ticket.number}</span> {a.ticket.title}
                </Link>
                <span className="ml-auto text-sm whitespace-nowrap text-slate-700 sm:ml-0">open {formatSeconds(a.ageSeconds)}</span>
              </div>
              <div className="flex min-w-0 flex-wrap items-start gap-x-4 gap-y-1">
                <p className="min-w-0 flex-1 basis-72 text-sm wrap-anywhere text-slate-800">{a.reason}</p>
                <div className="w-full min-w-0 sm:w-96">
                  <AcknowledgeAlertForm alertId={a.id} what={`${a.label}, ${a.ticket.number}`} onAcknowledge={onAcknowledge} />
                </div>
              </div>
            </li>
          ))}
        </ul>
      )}
      {moreHref && (
        <p className="mt-2 text-sm">
          <Link href={moreHref} className="font-medium text-indigo-800 hover:underline">
            {moreLabel}
          </Link>
        </p>
      )}
    </section>
  );
}
