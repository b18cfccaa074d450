import type { Actor } from "@/lib/actor";
import { queryStatement } from "@/lib/db/statement";
import { Prisma } from "@/lib/db/generated/client";
import { invalid } from "@/lib/errors";
import { updateTicket } from "@/lib/routing/update-ticket";
import { addComment } from "./add-comment";
import { getTicket } from "./core/get-ticket";
import type { TicketJson } from "./core/ticket-json";

/** Who a new ticket is for: the signed-in customer, or the customer staff log a contact for. */
export interface IntakeCustomer {
  id: string;
  userId: string;
  organizationId: string | null;
}

/**
 * The active customer with this user ID. Anyone else (staff, a deactivated customer, nobody) is refused as
 * the `customer` field at fault (400), like an unknown category: it is the request's field, not its resource.
 */
export async function findIntakeCustomer(userId: string): Promise<IntakeCustomer> {
  const [customer] = await queryStatement<IntakeCustomer>(Prisma.sql`
    SELECT "id", "userId", "organizationId" FROM "User" WHERE "userId" = ${userId} AND "role" = 'CUSTOMER' AND "active"`);
  if (!customer) throw invalid({ customer: [`No active customer has the user ID ${userId}.`] });
  return customer;
}

/**
 * "Resolved on first contact": the resolution note goes to the customer as a public reply, then the ticket
 * is resolved by the agent who claimed it (the usual status change, its event and mail). Each step is the
 * existing atomic service; should the second fail, the ticket stays open, claimed, with the note sent.
 */
export async function resolveOnFirstContact(actor: Actor, ticket: TicketJson, resolution: string, now: Date): Promise<TicketJson> {
  await addComment(actor, ticket.number, { body: resolution, visibility: "PUBLIC" }, now);
  const current = await getTicket(actor, ticket.number);
  return updateTicket(actor, ticket.number, { version: current.version, status: "RESOLVED" }, now);
}
