import Link from "next/link";
import { AGENT_STATUS_LABEL } from "@/components/tickets/agent-labels";
import type { MetricTicketRow } from "@/lib/metrics/find-metric-tickets";

const customerOf = (r: MetricTicketRow) => (r.organization ? `${r.customer} · ${r.organization}` : r.customer);
const opened = (r: MetricTicketRow) => r.createdAt.slice(0, 16).replace("T", " ");

/** On a wide screen: one line per ticket, long titles and customers cut short with the whole text on hover. */
function WideTable({ rows }: { rows: MetricTicketRow[] }) {
  return (
    <table className="hidden w-full table-fixed border-collapse text-sm lg:table" data-testid="metric-tickets">
      <caption className="sr-only">Tickets behind the figure</caption>
      <colgroup>
        <col className="w-28" />
        <col />
        <col className="w-56" />
        <col className="w-12" />
        <col className="w-12" />
        <col className="w-32" />
        <col className="w-28" />
        <col className="w-32" />
        <col className="w-36" />
      </colgroup>
      <thead>
        <tr className="border-b border-slate-300 text-left">
          {["Ticket", "Title", "Customer", "Priority", "Tier", "Status", "Category", "Group", "Opened (UTC)"].map((c) => (
            <th key={c} scope="col" className="truncate px-2 py-1 font-semibold text-slate-800" title={c}>
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
            <td className="truncate px-2 py-1" title={r.title}>
              {r.title}
            </td>
            <td className="truncate px-2 py-1" title={customerOf(r)}>
              {customerOf(r)}
            </td>
            <td className="px-2 py-1">{r.priority}</td>
            <td className="px-2 py-1">{r.tier}</td>
            <td className="truncate px-2 py-1">{AGENT_STATUS_LABEL[r.status]}</td>
            <td className="truncate px-2 py-1" title={r.category}>
              {r.category}
            </td>
            <td className="truncate px-2 py-1" title={r.group}>
              {r.group}
            </td>
            <td className="px-2 py-1 tabular-nums">{opened(r)}</td>
          </tr>
        ))}
        {rows.length === 0 && (
          <tr>
            <td colSpan={9} className="px-2 py-2 text-slate-700">
              No tickets.
            </td>
          </tr>
        )}
      </tbody>
    </table>
  );
}

/** On a phone or tablet: one card per ticket, the title wrapping however long its words. */
function Cards({ rows }: { rows: MetricTicketRow[] }) {
  if (rows.length === 0) return <p className="p-3 text-sm text-slate-700 lg:hidden">No tickets.</p>;
  return (
    <ul className="divide-y divide-slate-100 lg:hidden" aria-label="Tickets behind the figure" data-testid="metric-ticket-cards">
      {rows.map((r) => (
        <li key={r.number} className="min-w-0 p-3 text-sm">
          <p className="flex flex-wrap gap-x-2 text-xs text-slate-700">
            <Link href={`/queue/tickets/${r.number}`} className="font-medium text-indigo-800 underline">
              {r.number}
            </Link>
            <span>{r.priority}</span>
            <span>{r.tier}</span>
            <span>{AGENT_STATUS_LABEL[r.status]}</span>
          </p>
          <p className="mt-1 line-clamp-3 font-medium text-slate-900 [overflow-wrap:anywhere]" title={r.title}>
            {r.title}
          </p>
          <p className="truncate text-slate-700" title={customerOf(r)}>
            {customerOf(r)}
          </p>
          <p className="truncate text-xs text-slate-700">
            {r.category} · {r.group} · opened {opened(r)} UTC
          </p>
        </li>
      ))}
    </ul>
  );
}

/** The tickets behind a figure; each opens on the ticket page. Props only. */
export function MetricTicketsTable({ rows }: { rows: MetricTicketRow[] }) {
  return (
    <div className="min-w-0 rounded-lg border border-slate-200 bg-white">
      <WideTable rows={rows} />
      <Cards rows={rows} />
    </div>
  );
}
