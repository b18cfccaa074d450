import type { Actor } from "@/lib/actor";
import type { Transaction } from "@/lib/db/client";

/** Has `actor` handed this ticket on (escalated or returned it)? Then they may still add internal notes to it. */
export async function hasHandedOff(tx: Transaction, actor: Actor, ticketId: number): Promise<boolean> {
  if (actor.role === "CUSTOMER") return false;
  const event = await tx.ticketEvent.findFirst({ where: { ticketId, actorId: actor.id, type: { in: ["ESCALATED", "RETURNED"] } }, select: { id: true } });
  return event !== null;
}
