import type { Actor } from "@/lib/actor";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { forbidden, notFound } from "@/lib/errors";
import { visibleTicketWhere } from "@/lib/permissions";
import { parseInput } from "@/lib/validation/parse";
import type { VerbInput } from "@/lib/validation/unchecked";
import { ZCustomerTicketFilter } from "@/lib/validation/portal";
import { CUSTOMER_OPEN_STATUSES } from "@/lib/tickets/core/customer-labels";
import { CUSTOMER_TICKET_SELECT, toCustomerTicketJson, type CustomerTicketJson } from "./customer-ticket-json";
import { findTicketPage, type KeysetPage } from "./ticket-page";

const PAGE_SIZE = 25;

function requireCustomer(actor: Actor): void {
  if (actor.role !== "CUSTOMER") throw forbidden("The portal view is for customers.");
}

/** One of the customer's own tickets in their view; anyone else's is "not found". */
export async function getCustomerTicket(actor: Actor, number: string): Promise<CustomerTicketJson> {
  requireCustomer(actor);
  const row = await db().ticket.findFirst({ where: visibleTicketWhere(actor, number), select: CUSTOMER_TICKET_SELECT });
  if (!row) throw notFound("Ticket");
  return toCustomerTicketJson(row);
}

/** The customer's own tickets, newest first: all, open only, or resolved and closed only. */
export async function listCustomerTickets(actor: Actor, query: VerbInput<typeof ZCustomerTicketFilter>): Promise<KeysetPage<CustomerTicketJson>> {
  requireCustomer(actor);
  const q = parseInput(ZCustomerTicketFilter, query);
  const where: Prisma.TicketWhereInput = {
    customerId: actor.id,
    ...(q.filter === "open" ? { status: { in: CUSTOMER_OPEN_STATUSES } } : q.filter === "resolved" ? { status: { notIn: CUSTOMER_OPEN_STATUSES } } : {}),
  };
  return findTicketPage(
    where,
    { cursor: q.cursor, size: PAGE_SIZE },
    (args) => db().ticket.findMany({ ...args, select: CUSTOMER_TICKET_SELECT }),
    toCustomerTicketJson,
  );
}
