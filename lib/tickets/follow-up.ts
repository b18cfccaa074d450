// A new ticket about an earlier one of the same customer (a closed ticket cannot be reopened: the customer
// opens a follow-up from its page). The two are linked as related, with an event on each, so support
// sees the history.
import type { Actor } from "@/lib/actor";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { queryStatement } from "@/lib/db/statement";
import { invalid } from "@/lib/errors";

export interface FollowUpTarget {
  id: number;
  number: string;
}

/** The customer's own ticket `number`; anything else (unknown, another customer's) is the same 400, so nothing leaks. */
export async function findFollowUpTarget(customerId: string, number: string): Promise<FollowUpTarget> {
  const [target] = await queryStatement<FollowUpTarget>(Prisma.sql`
    SELECT "id", "number" FROM "Ticket" WHERE "number" = ${number} AND "customerId" = ${customerId}`);
  if (!target) throw invalid({ followUpOf: [`${number} is not one of this customer's tickets.`] });
  return target;
}

/** Links the new ticket to the one it follows up (RELATED), with a LINKED event on each; once, however often it is called. */
export async function linkFollowUp(actor: Actor, ticket: FollowUpTarget, target: FollowUpTarget, now: Date): Promise<void> {
  await db().$transaction(async (tx) => {
    const created = await tx.ticketLink.createMany({
      data: [{ ticketId: ticket.id, targetId: target.id, kind: "RELATED", createdById: actor.id, createdAt: now }],
      skipDuplicates: true,
    });
    if (!created.count) return;
    const inputs = { kind: "RELATED", ticket: ticket.number, target: target.number, followUp: true };
    await tx.ticketEvent.createMany({
      data: [
        { ticketId: ticket.id, type: "LINKED", actorId: actor.id, rule: "link.follow-up", inputs, reason: `Opened as a follow-up to ${target.number}: linked as related.`, createdAt: now },
        { ticketId: target.id, type: "LINKED", actorId: actor.id, rule: "link.follow-up", inputs, reason: `${ticket.number} was opened as a follow-up to this ticket: linked as related.`, createdAt: now },
      ],
    });
  });
}
