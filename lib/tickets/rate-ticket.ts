import type { Actor } from "@/lib/actor";
import { db } from "@/lib/db/client";
import { AppError, forbidden } from "@/lib/errors";
import { recordEvents } from "@/lib/tickets/core/ticket-store";
import { parseInput } from "@/lib/validation/parse";
import type { VerbInput } from "@/lib/validation/unchecked";
import { ZRateTicket } from "@/lib/validation/portal";
import { loadOwnTicket } from "./customer-guard";
import type { CustomerTicketJson } from "./customer-ticket-json";
import { getCustomerTicket } from "./customer-tickets";

/** The customer's 1–5 satisfaction rating of a resolved or closed ticket; rating again replaces it. */
export async function rateTicket(actor: Actor, number: string, input: VerbInput<typeof ZRateTicket>, now = new Date()): Promise<CustomerTicketJson> {
  const data = parseInput(ZRateTicket, input);
  await db().$transaction(async (tx) => {
    const ticket = await loadOwnTicket(tx, actor, number);
    if (ticket.status !== "RESOLVED" && ticket.status !== "CLOSED") throw new AppError("CONFLICT", "You can rate a ticket once it is resolved.");
    const comment = data.comment ?? "";
    await tx.ticketRating.upsert({
      where: { ticketId: ticket.id },
      create: { ticketId: ticket.id, customerId: actor.id, score: data.score, comment, createdAt: now, updatedAt: now },
      update: { score: data.score, comment, updatedAt: now },
    });
    await recordEvents(tx, ticket.id, [
      {
        type: "RATED",
        actorId: actor.id,
        fromTier: ticket.tier,
        toTier: ticket.tier,
        rule: "customer.rating",
        inputs: { score: data.score, comment },
        reason: `${actor.name} rated the resolution ${data.score} of 5${comment ? `: "${comment}"` : ""}.`,
        createdAt: now,
      },
    ]);
  });
  return getCustomerTicket(actor, number);
}

export interface RatingSummary {
  count: number;
  /** Null until someone rates. */
  average: number | null;
  /** How many of each score, 1 to 5. */
  byScore: Record<1 | 2 | 3 | 4 | 5, number>;
}

/** Satisfaction counted for managers and admins. */
export async function ratingSummary(actor: Actor): Promise<RatingSummary> {
  if (actor.role !== "MANAGER" && actor.role !== "ADMIN") throw forbidden();
  const groups = await db().ticketRating.groupBy({ by: ["score"], _count: { _all: true } });
  const byScore = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 };
  for (const g of groups) byScore[g.score as 1 | 2 | 3 | 4 | 5] = g._count._all;
  const count = Object.values(byScore).reduce((a, b) => a + b, 0);
  const total = Object.entries(byScore).reduce((sum, [score, n]) => sum + Number(score) * n, 0);
  return { count, average: count ? Math.round((total / count) * 100) / 100 : null, byScore };
}
