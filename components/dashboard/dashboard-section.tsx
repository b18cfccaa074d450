import type { ReactNode } from "react";
import type { DashboardTable } from "@/lib/metrics/dashboard-tables";
import { CsvExportButton } from "./csv-export-button";
import { FigureTable } from "./figure-table";

/** One dashboard figure: its chart, its numbers as a table, and the CSV export of them. */
export function DashboardSection({ table, fileName, note, chart }: { table: DashboardTable; fileName: string; note?: string; chart?: ReactNode }) {
  const headingId = `${table.id}-heading`;
  return (
    <section aria-labelledby={headingId} className="rounded-lg border border-slate-200 bg-white p-4" data-section={table.id}>
      <div className="mb-2 flex flex-wrap items-center gap-2">
        <h2 id={headingId} className="text-base font-semibold text-slate-900">
          {table.title}
        </h2>
        <span className="ml-auto">
          <CsvExportButton table={table} fileName={fileName} />
        </span>
      </div>
      {note && <p className="mb-2 text-sm text-slate-700">{note}</p>}
      {chart}
      <FigureTable table={table} />
    </section>
  );
}
