import type { Actor } from "@/lib/actor";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { visibleTicketWhere } from "@/lib/permissions";
import { TICKET_INCLUDE, toTicketJson, type TicketJson } from "./ticket-json";

/** One ticket by number. Someone else's ticket is "not found", never "forbidden": its existence stays private. */
export async function getTicket(actor: Actor, number: string): Promise<TicketJson> {
  const row = await db().ticket.findFirst({
    where: visibleTicketWhere(actor, number),
    include: TICKET_INCLUDE,
  });
  if (!row) throw notFound("Ticket");
  return toTicketJson(row);
}
