import type { Actor } from "@/lib/actor";
import type { Tier } from "@/lib/db/generated/enums";
import { forbidden } from "@/lib/errors";
import type { QueueTier } from "@/lib/validation/queue";

/** Whose queue it is and which tiers it spans; what every view is cut from. */
export interface QueueScope {
  actorId: string;
  /** The tiers whose open tickets the queue shows; null = every tier (managers' "all"). */
  tiers: Tier[] | null;
  /** The tier the view "Escalated to me" watches; null = any (managers' "all"). */
  escalationTier: Tier | null;
  /** The selector value the page shows: an agent's own tier, or what a manager chose. */
  selected: QueueTier;
}

/** At L4 the L3 owner coordinates (and stays the assignee), so an L3 agent's queue spans L3 and L4. */
const AGENT_TIERS: Record<Tier, Tier[] | null> = { L1: ["L1"], L2: ["L2"], L3: ["L3", "L4"], L4: null };

/**
 * Agents work the queue of their own tier and may not look at another tier's; managers and admins
 * choose a tier, or all of them (the default).
 */
export function queueScopeFor(actor: Actor, requested: QueueTier | undefined): QueueScope {
  if (actor.role === "MANAGER" || actor.role === "ADMIN") {
    const selected = requested ?? "all";
    return {
      actorId: actor.id,
      tiers: selected === "all" ? null : [selected],
      escalationTier: selected === "all" ? null : selected,
      selected,
    };
  }
  const tiers = actor.role === "AGENT" && actor.tier ? AGENT_TIERS[actor.tier] : null;
  if (!tiers || !actor.tier) throw forbidden("Only support staff have a queue.");
  if (requested && requested !== actor.tier) throw forbidden(`Agents see the queue of their own tier (${actor.tier}).`);
  return { actorId: actor.id, tiers, escalationTier: actor.tier, selected: actor.tier };
}
