import { BackLink } from "@/components/layout/back-link";

/** Inside the staff shell: an unknown or malformed ticket number. */
export default function TicketNotFound() {
  return (
    <section aria-labelledby="ticket-not-found" className="space-y-4">
      <title>Ticket not found · Tierdesk</title>
      <h1 id="ticket-not-found" className="text-2xl font-semibold text-slate-900">
        Ticket not found
      </h1>
      <p className="text-slate-700">There is no ticket with this number. Check the number, or find the ticket in the queue.</p>
      <BackLink href="/queue">Back to the queue</BackLink>
    </section>
  );
}
