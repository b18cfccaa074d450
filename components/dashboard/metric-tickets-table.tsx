import Link from "next/link";
import type { MetricTicketRow } from "@/lib/metrics/find-metric-tickets";

/** The tickets behind a figure; each opens on the ticket page. Props only. */
export function MetricTicketsTable({ rows }: { rows: MetricTicketRow[] }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full border-collapse text-sm" data-testid="metric-tickets">
        <caption className="sr-only">Tickets behind the figure</caption>
        <thead>
          <tr className="border-b border-slate-300 text-left">
            {["Ticket", "Title", "Priority", "Tier", "Status", "Category", "Group", "Opened (UTC)"].map((c) => (
              <th key={c} scope="col" className="px-2 py-1 font-semibold text-slate-800">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.number} className="border-b border-slate-100">
              <th scope="row" className="px-2 py-1 text-left font-medium">
                <Link href={`/queue/tickets/${r.number}`} className="text-indigo-800 underline">
                  {r.number}
                </Link>
              </th>
              <td className="px-2 py-1">{r.title}</td>
              <td className="px-2 py-1">{r.priority}</td>
              <td className="px-2 py-1">{r.tier}</td>
              <td className="px-2 py-1">{r.status}</td>
              <td className="px-2 py-1">{r.category}</td>
              <td className="px-2 py-1">{r.group}</td>
              <td className="px-2 py-1 tabular-nums">{r.createdAt.slice(0, 16).replace("T", " ")}</td>
            </tr>
          ))}
          {rows.length === 0 && (
            <tr>
              <td colSpan={8} className="px-2 py-2 text-slate-700">
                No tickets.
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
