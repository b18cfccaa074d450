import type { Actor } from "@/lib/actor";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { getTicket } from "@/lib/tickets/get-ticket";
import type { TicketJson } from "@/lib/tickets/ticket-json";
import { checkClaim } from "./escalation";
import { loadTicket, recordEvents } from "./ticket-store";

/**
 * An agent takes an unassigned ticket at their tier. Atomic: the write only succeeds while the ticket
 * has no assignee, so of many simultaneous claims exactly one wins; the assignee claiming again changes
 * nothing; anyone else gets a 409.
 */
export async function claimTicket(actor: Actor, number: string, now = new Date()): Promise<TicketJson> {
  await db().$transaction(async (tx) => {
    const ticket = await loadTicket(tx, actor, number);
    const verdict = checkClaim(actor, ticket);
    if (!verdict.ok) throw new AppError(verdict.code, verdict.message);
    if (verdict.already) return;
    const { count } = await tx.ticket.updateMany({
      where: { id: ticket.id, assigneeId: null, tier: ticket.tier, status: { notIn: ["RESOLVED", "CLOSED"] } },
      data: { assigneeId: actor.id, status: ticket.status === "NEW" ? "ASSIGNED" : ticket.status, version: { increment: 1 } },
    });
    if (count === 0) {
      const current = await tx.ticket.findUniqueOrThrow({ where: { id: ticket.id }, select: { assigneeId: true } });
      if (current.assigneeId === actor.id) return;
      throw new AppError("CONFLICT", "Someone else has claimed this ticket.");
    }
    await tx.user.updateMany({ where: { id: actor.id }, data: { lastAssignedAt: now } });
    await recordEvents(tx, ticket.id, [
      {
        type: "CLAIMED",
        actorId: actor.id,
        fromTier: ticket.tier,
        toTier: ticket.tier,
        toGroup: ticket.group.slug,
        toAssignee: actor.userId,
        rule: "claim.pull",
        inputs: { group: ticket.group.slug, assignmentMode: ticket.group.assignmentMode },
        reason: `Claimed by ${actor.name} from the ${ticket.group.name} queue.`,
        createdAt: now,
      },
    ]);
  });
  return getTicket(actor, number);
}
