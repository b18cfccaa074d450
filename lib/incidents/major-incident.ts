import type { Actor } from "@/lib/actor";
import { db, type Transaction } from "@/lib/db/client";
import { parseInput } from "@/lib/validation/parse";
import type { VerbInput } from "@/lib/validation/unchecked";
import { ZAttachChild } from "@/lib/validation/incidents";
import { getIncidentPanel, type IncidentPanel } from "./incident-panel";
import { checkAttach, checkDeclare, checkDetach } from "./rules";
import { refusalError } from "@/lib/refusal";
import { lockTickets, type LockedTicket } from "./ticket-facts";

/** An L2+ agent or a manager declares the ticket a major incident: customer tickets about the same outage attach to it. */
export async function declareMajorIncident(actor: Actor, number: string, now = new Date()): Promise<IncidentPanel> {
  await db().$transaction(async (tx) => {
    const ticket = (await lockTickets(tx, actor, [number])).get(number)!;
    const verdict = checkDeclare(actor, ticket);
    if (!verdict.ok) throw refusalError(verdict, "target");
    await tx.ticket.update({ where: { id: ticket.id }, data: { isMajorIncident: true, updatedAt: now } });
    await tx.ticketEvent.create({
      data: {
        ticketId: ticket.id,
        type: "MAJOR_INCIDENT_DECLARED",
        actorId: actor.id,
        fromTier: ticket.tier,
        toTier: ticket.tier,
        rule: "major-incident.declare",
        inputs: { ticket: ticket.number, declaredBy: { role: actor.role, tier: actor.tier } },
        reason: `${actor.name} declared ${ticket.number} a major incident: customer tickets about the same outage can be attached to it.`,
        createdAt: now,
      },
    });
  });
  return getIncidentPanel(actor, number);
}

/** Attaches `input.child` to the major incident `number` (any agent): its public updates reach the child's customer from now on. */
export async function attachChild(actor: Actor, number: string, input: VerbInput<typeof ZAttachChild>, now = new Date()): Promise<IncidentPanel> {
  const { child: childNumber } = parseInput(ZAttachChild, input);
  await db().$transaction(async (tx) => {
    const locked = await lockTickets(tx, actor, [number, childNumber]);
    const parent = locked.get(number)!;
    const child = locked.get(childNumber)!;
    const verdict = checkAttach(actor, parent, child);
    if (!verdict.ok) throw refusalError(verdict, "child");
    await tx.ticket.update({ where: { id: child.id }, data: { majorIncidentId: parent.id, updatedAt: now } });
    await recordPair(tx, actor, "CHILD_ATTACHED", parent, child, now);
  });
  return getIncidentPanel(actor, number);
}

/** Detaches a child the major incident does not fix: it goes on as an ordinary ticket. */
export async function detachChild(actor: Actor, number: string, childParam: string, now = new Date()): Promise<IncidentPanel> {
  const { child: childNumber } = parseInput(ZAttachChild, { child: childParam });
  await db().$transaction(async (tx) => {
    const locked = await lockTickets(tx, actor, [number, childNumber]);
    const parent = locked.get(number)!;
    const child = locked.get(childNumber)!;
    const verdict = checkDetach(actor, parent, child);
    if (!verdict.ok) throw refusalError(verdict, "child");
    await tx.ticket.update({ where: { id: child.id }, data: { majorIncidentId: null, updatedAt: now } });
    await recordPair(tx, actor, "CHILD_DETACHED", parent, child, now);
  });
  return getIncidentPanel(actor, number);
}

/** One event on the child and one on the parent: each ticket's log tells its side. */
async function recordPair(tx: Transaction, actor: Actor, type: "CHILD_ATTACHED" | "CHILD_DETACHED", parent: LockedTicket, child: LockedTicket, now: Date) {
  const attached = type === "CHILD_ATTACHED";
  const inputs = { parent: parent.number, child: child.number };
  await tx.ticketEvent.createMany({
    data: [
      {
        ticketId: child.id,
        type,
        actorId: actor.id,
        fromTier: child.tier,
        toTier: child.tier,
        rule: attached ? "major-incident.attach" : "major-incident.detach",
        inputs,
        reason: attached
          ? `${actor.name} attached this ticket to major incident ${parent.number}: its public updates reach this customer, and resolving it resolves this ticket.`
          : `${actor.name} detached this ticket from major incident ${parent.number}: it is handled on its own again.`,
        createdAt: now,
      },
      {
        ticketId: parent.id,
        type,
        actorId: actor.id,
        fromTier: parent.tier,
        toTier: parent.tier,
        rule: attached ? "major-incident.attach" : "major-incident.detach",
        inputs,
        reason: attached ? `${actor.name} attached ${child.number} (${child.customerName}) as a child.` : `${actor.name} detached ${child.number} (${child.customerName}).`,
        createdAt: now,
      },
    ],
  });
}
