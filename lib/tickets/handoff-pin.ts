import type { Role, TicketEventType, Tier } from "@/lib/db/generated/enums";
import { HANDOFF_EVENT_TYPES } from "./handoff";

/** An event as the pinning rule reads it: what happened, at which tiers, and who did it (null: the system). */
export interface PinEvent {
  type: TicketEventType;
  toTier: Tier | null;
  actor: { role: Role; tier: Tier | null } | null;
}

/** What counts as taking up a hand-off: claiming it, writing on it (reply or note), changing its status or classification, moving it on. */
export const ACTING_EVENT_TYPES: readonly TicketEventType[] = ["CLAIMED", "COMMENTED", "STATUS_CHANGED", "RECLASSIFIED", "ESCALATED", "RETURNED"];

const isStaffOf = (person: { role: Role; tier: Tier | null }, tier: Tier) =>
  person.role === "MANAGER" || person.role === "ADMIN" || (person.role === "AGENT" && person.tier === tier);

/**
 * Which hand-off is pinned at the top of the ticket for `viewer`, as an index into `events` (oldest first),
 * or null. The newest hand-off is pinned for the tier that received it (its agents, and managers) while the
 * ticket is still at that tier, until someone of that tier acts on the ticket after it: claims it, writes a
 * reply or note, changes its status or classification, escalates or returns it. The system's own events
 * (an automatic assignment), the customer's replies and notes by the tier that handed it on do not count.
 * A hand-off to L4 is pinned for nobody: the vendor or team works outside Tierdesk; their reply is
 * recorded as a return to L3, which is then pinned for L3.
 */
export function pinnedHandoffIndex(events: readonly PinEvent[], ticketTier: Tier, viewer: { role: Role; tier: Tier | null }): number | null {
  const index = events.findLastIndex((e) => HANDOFF_EVENT_TYPES.includes(e.type));
  const handoff = events[index];
  if (!handoff?.toTier || handoff.toTier === "L4" || handoff.toTier !== ticketTier) return null;
  const receiving = handoff.toTier;
  if (!isStaffOf(viewer, receiving)) return null;
  const acted = events.slice(index + 1).some((e) => ACTING_EVENT_TYPES.includes(e.type) && e.actor !== null && isStaffOf(e.actor, receiving));
  return acted ? null : index;
}
