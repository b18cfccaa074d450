import type { Actor } from "@/lib/actor";
import { db } from "@/lib/db/client";
import { AppError, forbidden, invalid } from "@/lib/errors";
import { getTicket } from "@/lib/tickets/core/get-ticket";
import type { TicketJson } from "@/lib/tickets/core/ticket-json";
import { parseInput } from "@/lib/validation/parse";
import type { VerbInput } from "@/lib/validation/unchecked";
import { ZAssignTicket } from "@/lib/validation/routing";
import { clockColumnsOf, clockStateOf } from "./clock-columns";
import { advanceClocks } from "./clocks";
import { CLOSED_STATUSES } from "./guards";
import { placeInGroup } from "./placement";
import { loadRules } from "./clock-rules";
import { loadTicket, recordEvents, saveTicket, staleVersion, type EventInput } from "@/lib/tickets/core/ticket-store";
import { loadCandidates } from "./candidate-store";

/**
 * A manager or admin assigns a ticket to a person, to a group (which then places it by its own mode),
 * or to a person in a group. Moving to a group of another tier (L1–L3) moves the ticket's tier clocks too.
 */
export async function assignTicket(actor: Actor, number: string, input: VerbInput<typeof ZAssignTicket>, now = new Date()): Promise<TicketJson> {
  if (actor.role !== "MANAGER" && actor.role !== "ADMIN") throw forbidden("Only managers and admins assign tickets.");
  const data = parseInput(ZAssignTicket, input);
  await db().$transaction(async (tx) => {
    const ticket = await loadTicket(tx, actor, number);
    if (data.version !== undefined && data.version !== ticket.version) throw staleVersion(ticket.version);
    if (CLOSED_STATUSES.includes(ticket.status)) throw new AppError("CONFLICT", "A resolved or closed ticket cannot be assigned.");

    const user = data.userId
      ? await tx.user.findUnique({ where: { userId: data.userId.toLowerCase() }, include: { memberships: { include: { group: true } } } })
      : null;
    if (data.userId && (!user || !user.active || user.role !== "AGENT")) throw invalid({ userId: ["Choose an active agent."] });

    let group = data.group ? await tx.supportGroup.findUnique({ where: { slug: data.group } }) : null;
    if (data.group && !group) throw invalid({ group: [`There is no group ${data.group}.`] });
    // While L4 works on it, the ticket's assignee is its L3 coordinator: naming another L3 agent (and no
    // group) changes the coordinator and leaves the ticket with L4.
    const coordinatorGroup = ticket.tier === "L4" && !group ? user?.memberships.find((m) => m.group.tier === "L3")?.group : undefined;
    if (!group && user) group = user.memberships.find((m) => m.group.tier === ticket.tier)?.group ?? user.memberships[0]?.group ?? null;
    if (!group) throw invalid({ userId: ["That agent belongs to no group."] });
    if (group.tier === "L4") throw invalid({ group: ["L4 is reached by escalation with a reference, not by assignment."] });
    if (user && !user.memberships.some((m) => m.groupId === group.id)) throw invalid({ userId: [`${user.userId} is not in ${group.name}.`] });

    const placement = user
      ? { assignee: { id: user.id, userId: user.userId, name: user.name }, decision: null }
      : placeInGroup(group, (await loadCandidates(tx, [group.id])).get(group.id) ?? []);
    const assignee = placement.assignee;

    if (coordinatorGroup && user) {
      await saveTicket(tx, ticket, { assigneeId: user.id }, now);
      await recordEvents(tx, ticket.id, [
        {
          type: "ASSIGNED",
          actorId: actor.id,
          fromTier: ticket.tier,
          toTier: ticket.tier,
          fromGroup: ticket.group.slug,
          toGroup: ticket.group.slug,
          fromAssignee: ticket.assignee?.userId ?? null,
          toAssignee: user.userId,
          rule: "assign.l4-coordinator",
          inputs: { group: ticket.group.slug, coordinatorGroup: coordinatorGroup.slug, userId: user.userId },
          reason: `${user.name} (${coordinatorGroup.name}) now coordinates while ${ticket.group.name} works on it; assigned by ${actor.name}.`,
          createdAt: now,
        },
      ]);
      return;
    }

    // Taken off L4 (or still waiting to be picked up): it starts afresh in its new group.
    const status =
      ticket.status === "NEW" || ticket.status === "ASSIGNED" || ticket.tier === "L4" ? (assignee ? "ASSIGNED" : "NEW") : ticket.status;
    const rules = await loadRules(tx, ticket, group.id);
    const clocks = advanceClocks(clockStateOf(ticket), { tier: group.tier, status }, { now, calendars: rules.calendars, tierCalendarAfter: rules.tierCalendarAfter, before: rules.target, after: rules.target });

    await saveTicket(tx, ticket, {
      ...clockColumnsOf(clocks),
      groupId: group.id,
      assigneeId: assignee?.id ?? null,
      ...(group.tier !== ticket.tier ? { tierEnteredAt: now } : {}),
    }, now);

    const event: EventInput = {
      type: "ASSIGNED",
      actorId: actor.id,
      fromTier: ticket.tier,
      toTier: group.tier,
      fromGroup: ticket.group.slug,
      toGroup: group.slug,
      fromAssignee: ticket.assignee?.userId ?? null,
      toAssignee: assignee?.userId ?? null,
      createdAt: now,
      ...(placement.decision ?? {
        rule: user ? "assign.manager" : "assign.pull-queue",
        inputs: { group: group.slug, userId: user?.userId ?? null },
        reason: user
          ? `Assigned to ${user.name} in ${group.name} by ${actor.name}.`
          : `Put in the ${group.name} queue by ${actor.name}: it waits there for an agent to claim it.`,
      }),
    };
    if (placement.decision) event.reason = `${actor.name} sent it to ${group.name}. ${placement.decision.reason}`;
    await recordEvents(tx, ticket.id, [event]);
  });
  return getTicket(actor, number);
}
