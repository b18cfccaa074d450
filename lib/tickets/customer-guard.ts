import type { Actor } from "@/lib/actor";
import type { Transaction } from "@/lib/db/client";
import { forbidden } from "@/lib/errors";
import { loadTicket, type RoutingTicket } from "@/lib/tickets/core/ticket-store";

/** The customer's own ticket (another customer's is "not found"); the portal verbs are for customers only. */
export async function loadOwnTicket(tx: Transaction, actor: Actor, number: string): Promise<RoutingTicket> {
  const ticket = await loadTicket(tx, actor, number);
  if (actor.role !== "CUSTOMER") throw forbidden("Only the customer who opened the ticket can do this.");
  return ticket;
}
