import type { Actor } from "@/lib/actor";
import { db } from "@/lib/db/client";
import { forbidden } from "@/lib/errors";
import { can, ticketScope } from "@/lib/permissions";
import { parseInput } from "@/lib/validation/parse";
import type { VerbInput } from "@/lib/validation/unchecked";
import { ZListTickets } from "@/lib/validation/ticket";
import { findTicketPage, type KeysetArgs, type KeysetPage } from "./ticket-page";
import { TICKET_INCLUDE, toTicketJson, type TicketJson } from "./core/ticket-json";

export const DEFAULT_PAGE_SIZE = 25;

export type TicketPage = KeysetPage<TicketJson>;

/**
 * Newest first, keyset-paginated on the ticket id (ids rise with creation). Customers see only their own.
 * The cursor is the id of the last ticket on the page: opaque to clients, stable under inserts.
 */
export async function listTickets(actor: Actor, query: VerbInput<typeof ZListTickets>): Promise<TicketPage> {
  return listTicketsAs(actor, query, (args) => db().ticket.findMany({ ...args, include: TICKET_INCLUDE }), toTicketJson);
}

/**
 * The query of `GET /api/v1/tickets` (tier, status, limit, cursor; customers scoped to their own tickets),
 * read and shaped by the caller: the staff shape above, the customer view in `listTicketsFor`.
 */
export async function listTicketsAs<Row extends { id: number }, T>(
  actor: Actor,
  query: VerbInput<typeof ZListTickets>,
  find: (args: KeysetArgs) => Promise<Row[]>,
  toJson: (row: Row) => T,
): Promise<KeysetPage<T>> {
  if (!can(actor, "ticket:list")) throw forbidden();
  const q = parseInput(ZListTickets, query);
  const where = {
    ...ticketScope(actor),
    ...(q.tier ? { tier: q.tier } : {}),
    ...(q.status ? { status: q.status } : {}),
  };
  return findTicketPage(where, { cursor: q.cursor, size: q.limit ?? DEFAULT_PAGE_SIZE }, find, toJson);
}
