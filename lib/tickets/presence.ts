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
  const ticketId = await viewableTicketId(actor, number);
  await db().ticketViewer.upsert({
    where: { ticketId_userId: { ticketId, userId: actor.id } },
    create: { ticketId, userId: actor.id, seenAt: now },
    update: { seenAt: now },
  });
  return otherViewers(actor, ticketId, now);
}

/** Who else has the ticket open, without recording a heartbeat: what a page asks when told someone arrived. */
export async function listTicketViewers(actor: Actor, number: string, now = new Date()): Promise<TicketViewerJson[]> {
  return otherViewers(actor, await viewableTicketId(actor, number), now);
}

async function viewableTicketId(actor: Actor, number: string): Promise<number> {
  const ticket = await db().ticket.findFirst({ where: visibleTicketWhere(actor, number), select: { id: true } });
  if (!ticket) throw notFound("Ticket");
  if (!can(actor, "queue:view")) throw forbidden("Only staff share who is viewing a ticket.");
  return ticket.id;
}

async function otherViewers(actor: Actor, ticketId: number, now: Date): Promise<TicketViewerJson[]> {
  const since = new Date(now.getTime() - PRESENCE_WINDOW_SECONDS * 1000);
  const others = await db().ticketViewer.findMany({
    where: { ticketId, userId: { not: actor.id }, seenAt: { gte: since }, user: { active: true } },
    orderBy: [{ seenAt: "asc" }, { userId: "asc" }],
    select: { seenAt: true, user: { select: { userId: true, name: true } } },
  });
  return others.map((v) => ({ userId: v.user.userId, name: v.user.name, seenAt: v.seenAt.toISOString() }));
}
