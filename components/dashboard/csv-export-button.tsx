"use client";

import { toCsv } from "@/lib/metrics/csv";
import type { DashboardTable } from "@/lib/metrics/dashboard-tables";

/** Downloads a table's numbers as CSV (the raw values: counts, percentages, seconds). */
export function CsvExportButton({ table, fileName }: { table: DashboardTable; fileName: string }) {
  const download = () => {
    const csv = toCsv(table.csvColumns ?? table.columns, table.rows.map((row) => row.map((cell) => cell.value)));
    const url = URL.createObjectURL(new Blob([csv], { type: "text/csv;charset=utf-8" }));
    const link = document.createElement("a");
    link.href = url;
    link.download = fileName;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
  return (
    <button type="button" onClick={download} className="rounded-md border border-slate-300 bg-white px-2 py-0.5 text-xs text-slate-800 hover:bg-slate-100 focus-visible:ring-2 focus-visible:ring-indigo-500">
      Export CSV<span className="sr-only"> of {table.title}</span>
    </button>
  );
}
