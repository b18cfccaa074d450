// Replay: one ticket's recorded life run again on a set of rules (a matrix, its SLA targets and tier
// budgets, the calendars), through the same `advanceClocks` every verb uses. What people did stays as
// recorded (replies, pauses, resolutions, manual moves, reclassifications); what the rules decide is
// computed afresh: the priority, every due time, and the automatic escalations a spent tier budget
// causes. The what-if runs it twice per ticket, on the current rules and on a draft.
import type { Impact, Priority, TicketStatus, Tier, Urgency } from "@/lib/db/generated/enums";
import type { CalendarData } from "@/lib/calendar/business-hours";
import { advanceClocks, openingClocks, type ClockChange, type Clocked } from "./clocks";
import { escalationTargetSlug } from "./groups";
import { NEXT_TIER } from "./guards";
import type { SlaTargetData } from "./sla";
import { vendorDueTimes, type VendorDueTimes, type VendorTargetData } from "./vendor-targets";

/** What a person (or the system, for a recorded automatic escalation) did, in the order it happened. */
export type ReplayStep =
  | { at: Date; kind: "status"; to: TicketStatus }
  /** A public reply from staff: the first response, and a customer update. */
  | { at: Date; kind: "reply" }
  /** Moved by hand (escalated, returned, assigned to another group); `resumes`: the move restarts a paused clock. */
  | { at: Date; kind: "move"; tier: Tier; group: string; resumes: boolean; escalation: boolean }
  | { at: Date; kind: "reclassify"; impact: Impact; urgency: Urgency }
  /** The sweep's escalation as recorded: the replay makes its own, at the same instant when its budget ended at the same one. */
  | { at: Date; kind: "auto-escalated"; from: Tier; budgetEndedAt: Date }
  /** The L4 vendor acknowledged the ticket, at `respondedAt`. */
  | { at: Date; kind: "vendor-responded"; respondedAt: Date };

export interface ReplayHistory {
  id: number;
  number: string;
  createdAt: Date;
  /** As opened (before any reclassification). */
  impact: Impact;
  urgency: Urgency;
  tier: Tier;
  group: string;
  organizationId: string | null;
  /** The category's L2 group, where an automatic L1 → L2 escalation goes. */
  categoryL2Group: string | null;
  steps: ReplayStep[];
}

/** The rules a side of the what-if replays with. */
export interface ReplayRules {
  priorityOf(impact: Impact, urgency: Urgency): Priority;
  target(priority: Priority): SlaTargetData;
  customerCalendar(organizationId: string | null): CalendarData;
  groupCalendar(groupSlug: string): CalendarData;
  /** An L4 group's target for a priority (its underpinning contract), or null: nothing measured. */
  vendorTarget(groupSlug: string, priority: Priority): VendorTargetData | null;
}

export type Outcome = "met" | "breached" | "pending";
export type EscalationPair = "L1L2" | "L2L3" | "L3L4";

export interface ReplayOutcome {
  /** As it stands at the end (after any reclassification). */
  priority: Priority;
  firstResponse: Outcome;
  resolution: Outcome;
  /** Customer updates that fell due unanswered (each raises the sweep's "update due" alert once). */
  updatesLate: number;
  /** Stints with an L4 group whose vendor target was missed: response, resolution (each stint is an engagement). */
  vendor: { response: number; resolution: number };
  /** Tier moves up, by the budget sweep (automatic) or by hand, as they happen in this replay. */
  escalations: Record<EscalationPair, number>;
  automatic: { L1L2: number; L2L3: number };
  /** While open: at which tier, from when to when (null: still open at `now`). */
  spans: { tier: Tier; from: Date; to: Date | null }[];
}

const PAIR: Partial<Record<Tier, EscalationPair>> = { L1: "L1L2", L2: "L2L3", L3: "L3L4" };
const FINISHED: TicketStatus[] = ["RESOLVED", "CLOSED"];
const RUNNING: TicketStatus = "IN_PROGRESS";

/** One ticket's life on `rules`, up to `now`. */
export function replayTicket(history: ReplayHistory, rules: ReplayRules, now: Date): ReplayOutcome {
  let priority = rules.priorityOf(history.impact, history.urgency);
  let target = rules.target(priority);
  let group = history.group;
  const customer = rules.customerCalendar(history.organizationId);
  const calendars = () => ({ customer, tier: rules.groupCalendar(group) });
  let clocks: Clocked = openingClocks(history.createdAt, target, calendars());

  const out: ReplayOutcome = {
    priority,
    firstResponse: "pending",
    resolution: "pending",
    updatesLate: 0,
    vendor: { response: 0, resolution: 0 },
    escalations: { L1L2: 0, L2L3: 0, L3L4: 0 },
    automatic: { L1L2: 0, L2L3: 0 },
    spans: [],
  };
  let span: { tier: Tier; from: Date } | null = { tier: history.tier, from: history.createdAt };
  let resolutionBreached = false;
  let updateFlagged = false;
  const recordedAuto = history.steps.filter((s): s is Extract<ReplayStep, { kind: "auto-escalated" }> => s.kind === "auto-escalated");

  // The stint with an L4 group under way, as vendor-engagement.ts opens it and the end_vendor_engagement trigger ends it.
  let engagement = null as (VendorDueTimes & { respondedAt: Date | null }) | null;
  // Late as the dashboard counts it (metrics/vendor-targets.sql.ts): a response after its due time or none by the
  // stint's end (or `now`); a stint that ended after its resolution due time, or is still under way past it.
  const settleEngagement = (until: Date, ended: boolean) => {
    if (!engagement) return;
    const { responseDueAt, resolutionDueAt, respondedAt } = engagement;
    if (responseDueAt && (respondedAt ? respondedAt > responseDueAt : responseDueAt <= until)) out.vendor.response += 1;
    if (resolutionDueAt && (ended ? resolutionDueAt < until : resolutionDueAt <= until)) out.vendor.resolution += 1;
    engagement = null;
  };

  const apply = (change: ClockChange, at: Date, opts: { toGroup?: string; after?: SlaTargetData } = {}) => {
    const wasAtL4 = clocks.tier === "L4" && !FINISHED.includes(clocks.status);
    const fromGroup = group;
    const ctx = { now: at, calendars: calendars(), before: target, after: opts.after ?? target, tierCalendarAfter: opts.toGroup ? rules.groupCalendar(opts.toGroup) : undefined };
    clocks = advanceClocks(clocks, change, ctx);
    if (opts.toGroup) group = opts.toGroup;
    const open = !FINISHED.includes(clocks.status);
    if (span && (!open || span.tier !== clocks.tier)) {
      out.spans.push({ ...span, to: at });
      span = null;
    }
    if (open && !span) span = { tier: clocks.tier, from: at };
    const atL4 = clocks.tier === "L4" && open;
    if (wasAtL4 && (!atL4 || group !== fromGroup)) settleEngagement(at, true);
    if (atL4 && (!wasAtL4 || group !== fromGroup)) engagement = { ...vendorDueTimes(at, rules.vendorTarget(group, priority)), respondedAt: null };
  };

  // Everything the rules decide between the last step and `until` (a step at the same instant comes first):
  // the sweep's escalations, and the due times passed.
  const runUntil = (until: Date) => {
    for (;;) {
      const ends = clocks.tierBudgetEndsAt;
      if (!ends || clocks.tierClockSince === null || (clocks.tier !== "L1" && clocks.tier !== "L2") || ends.getTime() >= until.getTime()) break;
      // The sweep as it ran: it may have got to this budget a little after it ended.
      const from = clocks.tier;
      const recorded = recordedAuto.find((s) => s.from === from && s.budgetEndedAt.getTime() === ends.getTime());
      const at = recorded?.at ?? ends;
      if (at.getTime() >= until.getTime()) break;
      passDueTimes(at);
      const to = NEXT_TIER[from]!;
      const toGroup = escalationTargetSlug(to, undefined, history.categoryL2Group) ?? group;
      apply({ tier: to, status: RUNNING }, at, { toGroup });
      out.escalations[PAIR[from]!] += 1;
      out.automatic[PAIR[from] as "L1L2" | "L2L3"] += 1;
    }
    passDueTimes(until);
  };

  const passDueTimes = (until: Date) => {
    const t = until.getTime();
    if (clocks.slaClockSince === null) return;
    if (clocks.resolutionDueAt && clocks.resolutionDueAt.getTime() < t) resolutionBreached = true;
    if (!updateFlagged && clocks.nextUpdateDueAt && clocks.nextUpdateDueAt.getTime() < t) {
      updateFlagged = true;
      out.updatesLate += 1;
    }
  };

  for (const step of history.steps) {
    if (step.kind === "auto-escalated") continue;
    runUntil(step.at);
    switch (step.kind) {
      case "reply":
        if (!clocks.firstRespondedAt && out.firstResponse === "pending") out.firstResponse = metBy(clocks.firstResponseDueAt, step.at);
        updateFlagged = false;
        apply({ customerUpdated: true }, step.at);
        break;
      case "status":
        if (step.to === "RESOLVED" && !FINISHED.includes(clocks.status)) {
          if (out.firstResponse === "pending") out.firstResponse = metBy(clocks.firstResponseDueAt, step.at);
          out.resolution = !resolutionBreached && metBy(clocks.resolutionDueAt, step.at) === "met" ? "met" : "breached";
        } else if (FINISHED.includes(clocks.status) && !FINISHED.includes(step.to)) out.resolution = "pending";
        apply({ status: step.to }, step.at);
        break;
      case "move": {
        // Already there (the replay's own escalation got it there first): nothing to do.
        if (step.tier === clocks.tier && step.group === group) break;
        const from = clocks.tier;
        const paused = !FINISHED.includes(clocks.status) && clocks.slaClockSince === null;
        apply({ tier: step.tier, ...(step.resumes && paused ? { status: RUNNING } : {}) }, step.at, { toGroup: step.group });
        if (step.escalation && NEXT_TIER[from] === step.tier) out.escalations[PAIR[from]!] += 1;
        break;
      }
      case "vendor-responded":
        if (engagement && !engagement.respondedAt) engagement.respondedAt = step.respondedAt;
        break;
      case "reclassify": {
        const next = rules.priorityOf(step.impact, step.urgency);
        const after = rules.target(next);
        apply({ reclassified: next !== priority }, step.at, { after });
        priority = next;
        target = after;
        // The new target moves the breach back into the future: the alert level drops with it (update-ticket).
        if (clocks.resolutionDueAt && clocks.resolutionDueAt.getTime() > step.at.getTime()) resolutionBreached = false;
        break;
      }
    }
  }
  runUntil(now);
  if (span) out.spans.push({ ...span, to: null });
  settleEngagement(now, false);
  out.priority = priority;
  if (out.firstResponse === "pending" && !clocks.firstRespondedAt && clocks.firstResponseDueAt && clocks.firstResponseDueAt.getTime() <= now.getTime()) out.firstResponse = "breached";
  if (out.resolution === "pending" && (resolutionBreached || (clocks.resolutionDueAt && clocks.resolutionDueAt.getTime() <= now.getTime()))) out.resolution = "breached";
  return out;
}

/** Met when it happened by its due time (or no clock was running to be late on). */
const metBy = (due: Date | null, at: Date): Outcome => (due === null || at.getTime() <= due.getTime() ? "met" : "breached");
