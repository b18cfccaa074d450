import Link from "next/link";
import type { DashboardTable } from "@/lib/metrics/dashboard-tables";
import type { EscalationMetrics } from "@/lib/metrics/escalation-metrics-types";
import { formatDuration } from "@/lib/metrics/rates";
import { CsvExportButton } from "./csv-export-button";
import { FigureTable } from "./figure-table";

/** The period's alerts in one line (raised, acknowledged, median time to acknowledge, each against the period before), numbers folded. Props only. */
export function AlertFigures({ alerts, table, fileName }: { alerts: EscalationMetrics["alerts"]; table: DashboardTable; fileName: string }) {
  const { previous } = alerts;
  const raisedHref = table.rows[0]?.[2]?.href;
  const acknowledgedHref = table.rows[1]?.[2]?.href;
  const count = (n: number, href: string | undefined, what: string) =>
    href ? (
      <Link href={href} className="font-semibold text-indigo-800 underline" aria-label={`${n} ${what}: list the tickets`}>
        {n.toLocaleString("en-US")}
      </Link>
    ) : (
      <span className="font-semibold">{n.toLocaleString("en-US")}</span>
    );
  return (
    <div className="mb-2 rounded-md bg-slate-50 p-2 text-sm text-slate-800" data-section="alert-figures">
      <p>
        In the period: {count(alerts.raised, raisedHref, "alerts raised")} raised <span className="text-slate-700">(before: {previous.raised})</span>
        {" · "}
        {count(alerts.acknowledged, acknowledgedHref, "alerts acknowledged")} acknowledged <span className="text-slate-700">(before: {previous.acknowledged})</span>
        {" · "}
        median time to acknowledge <span className="font-semibold">{formatDuration(alerts.medianSecondsToAcknowledge)}</span>{" "}
        <span className="text-slate-700">(before: {formatDuration(previous.medianSecondsToAcknowledge)})</span>
      </p>
      <details className="mt-1" data-numbers={table.id}>
        <summary className="cursor-pointer rounded text-sm font-medium text-indigo-800 hover:underline focus-visible:ring-2 focus-visible:ring-indigo-500">
          Show the numbers<span className="sr-only"> of {table.title}</span>
        </summary>
        <div className="mt-2 space-y-2">
          <FigureTable table={table} />
          <CsvExportButton table={table} fileName={fileName} />
        </div>
      </details>
    </div>
  );
}
