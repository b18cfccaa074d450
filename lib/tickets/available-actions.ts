import type { Actor } from "@/lib/actor";
import type { TicketStatus } from "@/lib/db/generated/enums";
import { commentRefusal } from "@/lib/routing/comment-access";
import { checkClaim, checkEscalation, checkReturn, checkStatusChange, checkVendorResponse, CLOSED_STATUSES, NEXT_TIER, owningTier, worksAtTier, type TicketFacts } from "@/lib/routing/guards";

/** Status buttons on the ticket page; CLOSED and the routing statuses are not offered there. */
export const STATUS_BUTTONS: TicketStatus[] = ["IN_PROGRESS", "PENDING_CUSTOMER", "RESOLVED"];

export interface AvailableActions {
  claim: boolean;
  escalate: boolean;
  /** The tier an escalation would go to (L4 needs a group and a reference). */
  escalateTo: ReturnType<typeof nextTier>;
  returnToLowerTier: boolean;
  statuses: TicketStatus[];
  reclassify: boolean;
  /** Public replies and internal notes. */
  comment: boolean;
  /** Internal notes only: the agent handed the ticket on and no longer works at its tier. */
  note: boolean;
  assign: boolean;
  /** Tick and untick the category's SOP steps (saved on the ticket). */
  tickSop: boolean;
  /** Record that the L4 group responded (the coordinator or a manager, while the ticket is with L4). */
  recordVendorResponse: boolean;
}

const nextTier = (facts: TicketFacts) => NEXT_TIER[facts.tier];

/**
 * Which buttons the ticket page shows `actor`: the routing guards answered without a target group
 * (missing input is the dialog's business, not a reason to hide the button). The services refuse anyway.
 */
export function availableActions(actor: Actor, facts: TicketFacts, history: { handedOff: boolean; vendorResponded?: boolean } = { handedOff: false }): AvailableActions {
  const claim = checkClaim(actor, facts);
  const escalate = checkEscalation(actor, facts, null, undefined);
  const isManager = actor.role === "MANAGER" || actor.role === "ADMIN";
  const open = !CLOSED_STATUSES.includes(facts.status);
  const ownsTier = worksAtTier(actor, owningTier(facts.tier));
  return {
    claim: claim.ok && !claim.already,
    escalate: escalate.ok || escalate.code === "VALIDATION",
    escalateTo: nextTier(facts),
    returnToLowerTier: checkReturn(actor, facts).ok,
    statuses: STATUS_BUTTONS.filter((s) => s !== facts.status && checkStatusChange(actor, facts, s).ok),
    reclassify: ownsTier && facts.status !== "CLOSED",
    comment: ownsTier && facts.status !== "CLOSED",
    note: commentRefusal(actor, facts, "INTERNAL", history) === null,
    assign: isManager && open,
    tickSop: ownsTier && open,
    recordVendorResponse: checkVendorResponse(actor, facts).ok && !history.vendorResponded,
  };
}
