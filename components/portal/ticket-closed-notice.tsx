import Link from "next/link";

/** A closed ticket cannot be reopened: the way on is a new ticket, linked to this one as related. */
export function TicketClosedNotice({ number }: { number: string }) {
  return (
    <section aria-labelledby="closed-heading" className="space-y-2 rounded-lg border border-slate-200 bg-slate-50 p-4">
      <h2 id="closed-heading" className="text-base font-semibold">
        This ticket is closed
      </h2>
      <p className="text-sm text-slate-700">A closed ticket cannot be reopened. If the problem is back, open a new ticket: we link it to this one, so support sees the history.</p>
      <Link href={`/portal?related=${encodeURIComponent(number)}#new-ticket-heading`} className="inline-block font-medium text-indigo-800 underline">
        Open a new ticket about this
      </Link>
    </section>
  );
}
