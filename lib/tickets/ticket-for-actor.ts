// The API's ticket answers: staff get the full staff shape, customers their own view (no group, agent,
// vendor reference, rule inputs or clock internals). Both keep the same scoping: another customer's ticket is 404.
import type { Actor } from "@/lib/actor";
import { db } from "@/lib/db/client";
import type { ZCreateTicket, ZListTickets } from "@/lib/validation/ticket";
import type { VerbInput } from "@/lib/validation/unchecked";
import { CUSTOMER_TICKET_SELECT, toCustomerTicketJson, type CustomerTicketJson } from "./customer-ticket-json";
import { openTicket } from "./create-ticket";
import { getCustomerTicket } from "./customer-tickets";
import { getTicket } from "./core/get-ticket";
import { listTickets, listTicketsAs, type TicketPage } from "./list-tickets";
import type { KeysetPage } from "./ticket-page";
import type { TicketJson } from "./core/ticket-json";

export function readTicketFor(actor: Actor, number: string): Promise<TicketJson | CustomerTicketJson> {
  return actor.role === "CUSTOMER" ? getCustomerTicket(actor, number) : getTicket(actor, number);
}

/**
 * POST /api/v1/tickets: opens the ticket, then answers in the caller's view. A customer gets the same
 * customer view `GET` of the ticket returns (a replayed idempotent submit too); staff the staff shape.
 */
export async function openTicketFor(
  actor: Actor,
  input: VerbInput<typeof ZCreateTicket>,
  now = new Date(),
): Promise<{ ticket: TicketJson | CustomerTicketJson; created: boolean }> {
  const { ticket, created } = await openTicket(actor, input, now);
  return { ticket: actor.role === "CUSTOMER" ? await getCustomerTicket(actor, ticket.number) : ticket, created };
}

/** GET /api/v1/tickets: the same query and keyset pages for everyone; customers get their own tickets in their view. */
export async function listTicketsFor(actor: Actor, query: VerbInput<typeof ZListTickets>): Promise<TicketPage | KeysetPage<CustomerTicketJson>> {
  if (actor.role !== "CUSTOMER") return listTickets(actor, query);
  return listTicketsAs(actor, query, (args) => db().ticket.findMany({ ...args, select: CUSTOMER_TICKET_SELECT }), toCustomerTicketJson);
}
