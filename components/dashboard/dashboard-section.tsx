import type { ReactNode } from "react";
import type { DashboardTable } from "@/lib/metrics/dashboard-tables";
import { CsvExportButton } from "./csv-export-button";
import { FigureTable } from "./figure-table";

/**
 * One dashboard figure: its chart, then its numbers as a table folded under "Show the numbers" (a figure
 * without a chart names what it folds: `showLabel`), and the CSV export of them.
 */
export function DashboardSection({
  table,
  fileName,
  note,
  chart,
  showLabel = "Show the numbers",
  className = "",
}: {
  table: DashboardTable;
  fileName: string;
  note?: string;
  chart?: ReactNode;
  showLabel?: string;
  className?: string;
}) {
  const headingId = `${table.id}-heading`;
  return (
    <section aria-labelledby={headingId} className={`min-w-0 rounded-lg border border-slate-200 bg-white p-3 ${className}`} data-section={table.id}>
      <div className="mb-1 flex flex-wrap items-center gap-2">
        <h2 id={headingId} className="text-base font-semibold text-slate-900">
          {table.title}
        </h2>
        <span className="ml-auto">
          <CsvExportButton table={table} fileName={fileName} />
        </span>
      </div>
      {note && <p className="mb-2 text-xs text-slate-700">{note}</p>}
      {chart}
      <details className="mt-2" data-numbers={table.id}>
        <summary className="cursor-pointer rounded text-sm font-medium text-indigo-800 hover:underline focus-visible:ring-2 focus-visible:ring-indigo-500">
          {showLabel}
          <span className="sr-only"> of {table.title}</span>
        </summary>
        <div className="mt-2">
          <FigureTable table={table} />
        </div>
      </details>
    </section>
  );
}
