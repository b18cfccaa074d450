import Link from "next/link";
import type { AuditEventRow } from "@/lib/admin/list-audit-events";

const show = (value: unknown) => (value === null || value === undefined ? "—" : JSON.stringify(value, null, 2));

/** The audit trail: who changed what, when, before → after. */
export function AuditTable({ events, nextHref }: { events: AuditEventRow[]; nextHref: string | null }) {
  if (!events.length) return <p className="text-sm text-slate-700">No admin changes recorded yet.</p>;
  return (
    <div className="space-y-3">
      <table className="w-full border-collapse text-sm">
        <thead>
          <tr className="border-b border-slate-200 text-left">
            <th scope="col" className="p-2">When (UTC)</th>
            <th scope="col" className="p-2">Who</th>
            <th scope="col" className="p-2">What</th>
            <th scope="col" className="p-2">Before</th>
            <th scope="col" className="p-2">After</th>
          </tr>
        </thead>
        <tbody>
          {events.map((e) => (
            <tr key={e.id} className="border-b border-slate-100 align-top">
              <td className="whitespace-nowrap p-2">{e.at.replace("T", " ").slice(0, 19)}</td>
              <td className="p-2">
                {e.actor.name} ({e.actor.userId})
              </td>
              <td className="p-2">
                <span className="font-medium">{e.action}</span> {e.entity}
                <span className="block text-xs text-slate-600">{e.entityId}</span>
              </td>
              {[e.before, e.after].map((value, i) => (
                <td key={i} className="p-2">
                  <details>
                    <summary className="cursor-pointer text-indigo-800">{value === null ? "—" : "show"}</summary>
                    <pre tabIndex={0} aria-label={i === 0 ? "Before" : "After"} className="mt-1 max-h-64 max-w-md overflow-auto whitespace-pre-wrap rounded bg-slate-50 p-2 text-xs">{show(value)}</pre>
                  </details>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {nextHref && (
        <Link href={nextHref} className="text-sm text-indigo-800 underline">
          Older changes
        </Link>
      )}
    </div>
  );
}
