import type { Metadata } from "next";
import Link from "next/link";
import { TicketFilterNav } from "@/components/portal/ticket-filter-nav";
import { TicketList } from "@/components/portal/ticket-list";
import { PortalTicketsLive } from "@/components/portal/ticket-live";
import { requirePageActor } from "@/lib/auth/page-guard";
import { listCustomerTickets } from "@/lib/tickets/customer-tickets";
import { idCursor } from "@/lib/validation/int4";

export const metadata: Metadata = { title: "My tickets" };

export default async function MyTicketsPage({ searchParams }: PageProps<"/portal/tickets">) {
  const actor = await requirePageActor(["CUSTOMER"]);
  const params = await searchParams;
  const filter = params.filter === "open" || params.filter === "resolved" ? params.filter : undefined;
  // A cursor the list would refuse (not a ticket id) shows the first page instead.
  const cursor = typeof params.cursor === "string" && idCursor().safeParse(params.cursor).success ? params.cursor : undefined;
  const page = await listCustomerTickets(actor, { filter, cursor });
  return (
    <section aria-labelledby="my-tickets-heading">
      <PortalTicketsLive />
      <h1 id="my-tickets-heading" className="mb-4 text-xl font-bold">
        My tickets
      </h1>
      <TicketFilterNav current={filter} />
      {page.tickets.length === 0 ? (
        <p className="text-sm text-slate-700">
          {filter ? "No tickets here." : "You have no tickets yet."}{" "}
          <Link href="/portal" className="underline">
            Open one
          </Link>
          .
        </p>
      ) : (
        <TicketList tickets={page.tickets} now={new Date()} />
      )}
      {page.nextCursor && (
        <p className="mt-4">
          <Link href={`/portal/tickets?${new URLSearchParams({ ...(filter ? { filter } : {}), cursor: page.nextCursor })}`} className="text-sm text-indigo-800 underline">
            Older tickets
          </Link>
        </p>
      )}
    </section>
  );
}
