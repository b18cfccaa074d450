import type { Actor } from "@/lib/actor";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { forbidden } from "@/lib/errors";
import { can, ticketScope } from "@/lib/permissions";
import { parseInput } from "@/lib/validation/parse";
import { ZListTickets } from "@/lib/validation/ticket";
import { TICKET_INCLUDE, toTicketJson, type TicketJson } from "./ticket-json";

export const DEFAULT_PAGE_SIZE = 25;

export interface TicketPage {
  tickets: TicketJson[];
  nextCursor: string | null;
}

/**
 * Newest first, keyset-paginated on the ticket id (ids rise with creation). Customers see only their own.
 * The cursor is the id of the last ticket on the page: opaque to clients, stable under inserts.
 */
export async function listTickets(actor: Actor, query: unknown): Promise<TicketPage> {
  if (!can(actor, "ticket:list")) throw forbidden();
  const q = parseInput(ZListTickets, query);
  const take = q.limit ?? DEFAULT_PAGE_SIZE;
  const where: Prisma.TicketWhereInput = {
    ...ticketScope(actor),
    ...(q.tier ? { tier: q.tier } : {}),
    ...(q.status ? { status: q.status } : {}),
    ...(q.cursor ? { id: { lt: Number(q.cursor) } } : {}),
  };
  const rows = await db().ticket.findMany({ where, orderBy: { id: "desc" }, take: take + 1, include: TICKET_INCLUDE });
  const page = rows.slice(0, take);
  return {
    tickets: page.map(toTicketJson),
    nextCursor: rows.length > take ? String(page[page.length - 1]!.id) : null,
  };
}
