import type { Actor } from "@/lib/actor";
import { db } from "@/lib/db/client";
import { retryOnDeadlock } from "@/lib/db/deadlock";
import { AppError } from "@/lib/errors";
import { refusalError } from "@/lib/refusal";
import { enqueueStatusMail } from "@/lib/mail/enqueue";
import { getTicket } from "@/lib/tickets/core/get-ticket";
import type { TicketJson } from "@/lib/tickets/core/ticket-json";
import { parseInput } from "@/lib/validation/parse";
import type { VerbInput } from "@/lib/validation/unchecked";
import { ZEscalateTicket } from "@/lib/validation/routing";
import { clockColumnsOf, clockStateOf } from "./clock-columns";
import { advanceClocks } from "./clocks";
import { checkEscalation, NEXT_TIER } from "./guards";
import { escalationTargetSlug } from "./groups";
import { placeInGroup } from "./placement";
import { checkSopGuard, SOP_OVERRIDE_RULE } from "./sop-guard";
import { loadCategorySop, loadSopChecklist } from "@/lib/tickets/core/sop-checklist";
import { openRequiredSteps, quoteSteps } from "@/lib/tickets/core/sop-steps";
import { loadRules } from "./clock-rules";
import { loadTicket, recordEvents, saveTicket, type EventInput } from "@/lib/tickets/core/ticket-store";
import { loadCandidates } from "./candidate-store";
import { startVendorEngagement } from "./vendor-engagement";
import { vendorDueSentence } from "./vendor-targets";

/**
 * Functional escalation one tier up, by hand, with a reason and the data gathered. L1→L2 and L2→L3
 * enter the next group (assigned there if it auto-assigns); L3→L4 hands off to a vendor or engineering
 * group with their reference, and the L3 owner stays on as coordinator.
 */
export async function escalateTicket(actor: Actor, number: string, input: VerbInput<typeof ZEscalateTicket>, now = new Date()): Promise<TicketJson> {
  const data = parseInput(ZEscalateTicket, input);
  // The sweep and other writers may hold an agent's row this escalation needs (its load counter) while waiting
  // for this ticket: PostgreSQL ends one of the two, and an escalation it ended is simply made again.
  await retryOnDeadlock(() => db().$transaction(async (tx) => {
    const ticket = await loadTicket(tx, actor, number);
    const nextTier = NEXT_TIER[ticket.tier];
    const slug = nextTier ? escalationTargetSlug(nextTier, data.toGroup, ticket.category.l2Group?.slug ?? null) : null;
    const target = slug ? await tx.supportGroup.findUnique({ where: { slug } }) : null;

    // Closed, at the top, or not theirs to move come before any complaint about the input.
    const verdict = checkEscalation(actor, ticket, target, data.externalReference);
    if (!verdict.ok) throw refusalError(verdict.field === "toGroup" && slug && !target ? { ...verdict, message: `There is no group ${slug}.` } : verdict);
    const { group } = verdict;

    // The SOP as saved on the ticket when this escalation reads it.
    const sop = await loadCategorySop(tx, ticket.categoryId);
    const checklist = sop ? await loadSopChecklist(tx, ticket.id, sop.steps) : [];
    const ticked = checklist.filter((s) => s.done).map((s) => s.text);
    const openRequired = openRequiredSteps(checklist, new Set(ticked));
    const guard = checkSopGuard(ticket.tier, openRequired, data.sopOverride);
    if (!guard.ok) throw new AppError(guard.code, guard.message, undefined, { openSteps: guard.openSteps });
    const stepsDone = [...ticked, ...(data.stepsDone ?? []).filter((s) => !ticked.includes(s))];
    const toL4 = verdict.toTier === "L4";
    const placement = toL4 ? { assignee: null, decision: null } : placeInGroup(group, (await loadCandidates(tx, [group.id])).get(group.id) ?? []);
    const assigneeId = toL4 ? ticket.assigneeId : (placement.assignee?.id ?? null);
    const status = toL4 ? "PENDING_VENDOR" : assigneeId ? "ASSIGNED" : "NEW";

    const rules = await loadRules(tx, ticket, group.id);
    const before = clockStateOf(ticket);
    const clocks = advanceClocks(before, { tier: verdict.toTier, status }, { now, calendars: rules.calendars, tierCalendarAfter: rules.tierCalendarAfter, before: rules.target, after: rules.target });
    const usedMinutes = ticket.tier === "L4" ? 0 : Math.round(clocks.tierSecondsUsed[ticket.tier] / 60);

    await saveTicket(tx, ticket, {
      ...clockColumnsOf(clocks),
      groupId: group.id,
      assigneeId,
      tierEnteredAt: now,
      ...(toL4 ? { externalReference: data.externalReference } : {}),
    }, now);
    if (status !== ticket.status) await enqueueStatusMail(tx, ticket, { from: ticket.status, to: status, version: ticket.version + 1 }, now);
    const engagement = toL4
      ? await startVendorEngagement(tx, { ticketId: ticket.id, groupId: group.id, coordinatorGroupId: ticket.groupId, priority: ticket.priority }, now)
      : null;

    const events: EventInput[] = [
      {
        type: "ESCALATED",
        actorId: actor.id,
        fromTier: ticket.tier,
        toTier: verdict.toTier,
        fromGroup: ticket.group.slug,
        toGroup: group.slug,
        fromAssignee: ticket.assignee?.userId ?? null,
        toAssignee: toL4 ? (ticket.assignee?.userId ?? null) : (placement.assignee?.userId ?? null),
        rule: toL4 ? "escalate.l4-handoff" : guard.override ? SOP_OVERRIDE_RULE : "escalate.manual",
        inputs: {
          reason: data.reason,
          summary: data.summary,
          stepsDone,
          ...(ticket.tier === "L1" ? { openRequiredSteps: openRequired } : {}),
          ...(guard.override ? { sopOverride: guard.override } : {}),
          externalReference: data.externalReference ?? null,
          l4Kind: group.l4Kind,
          tierMinutesUsed: usedMinutes,
          ...(engagement
            ? { vendorResponseDueAt: engagement.responseDueAt, vendorResolutionDueAt: engagement.resolutionDueAt, vendorCalendar: engagement.calendarLabel }
            : {}),
        },
        reason: toL4
          ? `Handed off to ${group.name} (L4, ${group.l4Kind === "VENDOR" ? "vendor" : "engineering"}) as ${data.externalReference}; ${ticket.assignee?.name ?? "the L3 owner"} coordinates; ${vendorDueSentence(engagement!)}. Reason: ${data.reason}`
          : guard.override
            ? `Escalated to ${verdict.toTier} ${group.name} by ${actor.name} after ${usedMinutes} min at ${ticket.tier}, overriding the SOP with ${openRequired.length === 1 ? "a required step" : `${openRequired.length} required steps`} open (${quoteSteps(openRequired)}) because: ${guard.override}. Reason: ${data.reason}`
            : `Escalated to ${verdict.toTier} ${group.name} by ${actor.name} after ${usedMinutes} min at ${ticket.tier}. Reason: ${data.reason}`,
        createdAt: now,
      },
    ];
    if (placement.decision) {
      events.push({
        type: "ASSIGNED",
        actorId: null,
        fromTier: verdict.toTier,
        toTier: verdict.toTier,
        toGroup: group.slug,
        toAssignee: placement.assignee?.userId ?? null,
        createdAt: now,
        ...placement.decision,
      });
    }
    await recordEvents(tx, ticket.id, events);
  }));
  return getTicket(actor, number);
}
