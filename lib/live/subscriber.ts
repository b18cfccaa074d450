import type { Actor } from "@/lib/actor";
import type { Role, Tier } from "@/lib/db/generated/enums";
import { queueScopeFor } from "@/lib/tickets/queue-scope";

/** Who a stream is for, and what they asked to follow: all a delivery decision needs, no database. */
export interface LiveSubscriber {
  /** User.id */
  id: string;
  /** The login (what events name assignees by). */
  userId: string;
  role: Role;
  /** The tiers whose queue changes they hear of: null = every tier (managers, admins), [] = none (customers). */
  queueTiers: Tier[] | null;
  /** Slugs of the groups they are a member of ("Unassigned in my groups"). */
  groups: ReadonlySet<string>;
  /** Ticket numbers whose page is open in this tab (staff; customers follow all of their own tickets). */
  tickets: ReadonlySet<string>;
}

/** The queue tiers of the queue page (queueScopeFor): an agent's own (an L3 agent's with L4), every tier for managers and admins. */
export function queueTiersOf(actor: Pick<Actor, "role" | "tier">): Tier[] | null {
  if (actor.role === "CUSTOMER") return [];
  try {
    return queueScopeFor({ id: "", userId: "", name: "", organizationId: null, ...actor }, undefined).tiers;
  } catch {
    return []; // an agent without a tier has no queue
  }
}

export function subscriberFor(actor: Actor, groups: Iterable<string>, tickets: Iterable<string>): LiveSubscriber {
  return {
    id: actor.id,
    userId: actor.userId,
    role: actor.role,
    queueTiers: queueTiersOf(actor),
    groups: new Set(groups),
    tickets: new Set(actor.role === "CUSTOMER" ? [] : tickets),
  };
}
