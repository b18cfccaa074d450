import type { Actor } from "@/lib/actor";
import { db } from "@/lib/db/client";
import type { Role, TicketEventType, Tier } from "@/lib/db/generated/enums";
import { notFound } from "@/lib/errors";
import { visibleTicketWhere } from "@/lib/permissions";
import { customerExplanation } from "./customer-events";
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
    const explanation = customerExplanation(e);
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
