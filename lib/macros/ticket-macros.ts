import type { Actor } from "@/lib/actor";
import { db } from "@/lib/db/client";
import type { CommentVisibility, TicketStatus } from "@/lib/db/generated/enums";
import { forbidden, notFound } from "@/lib/errors";
import { visibleTicketWhere } from "@/lib/permissions";

/** A macro as the composer's picker lists it. */
export interface MacroChoice {
  id: number;
  title: string;
  /** The category's name, or null for a macro offered on every ticket. */
  category: string | null;
  visibility: CommentVisibility;
  setStatus: TicketStatus | null;
}

export function requireStaffForMacros(actor: Actor): void {
  if (actor.role === "CUSTOMER") throw forbidden("Macros are for staff.");
}

/** The macros offered on a ticket: its category's first, then the global ones, each by title (staff who can see it). */
export async function listTicketMacros(actor: Actor, number: string): Promise<MacroChoice[]> {
  requireStaffForMacros(actor);
  const ticket = await db().ticket.findFirst({ where: visibleTicketWhere(actor, number), select: { categoryId: true } });
  if (!ticket) throw notFound("Ticket");
  const rows = await db().macro.findMany({
    where: { OR: [{ categoryId: ticket.categoryId }, { categoryId: null }] },
    orderBy: { title: "asc" },
    take: 500,
    select: { id: true, title: true, visibility: true, setStatus: true, category: { select: { name: true } } },
  });
  const choices = rows.map((r) => ({ id: r.id, title: r.title, category: r.category?.name ?? null, visibility: r.visibility, setStatus: r.setStatus }));
  return [...choices.filter((c) => c.category !== null), ...choices.filter((c) => c.category === null)];
}
