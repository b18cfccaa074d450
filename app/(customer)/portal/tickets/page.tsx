import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { PRIORITY_TONE, STATUS_LABEL, TYPE_LABEL } from "@/components/tickets/labels";
import { requirePageActor } from "@/lib/auth/page-guard";
import { listTickets } from "@/lib/tickets/list-tickets";

export const metadata: Metadata = { title: "My tickets" };

export default async function MyTicketsPage({ searchParams }: { searchParams: Promise<{ cursor?: string }> }) {
  const actor = await requirePageActor(["CUSTOMER"]);
  const { cursor } = await searchParams;
  const page = await listTickets(actor, { cursor: cursor?.match(/^\d+$/) ? cursor : undefined });
  return (
    <section aria-labelledby="my-tickets-heading">
      <h1 id="my-tickets-heading" className="mb-4 text-xl font-bold">
        My tickets
      </h1>
      {page.tickets.length === 0 ? (
        <p className="text-sm text-slate-700">
          You have no tickets yet. <Link href="/portal" className="underline">Open one</Link>.
        </p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="min-w-full text-left text-sm">
            <thead className="bg-slate-100 text-xs uppercase text-slate-700">
              <tr>
                <th scope="col" className="px-3 py-2">Number</th>
                <th scope="col" className="px-3 py-2">Title</th>
                <th scope="col" className="px-3 py-2">Type</th>
                <th scope="col" className="px-3 py-2">Status</th>
                <th scope="col" className="px-3 py-2">Priority</th>
                <th scope="col" className="px-3 py-2">Opened</th>
              </tr>
            </thead>
            <tbody>
              {page.tickets.map((t) => (
                <tr key={t.number} className="border-t border-slate-200">
                  <td className="px-3 py-2 font-mono">{t.number}</td>
                  <td className="px-3 py-2">{t.title}</td>
                  <td className="px-3 py-2">{TYPE_LABEL[t.type]}</td>
                  <td className="px-3 py-2">{STATUS_LABEL[t.status]}</td>
                  <td className="px-3 py-2">
                    <Badge tone={PRIORITY_TONE[t.priority]}>{t.priority}</Badge>
                  </td>
                  <td className="px-3 py-2">
                    <time dateTime={t.createdAt}>{new Date(t.createdAt).toUTCString().replace(" GMT", " UTC")}</time>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {page.nextCursor && (
        <p className="mt-4">
          <Link href={`/portal/tickets?cursor=${page.nextCursor}`} className="text-sm text-indigo-800 underline">
            Older tickets
          </Link>
        </p>
      )}
    </section>
  );
}
