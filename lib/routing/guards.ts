import type { Actor } from "@/lib/actor";
import type { Impact, L4Kind, TicketStatus, Tier, Urgency } from "@/lib/db/generated/enums";
import type { Verdict } from "@/lib/refusal";
import { MANUAL_STATUSES } from "@/lib/validation/routing";

// The guards: pure answers to "may this actor do this to this ticket now?". The verbs call them inside their
// transaction, the ticket page calls them to offer only what will be allowed; refusalError (lib/refusal.ts)
// turns a refusal into the API's error.

export const NEXT_TIER: Record<Tier, Tier | null> = { L1: "L2", L2: "L3", L3: "L4", L4: null };
export const PREVIOUS_TIER: Record<Tier, Tier | null> = { L1: null, L2: "L1", L3: "L2", L4: "L3" };
export const CLOSED_STATUSES: TicketStatus[] = ["RESOLVED", "CLOSED"];

export interface TicketFacts {
  tier: Tier;
  status: TicketStatus;
  /** At L4 this is still the L3 owner, who coordinates while L4 works. */
  assigneeId: string | null;
  impact: Impact | null;
  urgency: Urgency | null;
  categoryId: string | null;
}

export interface GroupFacts {
  slug: string;
  tier: Tier;
  l4Kind: L4Kind | null;
}

const isManager = (actor: Actor) => actor.role === "MANAGER" || actor.role === "ADMIN";

/** The tier whose agents act on a ticket: its own, except at L4, where the L3 owner coordinates. */
export function owningTier(tier: Tier): Exclude<Tier, "L4"> {
  return tier === "L4" ? "L3" : tier;
}

/** Agents act on tickets at their own tier; managers and admins on any. */
export function worksAtTier(actor: Actor, tier: Tier): boolean {
  return isManager(actor) || (actor.role === "AGENT" && actor.tier === tier);
}

/** The assignee at the ticket's tier, or a manager. At L4 the L3 owner (still the assignee) coordinates. */
function mayMoveTicket(actor: Actor, ticket: TicketFacts): boolean {
  if (isManager(actor)) return true;
  const ownerTier = owningTier(ticket.tier);
  return actor.role === "AGENT" && actor.tier === ownerTier && ticket.assigneeId === actor.id;
}

/** May this ticket move up one tier, to `target`? Allowed, the verdict carries the group it checked. */
export function checkEscalation<G extends GroupFacts>(
  actor: Actor,
  ticket: TicketFacts,
  target: G | null,
  externalReference: string | undefined,
): Verdict<{ toTier: Tier; group: G }> {
  if (CLOSED_STATUSES.includes(ticket.status)) return { ok: false, code: "CONFLICT", message: "A resolved or closed ticket cannot be escalated." };
  const toTier = NEXT_TIER[ticket.tier];
  if (!toTier) return { ok: false, code: "CONFLICT", message: "The ticket is at L4 already: there is no tier above it." };
  if (!mayMoveTicket(actor, ticket)) {
    return { ok: false, code: "FORBIDDEN", message: `Only the ${ticket.tier} assignee or a manager may escalate this ticket.` };
  }
  if (!ticket.impact || !ticket.urgency || !ticket.categoryId) return { ok: false, code: "VALIDATION", field: "category", message: "Classify the ticket completely before escalating it." };
  if (!target) {
    return {
      ok: false,
      code: "VALIDATION",
      field: "toGroup",
      message: toTier === "L4" ? "Choose the L4 group (vendor or engineering) to hand off to." : `Choose the ${toTier} group to escalate to.`,
    };
  }
  if (target.tier !== toTier) {
    return { ok: false, code: "VALIDATION", field: "toGroup", message: `Escalation from ${ticket.tier} goes to an ${toTier} group; ${target.slug} is ${target.tier}.` };
  }
  if (toTier === "L4" && !externalReference) {
    return { ok: false, code: "VALIDATION", field: "externalReference", message: "Give the vendor's or team's reference for an L4 handoff." };
  }
  return { ok: true, toTier, group: target };
}

/** May this ticket go back one tier (L2→L1, L3→L2 with guidance; L4→L3 when the vendor replied)? */
export function checkReturn(actor: Actor, ticket: TicketFacts): Verdict<{ toTier: Tier }> {
  if (CLOSED_STATUSES.includes(ticket.status)) return { ok: false, code: "CONFLICT", message: "A resolved or closed ticket cannot be returned." };
  const toTier = PREVIOUS_TIER[ticket.tier];
  if (!toTier) return { ok: false, code: "CONFLICT", message: "The ticket is at L1: there is no tier below it." };
  if (!mayMoveTicket(actor, ticket)) {
    return { ok: false, code: "FORBIDDEN", message: `Only the ${ticket.tier === "L4" ? "L3 owner" : `${ticket.tier} assignee`} or a manager may return this ticket.` };
  }
  return { ok: true, toTier };
}

export type ClaimVerdict = Verdict<{ already: boolean }>;

/** May `actor` take this ticket? The current assignee claiming again is a no-op, anyone else a conflict. */
export function checkClaim(actor: Actor, ticket: TicketFacts): ClaimVerdict {
  if (ticket.assigneeId === actor.id) return { ok: true, already: true };
  if (actor.role !== "AGENT" || actor.tier !== ticket.tier) {
    return { ok: false, code: "FORBIDDEN", message: `Only ${ticket.tier} agents may claim this ticket.` };
  }
  if (CLOSED_STATUSES.includes(ticket.status)) return { ok: false, code: "CONFLICT", message: "The ticket is resolved or closed." };
  if (ticket.assigneeId) return { ok: false, code: "CONFLICT", message: "Someone else has claimed this ticket." };
  return { ok: true, already: false };
}


export function checkStatusChange(actor: Actor, ticket: TicketFacts, to: TicketStatus): Verdict<object> {
  if (!worksAtTier(actor, owningTier(ticket.tier))) {
    return { ok: false, code: "FORBIDDEN", message: `Only ${owningTier(ticket.tier)} agents or a manager may change this ticket.` };
  }
  if (!MANUAL_STATUSES.includes(to)) return { ok: false, code: "VALIDATION", field: "status", message: `Status ${to} is set by routing, not by hand.` };
  if (ticket.status === "CLOSED") return { ok: false, code: "CONFLICT", message: "A closed ticket stays closed." };
  if (to === "CLOSED" && ticket.status !== "RESOLVED" && !isManager(actor)) {
    return { ok: false, code: "CONFLICT", message: "Resolve the ticket before closing it." };
  }
  if (ticket.tier === "L4" && to !== "RESOLVED" && to !== "CLOSED") {
    return { ok: false, code: "CONFLICT", message: "The ticket is with L4: record the vendor's reply (return) to take it back first." };
  }
  return { ok: true };
}

/** May `actor` record the L4 group's response: the ticket is with L4 now, and the actor is its L3 coordinator or a manager. */
export function checkVendorResponse(actor: Actor, ticket: TicketFacts): Verdict<object> {
  if (ticket.tier !== "L4" || CLOSED_STATUSES.includes(ticket.status)) {
    return { ok: false, code: "CONFLICT", message: "The ticket is not with an L4 group: there is no vendor response to record." };
  }
  if (!mayMoveTicket(actor, ticket)) return { ok: false, code: "FORBIDDEN", message: "Only the L3 coordinator or a manager may record the vendor's response." };
  return { ok: true };
}
