import { TableScroll } from "@/components/ui/table-scroll";
import { auditLabel } from "@/lib/labels";
import Link from "next/link";
import { diffAuditValues, formatAuditValue } from "@/lib/admin/audit-diff";
import type { AuditEventRow } from "@/lib/admin/list-audit-events";

/** The fields one event changed: field, before, after (only those that differ). */
function AuditChanges({ event }: { event: AuditEventRow }) {
  const changes = diffAuditValues(event.before, event.after);
  if (!changes.length) return <span className="text-slate-600">No field changed.</span>;
  return (
    <table className="w-full border-collapse text-xs" aria-label={`Changes: ${auditLabel(event.action, event.entity)}`}>
      <thead>
        <tr className="text-left text-slate-600">
          <th scope="col" className="pr-2 font-medium">Field</th>
          <th scope="col" className="pr-2 font-medium">Before</th>
          <th scope="col" className="font-medium">After</th>
        </tr>
      </thead>
      <tbody>
        {changes.map((c) => (
          <tr key={c.path} className="border-t border-slate-100 align-top">
            <th scope="row" className="pr-2 text-left font-mono font-normal wrap-anywhere text-slate-800">{c.path}</th>
            <td className="max-w-xs min-w-24 pr-2 wrap-anywhere text-red-900">
              {c.before === undefined ? <span aria-label="none">—</span> : <del className="no-underline">{formatAuditValue(c.before)}</del>}
            </td>
            <td className="max-w-xs min-w-24 wrap-anywhere text-green-900">
              {c.after === undefined ? <span aria-label="none">—</span> : <ins className="no-underline">{formatAuditValue(c.after)}</ins>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The audit trail: who changed what, when, and each changed field before → after. */
export function AuditTable({ events, nextHref }: { events: AuditEventRow[]; nextHref: string | null }) {
  if (!events.length) return <p className="text-sm text-slate-700">No admin changes recorded yet.</p>;
  return (
    <div className="space-y-3">
      <TableScroll label="Audit trail">
      <table className="w-full border-collapse text-sm">
        <thead>
          <tr className="border-b border-slate-200 text-left">
            <th scope="col" className="p-2">When (UTC)</th>
            <th scope="col" className="p-2">Who</th>
            <th scope="col" className="p-2">What</th>
            <th scope="col" className="p-2">Changes (before → after)</th>
          </tr>
        </thead>
        <tbody>
          {events.map((e) => (
            <tr key={e.id} className="border-b border-slate-100 align-top">
              <td className="whitespace-nowrap p-2">{e.at.replace("T", " ").slice(0, 19)}</td>
              <td className="min-w-32 p-2 wrap-anywhere">
                {e.actor.name} ({e.actor.userId})
              </td>
              <td className="min-w-32 p-2">
                <span className="font-medium">{auditLabel(e.action, e.entity)}</span>
                <span className="block text-xs wrap-anywhere text-slate-600">{e.entityId}</span>
              </td>
              <td className="p-2">
                <AuditChanges event={e} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      </TableScroll>
      {nextHref && (
        <Link href={nextHref} className="text-sm text-indigo-800 underline">
          Older changes
        </Link>
      )}
    </div>
  );
}
