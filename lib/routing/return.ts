import type { Actor } from "@/lib/actor";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { refusalError } from "@/lib/refusal";
import { enqueueStatusMail } from "@/lib/mail/enqueue";
import { getTicket } from "@/lib/tickets/core/get-ticket";
import type { TicketJson } from "@/lib/tickets/core/ticket-json";
import { parseInput } from "@/lib/validation/parse";
import type { VerbInput } from "@/lib/validation/unchecked";
import { ZReturnTicket } from "@/lib/validation/routing";
import { clockColumnsOf, clockStateOf } from "./clock-columns";
import { advanceClocks } from "./clocks";
import { checkReturn } from "./guards";
import { DEFAULT_GROUP_FOR_TIER } from "./groups";
import { INTAKE_GROUP_SLUG } from "./intake";
import { placeInGroup } from "./placement";
import { loadRules } from "./clock-rules";
import { loadTicket, recordEvents, saveTicket } from "@/lib/tickets/core/ticket-store";
import { loadCandidates } from "./candidate-store";

/**
 * One tier down: L2→L1 or L3→L2 with guidance the lower tier sees on the ticket, back to the group and
 * agent that escalated it; or L4→L3 when the vendor or engineering team replied, back to the L3 owner.
 * The lower tier resumes its own budget from what it had left.
 */
export async function returnTicket(actor: Actor, number: string, input: VerbInput<typeof ZReturnTicket>, now = new Date()): Promise<TicketJson> {
  const { guidance } = parseInput(ZReturnTicket, input);
  await db().$transaction(async (tx) => {
    const ticket = await loadTicket(tx, actor, number);
    const verdict = checkReturn(actor, ticket);
    if (!verdict.ok) throw refusalError(verdict);

    // Where the ticket came from: the latest move up from the tier it returns to (an escalation, or a
    // manager's assignment); failing that, that tier's default group.
    const origin = await tx.ticketEvent.findFirst({
      where: { ticketId: ticket.id, type: { in: ["ESCALATED", "AUTO_ESCALATED", "ASSIGNED"] }, fromTier: verdict.toTier, toTier: ticket.tier },
      orderBy: { id: "desc" },
      select: { fromGroup: true, fromAssignee: true },
    });
    const slug = origin?.fromGroup ?? (verdict.toTier === "L1" ? INTAKE_GROUP_SLUG : DEFAULT_GROUP_FOR_TIER[verdict.toTier]);
    const group = slug ? await tx.supportGroup.findUnique({ where: { slug } }) : null;
    if (!group || group.tier !== verdict.toTier) throw new AppError("CONFLICT", `There is no ${verdict.toTier} group to return this ticket to.`);

    const fromL4 = ticket.tier === "L4";
    let assignee: { id: string; userId: string; name: string } | null = fromL4 ? ticket.assignee : null;
    if (!fromL4 && origin?.fromAssignee) {
      // Back to the agent who escalated it, if they still work in that group.
      assignee = await tx.user.findFirst({
        where: { userId: origin.fromAssignee, active: true, role: "AGENT", memberships: { some: { groupId: group.id } } },
        select: { id: true, userId: true, name: true },
      });
    }
    // Nobody to go back to: the group places it by its own mode, as any ticket entering it.
    const placement = assignee ? null : placeInGroup(group, (await loadCandidates(tx, [group.id])).get(group.id) ?? []);
    if (placement?.assignee) assignee = placement.assignee;
    const status = assignee ? (placement?.assignee ? "ASSIGNED" : "IN_PROGRESS") : "NEW";
    const rules = await loadRules(tx, ticket, group.id);
    const clocks = advanceClocks(clockStateOf(ticket), { tier: verdict.toTier, status }, { now, calendars: rules.calendars, tierCalendarAfter: rules.tierCalendarAfter, before: rules.target, after: rules.target });

    await saveTicket(tx, ticket, { ...clockColumnsOf(clocks), groupId: group.id, assigneeId: assignee?.id ?? null, tierEnteredAt: now }, now);
    if (status !== ticket.status) await enqueueStatusMail(tx, ticket, { from: ticket.status, to: status, version: ticket.version + 1 }, now);
    const vendorMinutes = Math.round(clocks.vendorSecondsUsed / 60);
    await recordEvents(tx, ticket.id, [
      {
        type: "RETURNED",
        actorId: actor.id,
        fromTier: ticket.tier,
        toTier: verdict.toTier,
        fromGroup: ticket.group.slug,
        toGroup: group.slug,
        fromAssignee: ticket.assignee?.userId ?? null,
        toAssignee: assignee?.userId ?? null,
        rule: fromL4 ? "return.l4-reply" : "return.guidance",
        inputs: {
          guidance,
          vendorMinutesUsed: fromL4 ? vendorMinutes : null,
          budgetLeft: clocks.tierBudgetEndsAt !== null,
          externalReference: fromL4 ? ticket.externalReference : null,
        },
        reason: fromL4
          ? `${ticket.group.name} replied (${ticket.externalReference ?? "no reference"}) after ${vendorMinutes} min on the vendor clock; back with ${assignee?.name ?? "L3"} in ${group.name}: ${guidance}`
          : `Returned to ${verdict.toTier} ${group.name}${assignee ? ` (${assignee.name})` : ""} by ${actor.name} with guidance: ${guidance}`,
        createdAt: now,
      },
      ...(placement?.decision
        ? [{ type: "ASSIGNED" as const, actorId: null, fromTier: verdict.toTier, toTier: verdict.toTier, toGroup: group.slug, toAssignee: placement.assignee?.userId ?? null, createdAt: now, ...placement.decision }]
        : []),
    ]);
  });
  return getTicket(actor, number);
}
