import type { Actor } from "@/lib/actor";
import { db } from "@/lib/db/client";
import type { Role, TicketEventType, TicketStatus, Tier } from "@/lib/db/generated/enums";
import { notFound } from "@/lib/errors";
import { visibleTicketWhere } from "@/lib/permissions";
import { CUSTOMER_STATUS } from "./customer-labels";
import { ESCALATION_REQUEST_RULE } from "./escalation-request";
import { handoffOf, type HandoffGroup, type HandoffJson } from "./handoff";

/**
 * Who acted. Staff see the login ID beside the name; customers see a display name only, since a staff
 * login ID is half of a staff credential and none of the customer's business.
 */
export interface EventActor {
  name: string;
  /** Staff views only. */
  userId?: string;
  /** Staff views only: whether they act at the tier a hand-off went to (see handoff-pin.ts). */
  role?: Role;
  tier?: Tier | null;
}

export interface EventJson {
  type: TicketEventType;
  at: string;
  /** Null when the system decided. */
  actor: EventActor | null;
  fromTier: Tier | null;
  toTier: Tier | null;
  explanation: string;
  /** The rule and its inputs; null for customers. */
  details: { rule: string | null; inputs: unknown; fromGroup: string | null; toGroup: string | null; fromAssignee: string | null; toAssignee: string | null } | null;
  /** An escalation, return or L4 reply with its summary, steps and who to whom; null for other events and for customers. */
  handoff: HandoffJson | null;
}

/** What a customer may see of the log: their ticket's life, not its internal routing. */
const CUSTOMER_EXPLANATION: Partial<Record<TicketEventType, (e: { toTier: Tier | null; toAssignee: string | null; rule: string | null; inputs: unknown }) => string | null>> = {
  CREATED: (e) => ((e.inputs as { openedBy?: string } | null)?.openedBy ? "Ticket opened for you by Service Desk." : "Ticket opened."),
  // Who, never: an agent's name is support's business until they write to the customer.
  CLAIMED: () => "An agent took on your ticket.",
  ASSIGNED: (e) => (e.toAssignee ? "An agent took on your ticket." : null),
  ESCALATED: (e) => `Passed to ${e.toTier === "L4" ? "a specialist team" : `level ${e.toTier?.slice(1)} support`}.`,
  RETURNED: (e) => `Back with level ${e.toTier?.slice(1)} support.`,
  AUTO_ESCALATED: (e) => `Passed to level ${e.toTier?.slice(1)} support.`,
  STATUS_CHANGED: (e) => {
    const to = (e.inputs as { to?: TicketStatus } | null)?.to;
    return to && to in CUSTOMER_STATUS ? `Status: ${CUSTOMER_STATUS[to]}.` : "Status changed.";
  },
  COMMENTED: () => "New reply.",
  RATED: (e) => `Rated ${(e.inputs as { score?: number } | null)?.score ?? "?"} of 5.`,
  // Of the alerts, customers see only their own request; the others are support's business.
  ALERT: (e) => (e.rule === ESCALATION_REQUEST_RULE ? "You asked for escalation: support has been alerted." : null),
};

/** The decision log, oldest first. Customers see their own ticket's public story; staff see every rule and input. */
export async function listEvents(actor: Actor, number: string): Promise<EventJson[]> {
  const ticket = await db().ticket.findFirst({ where: visibleTicketWhere(actor, number), select: { id: true } });
  if (!ticket) throw notFound("Ticket");
  const events = await db().ticketEvent.findMany({
    where: { ticketId: ticket.id },
    orderBy: { id: "asc" },
    include: { actor: { select: { userId: true, name: true, role: true, tier: true } } },
  });
  const customer = actor.role === "CUSTOMER";
  const groups = customer ? new Map<string, HandoffGroup>() : await groupsNamed(events.flatMap((e) => [e.fromGroup, e.toGroup]));
  let lastReference: string | null = null;
  return events.flatMap((e): EventJson[] => {
    if (!customer) {
      const handoff = handoffOf({ ...e, explanation: e.reason, actor: e.actor }, groups, lastReference);
      if (handoff?.kind === "L4_HANDOFF") lastReference = handoff.externalReference;
      return [
        {
          type: e.type,
          at: e.createdAt.toISOString(),
          actor: e.actor ? { userId: e.actor.userId, name: e.actor.name, role: e.actor.role, tier: e.actor.tier } : null,
          fromTier: e.fromTier,
          toTier: e.toTier,
          explanation: e.reason,
          details: { rule: e.rule, inputs: e.inputs, fromGroup: e.fromGroup, toGroup: e.toGroup, fromAssignee: e.fromAssignee, toAssignee: e.toAssignee },
          handoff,
        },
      ];
    }
    const explain = CUSTOMER_EXPLANATION[e.type];
    const internalNote = e.type === "COMMENTED" && (e.inputs as { visibility?: string } | null)?.visibility !== "PUBLIC";
    const explanation = explain && !internalNote ? explain(e) : null;
    if (!explanation) return [];
    return [
      {
        type: e.type,
        at: e.createdAt.toISOString(),
        actor: e.actor && (e.actor.role === "CUSTOMER" || e.type === "COMMENTED") ? { name: e.actor.name } : null,
        fromTier: e.type === "CREATED" ? null : e.fromTier,
        toTier: e.toTier,
        explanation,
        details: null,
        handoff: null,
      },
    ];
  });
}

/** The groups events name (by slug), with their names and L4 kinds. */
async function groupsNamed(slugs: (string | null)[]): Promise<Map<string, HandoffGroup>> {
  const wanted = [...new Set(slugs.filter((s): s is string => s !== null))];
  if (!wanted.length) return new Map();
  const rows = await db().supportGroup.findMany({ where: { slug: { in: wanted } }, select: { slug: true, name: true, l4Kind: true } });
  return new Map(rows.map((g) => [g.slug, g]));
}
