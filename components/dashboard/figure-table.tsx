import Link from "next/link";
import type { DashboardTable } from "@/lib/metrics/dashboard-tables";

/** A chart's numbers as a table; every figure with tickets behind it links to their list. */
export function FigureTable({ table, caption }: { table: DashboardTable; caption?: string }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-sm" data-table={table.id}>
        <caption className="sr-only">{caption ?? table.title}</caption>
        <thead>
          <tr className="border-b border-slate-300 text-left">
            {table.columns.map((c) => (
              <th key={c} scope="col" className="px-2 py-1 font-semibold text-slate-800">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, i) => (
            <tr key={i} className="border-b border-slate-100">
              {row.map((cell, j) =>
                j === 0 ? (
                  <th key={j} scope="row" className="max-w-64 truncate px-2 py-1 text-left font-medium text-slate-900" title={cell.text}>
                    {cell.href ? <Link href={cell.href} className="text-indigo-800 underline">{cell.text}</Link> : cell.text}
                  </th>
                ) : (
                  <td key={j} className="px-2 py-1 tabular-nums text-slate-900">
                    {cell.href ? (
                      <Link href={cell.href} className="text-indigo-800 underline" aria-label={`${cell.text} — ${row[0]?.text}, ${table.columns[j]}: list the tickets`}>
                        {cell.text}
                      </Link>
                    ) : (
                      cell.text
                    )}
                  </td>
                ),
              )}
            </tr>
          ))}
          {table.rows.length === 0 && (
            <tr>
              <td colSpan={table.columns.length} className="px-2 py-2 text-slate-700">
                Nothing to show.
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
