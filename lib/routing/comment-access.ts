import type { Actor } from "@/lib/actor";
import type { TicketStatus, Tier } from "@/lib/db/generated/enums";
import { owningTier, worksAtTier } from "@/lib/routing/guards";

export type CommentVisibility = "PUBLIC" | "INTERNAL";

export type CommentRefusal = { code: "FORBIDDEN" | "CONFLICT"; message: string };

/**
 * May `actor` write on a ticket they can see (a reply, a note, or files)? Customers write public replies on
 * their own tickets (the caller's scoped query already hid everyone else's); staff write at the ticket's
 * owning tier, managers anywhere; an agent who handed the ticket on (escalated or returned it) may still add
 * internal notes, so what they learn later reaches the tier that has it; nobody writes on a closed ticket.
 * Null when allowed.
 */
export function commentRefusal(
  actor: Actor,
  ticket: { tier: Tier; status: TicketStatus },
  visibility: CommentVisibility,
  history: { handedOff: boolean } = { handedOff: false },
): CommentRefusal | null {
  const isCustomer = actor.role === "CUSTOMER";
  if (isCustomer && visibility !== "PUBLIC") return { code: "FORBIDDEN", message: "Customers write public replies only." };
  const notingAfterHandoff = !isCustomer && visibility === "INTERNAL" && history.handedOff;
  if (!isCustomer && !worksAtTier(actor, owningTier(ticket.tier)) && !notingAfterHandoff) {
    return { code: "FORBIDDEN", message: `Only ${owningTier(ticket.tier)} agents or a manager may write on this ticket.` };
  }
  if (ticket.status === "CLOSED") return { code: "CONFLICT", message: "The ticket is closed." };
  return null;
}
