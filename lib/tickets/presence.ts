import type { Actor } from "@/lib/actor";
import { db } from "@/lib/db/client";
import { forbidden, notFound } from "@/lib/errors";
import { can, visibleTicketWhere } from "@/lib/permissions";

/** A viewer counts as present while their last heartbeat is this recent (the page beats every ~10 s). */
export const PRESENCE_WINDOW_SECONDS = 30;

export interface TicketViewerJson {
  userId: string;
  name: string;
  seenAt: string;
}

/**
 * Records that `actor` has the ticket open now and returns the other staff who had it open within the
 * presence window, longest-present first. Staff only; a ticket the actor may not see is "not found".
 */
export async function heartbeatTicketView(actor: Actor, number: string, now = new Date()): Promise<TicketViewerJson[]> {
  const ticket = await db().ticket.findFirst({ where: visibleTicketWhere(actor, number), select: { id: true } });
  if (!ticket) throw notFound("Ticket");
  if (!can(actor, "queue:view")) throw forbidden("Only staff share who is viewing a ticket.");

  await db().ticketViewer.upsert({
    where: { ticketId_userId: { ticketId: ticket.id, userId: actor.id } },
    create: { ticketId: ticket.id, userId: actor.id, seenAt: now },
    update: { seenAt: now },
  });
  const since = new Date(now.getTime() - PRESENCE_WINDOW_SECONDS * 1000);
  const others = await db().ticketViewer.findMany({
    where: { ticketId: ticket.id, userId: { not: actor.id }, seenAt: { gte: since }, user: { active: true } },
    orderBy: [{ seenAt: "asc" }, { userId: "asc" }],
    select: { seenAt: true, user: { select: { userId: true, name: true } } },
  });
  return others.map((v) => ({ userId: v.user.userId, name: v.user.name, seenAt: v.seenAt.toISOString() }));
}
