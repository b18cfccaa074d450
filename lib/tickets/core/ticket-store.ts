// Loading and saving tickets, for the tier verbs (lib/routing) and the other ticket verbs alike: the scoped
// read, the optimistic write that refuses a stale version, and the decision log's events.
import type { Actor } from "@/lib/actor";
import type { Transaction } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { AppError, notFound } from "@/lib/errors";
import { visibleTicketWhere } from "@/lib/permissions";

export const ROUTING_INCLUDE = {
  category: { include: { l2Group: true } },
  group: true,
  assignee: { select: { id: true, userId: true, name: true } },
  customer: { select: { id: true, userId: true, name: true } },
} satisfies Prisma.TicketInclude;

export type RoutingTicket = Prisma.TicketGetPayload<{ include: typeof ROUTING_INCLUDE }>;

/** The ticket by number as `actor` may see it: another customer's ticket is "not found". */
export async function loadTicket(tx: Transaction, actor: Actor, number: string): Promise<RoutingTicket> {
  const row = await tx.ticket.findFirst({ where: visibleTicketWhere(actor, number), include: ROUTING_INCLUDE });
  if (!row) throw notFound("Ticket");
  return row;
}

/**
 * Writes a change only if nobody changed the ticket since it was read: a stale version is a 409 that
 * names the current one. Every change increments the version and stamps `updatedAt` with the service's
 * clock (a new assignee's last-assigned time is taken from it by the database).
 */
export async function saveTicket(
  tx: Transaction,
  ticket: { id: number; version: number },
  data: Prisma.TicketUncheckedUpdateManyInput,
  now: Date,
): Promise<void> {
  const { count } = await tx.ticket.updateMany({ where: { id: ticket.id, version: ticket.version }, data: { ...data, version: { increment: 1 }, updatedAt: now } });
  if (count === 0) {
    const current = await tx.ticket.findUnique({ where: { id: ticket.id }, select: { version: true } });
    throw staleVersion(current?.version ?? ticket.version);
  }
}

export function staleVersion(current: number): AppError {
  return new AppError("CONFLICT", "Someone changed this ticket since you read it. Reload and try again.", undefined, { currentVersion: current });
}

export type EventInput = Omit<Prisma.TicketEventUncheckedCreateInput, "ticketId" | "id">;

export async function recordEvents(tx: Transaction, ticketId: number, events: EventInput[]): Promise<void> {
  if (events.length) await tx.ticketEvent.createMany({ data: events.map((e) => ({ ...e, ticketId })) });
}
