import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { PRIORITY_TONE, STATUS_LABEL, formatAge } from "@/components/tickets/labels";
import { requirePageActor } from "@/lib/auth/page-guard";
import { findQueue } from "@/lib/tickets/find-queue";

export const metadata: Metadata = { title: "L1 queue" };

export default async function QueuePage({ searchParams }: { searchParams: Promise<{ cursor?: string }> }) {
  const actor = await requirePageActor(["AGENT", "MANAGER", "ADMIN"]);
  const { cursor } = await searchParams;
  const queue = await findQueue(actor, "L1", cursor);
  const now = new Date();
  return (
    <section aria-labelledby="queue-heading">
      <h1 id="queue-heading" className="mb-4 text-xl font-bold">
        L1 queue
      </h1>
      {queue.rows.length === 0 ? (
        <p className="text-sm text-slate-700">No open tickets at L1.</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="min-w-full text-left text-sm">
            <thead className="bg-slate-100 text-xs uppercase text-slate-700">
              <tr>
                <th scope="col" className="px-3 py-2">Number</th>
                <th scope="col" className="px-3 py-2">Title</th>
                <th scope="col" className="px-3 py-2">Priority</th>
                <th scope="col" className="px-3 py-2">Status</th>
                <th scope="col" className="px-3 py-2">Category</th>
                <th scope="col" className="px-3 py-2">Customer</th>
                <th scope="col" className="px-3 py-2">Assignee</th>
                <th scope="col" className="px-3 py-2">Age</th>
              </tr>
            </thead>
            <tbody>
              {queue.rows.map((r) => (
                <tr key={r.number} className="border-t border-slate-200">
                  <td className="px-3 py-2 font-mono">{r.number}</td>
                  <td className="px-3 py-2">{r.title}</td>
                  <td className="px-3 py-2">
                    <Badge tone={PRIORITY_TONE[r.priority]}>{r.priority}</Badge>
                  </td>
                  <td className="px-3 py-2">{STATUS_LABEL[r.status]}</td>
                  <td className="px-3 py-2">{r.category}</td>
                  <td className="px-3 py-2">
                    {r.customer.name} <span className="text-slate-600">({r.customer.userId}{r.customer.organization ? `, ${r.customer.organization}` : ""})</span>
                  </td>
                  <td className="px-3 py-2">{r.assignee ?? <span className="text-slate-600">Unassigned</span>}</td>
                  <td className="px-3 py-2">
                    <time dateTime={r.createdAt.toISOString()} title={r.createdAt.toISOString()}>
                      {formatAge(r.createdAt, now)}
                    </time>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {queue.nextCursor && (
        <p className="mt-4">
          <Link href={`/queue?cursor=${queue.nextCursor}`} className="text-sm text-indigo-800 underline">
            Next page
          </Link>
        </p>
      )}
    </section>
  );
}
