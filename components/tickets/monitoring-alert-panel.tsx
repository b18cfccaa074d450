import { RelativeTime } from "@/components/ui/relative-time";
import type { TicketAlertJson } from "@/lib/tickets/ticket-alerts";

/**
 * The monitoring alert behind an incident: which integration and alert, whether it still fires, when it was
 * first and last seen and how many times (repeats are counted here, not logged as events).
 */
export function MonitoringAlertPanel({ alerts, serverNow }: { alerts: TicketAlertJson[]; serverNow: string }) {
  if (!alerts.length) return null;
  return (
    <section aria-labelledby="monitoring-heading" className="min-w-0 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="monitoring-heading" className="mb-2 font-semibold">
        Monitoring alert
      </h2>
      <ul className="space-y-3 text-sm">
        {alerts.map((a) => (
          <li key={`${a.integration.slug}:${a.fingerprint}:${a.firstSeenAt}`} className="min-w-0 space-y-1">
            <p className="[overflow-wrap:anywhere]">
              <span className="font-medium">{a.alertname ?? "Alert"}</span> from {a.integration.name}{" "}
              <span className={`rounded px-1.5 text-xs ${a.alertStatus === "firing" ? "bg-red-100 text-red-900" : "bg-green-100 text-green-900"}`}>
                {a.alertStatus === "firing" ? "Firing" : "Resolved"}
              </span>
            </p>
            <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-slate-700">
              <dt>First seen</dt>
              <dd>
                <RelativeTime at={a.firstSeenAt} serverNow={serverNow} />
              </dd>
              <dt>Last seen</dt>
              <dd>
                <RelativeTime at={a.lastSeenAt} serverNow={serverNow} />
              </dd>
              <dt>Received</dt>
              <dd data-seen-count className="tabular-nums">
                {a.seenCount.toLocaleString("en")} {a.seenCount === 1 ? "time" : "times"}
              </dd>
              <dt>Fingerprint</dt>
              <dd className="min-w-0 font-mono text-xs [overflow-wrap:anywhere]">{a.fingerprint}</dd>
            </dl>
          </li>
        ))}
      </ul>
    </section>
  );
}
