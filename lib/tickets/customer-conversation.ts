import type { Actor } from "@/lib/actor";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { visibleTicketWhere } from "@/lib/permissions";
import { listEvents } from "./list-events";

export interface PortalReply {
  id: number;
  body: string;
  /** "You" for the customer's own replies; the agent's name for support's. */
  author: string;
  fromSupport: boolean;
  at: string;
}

export interface PortalHistoryEntry {
  at: string;
  explanation: string;
}

/** The public conversation and the status history of the customer's own ticket; never internal notes or routing. */
export async function getCustomerConversation(actor: Actor, number: string): Promise<{ replies: PortalReply[]; history: PortalHistoryEntry[] }> {
  const ticket = await db().ticket.findFirst({ where: visibleTicketWhere(actor, number), select: { id: true, customerId: true } });
  if (!ticket) throw notFound("Ticket");
  const comments = await db().comment.findMany({
    where: { ticketId: ticket.id, visibility: "PUBLIC" },
    orderBy: { id: "asc" },
    include: { author: { select: { id: true, name: true } } },
  });
  const events = await listEvents(actor, number);
  return {
    replies: comments.map((c) => ({
      id: c.id,
      body: c.body,
      author: c.author.id === actor.id ? "You" : c.author.name,
      fromSupport: c.author.id !== ticket.customerId,
      at: c.createdAt.toISOString(),
    })),
    history: events.filter((e) => e.type !== "COMMENTED").map((e) => ({ at: e.at, explanation: e.explanation })),
  };
}
