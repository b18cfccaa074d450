// Who may link tickets, declare a major incident and attach or detach its children, and why not: pure
// decisions over plain facts (lib/incidents/*.ts load the facts, call these and write the result).
import type { Actor } from "@/lib/actor";
import type { TicketLinkKind, TicketStatus, Tier } from "@/lib/db/generated/enums";
import type { Refusal, Verdict as RuleVerdict } from "@/lib/refusal";
import { owningTier, worksAtTier } from "@/lib/routing/guards";

export interface IncidentFacts {
  id: number;
  number: string;
  status: TicketStatus;
  tier: Tier;
  customerId: string;
  isMajorIncident: boolean;
  majorIncidentId: number | null;
}

type Verdict = RuleVerdict<object>;
const OK: Verdict = { ok: true };
const refuse = (code: Refusal["code"], message: string): Refusal => ({ ok: false, code, message });

const FINISHED: readonly TicketStatus[] = ["RESOLVED", "CLOSED"];
export const isStaff = (actor: Actor) => actor.role === "AGENT" || actor.role === "MANAGER" || actor.role === "ADMIN";
const isManager = (actor: Actor) => actor.role === "MANAGER" || actor.role === "ADMIN";

/** An L2 or L3 agent, or a manager: the people who decide an outage is one incident. */
export function mayDeclare(actor: Actor): boolean {
  return isManager(actor) || (actor.role === "AGENT" && (actor.tier === "L2" || actor.tier === "L3"));
}

export function checkDeclare(actor: Actor, ticket: IncidentFacts): Verdict {
  if (!mayDeclare(actor)) return refuse("FORBIDDEN", "Only L2 or L3 agents or a manager may declare a major incident.");
  if (ticket.isMajorIncident) return refuse("CONFLICT", `${ticket.number} is already a major incident.`);
  if (ticket.majorIncidentId !== null) return refuse("CONFLICT", `${ticket.number} is attached to a major incident: detach it first.`);
  if (FINISHED.includes(ticket.status)) return refuse("CONFLICT", `${ticket.number} is finished: a major incident must be open.`);
  return OK;
}

/** Any agent (L1 included) or manager attaches a customer's ticket to an open major incident. */
export function checkAttach(actor: Actor, parent: IncidentFacts, child: IncidentFacts): Verdict {
  if (!isStaff(actor)) return refuse("FORBIDDEN", "Only support staff attach tickets to a major incident.");
  if (!parent.isMajorIncident) return refuse("CONFLICT", `${parent.number} is not a major incident.`);
  if (FINISHED.includes(parent.status)) return refuse("CONFLICT", `The major incident ${parent.number} is already resolved.`);
  if (child.id === parent.id) return refuse("VALIDATION", "A ticket cannot be its own child.");
  if (child.isMajorIncident) return refuse("CONFLICT", `${child.number} is a major incident itself: it cannot be a child.`);
  if (child.majorIncidentId === parent.id) return refuse("CONFLICT", `${child.number} is already attached to ${parent.number}.`);
  if (child.majorIncidentId !== null) return refuse("CONFLICT", `${child.number} is attached to another major incident: detach it there first.`);
  if (FINISHED.includes(child.status)) return refuse("CONFLICT", `${child.number} is already resolved or closed: only open tickets are attached.`);
  return OK;
}

export function checkDetach(actor: Actor, parent: IncidentFacts, child: IncidentFacts): Verdict {
  if (!isStaff(actor)) return refuse("FORBIDDEN", "Only support staff detach tickets from a major incident.");
  if (child.majorIncidentId !== parent.id) return refuse("CONFLICT", `${child.number} is not attached to ${parent.number}.`);
  return OK;
}

/**
 * Related: any agent or manager, between two different tickets. Duplicate-of: whoever may change the
 * duplicate's status (its tier's agents or a manager), since the duplicate closes; neither side closed,
 * and never a major incident (its children need it).
 */
export function checkLink(actor: Actor, ticket: IncidentFacts, target: IncidentFacts, kind: TicketLinkKind): Verdict {
  if (!isStaff(actor)) return refuse("FORBIDDEN", "Only support staff link tickets.");
  if (ticket.id === target.id) return refuse("VALIDATION", "A ticket cannot be linked to itself.");
  if (kind === "RELATED") return OK;
  if (!worksAtTier(actor, owningTier(ticket.tier))) return refuse("FORBIDDEN", `Only ${owningTier(ticket.tier)} agents or a manager may close ${ticket.number} as a duplicate.`);
  if (ticket.status === "CLOSED") return refuse("CONFLICT", `${ticket.number} is already closed.`);
  if (target.status === "CLOSED") return refuse("CONFLICT", `${target.number} is closed: the customer could not follow it. Choose an open ticket.`);
  if (ticket.isMajorIncident) return refuse("CONFLICT", `${ticket.number} is a major incident: it cannot be closed as a duplicate.`);
  if (target.majorIncidentId === ticket.id) return refuse("CONFLICT", `${target.number} is a child of ${ticket.number}.`);
  return OK;
}

/**
 * What the duplicate's customer is told (a public reply and the closure mail). The target's number only
 * when the target is the same customer's ticket: another customer's ticket is never named.
 */
export function duplicateNotice(duplicate: { customerId: string }, target: { number: string; customerId: string }): string {
  return duplicate.customerId === target.customerId
    ? `This ticket is a duplicate of your ticket ${target.number} and is now closed. Please follow ${target.number} for updates; its conversation continues there.`
    : "We are already working on this issue under another report, so this ticket is closed as a duplicate. Its conversation stays here for you to read; if you need anything else, open a new ticket.";
}
