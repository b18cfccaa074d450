// The ticket's clocks as plain data, and the one rule that moves them: `advanceClocks`. Every change of
// status, tier or priority goes through it, so pauses, handoffs and reclassifications are computed alike.
//
// - The customer clock (first response, resolution, update cadence) runs on the priority's clock (24×7
//   or business hours: the customer's organization's calendar, else the matrix version's) and stops
//   while the ticket waits on the customer, is resolved or closed.
// - Each tier's clock (L1–L3 budgets) runs while the ticket is at that tier and the customer clock
//   runs, on the same kind of clock but the calendar of the group the ticket is in: an L1 desk in Berlin
//   and an L2 team in Austin each count their own hours. Seconds used per tier are kept: a ticket
//   returned to a tier resumes that tier's budget.
// - The vendor clock runs on wall-clock time while the ticket is at L4, apart from the customer clock.
import type { TicketStatus, Tier } from "@/lib/db/generated/enums";
import type { CalendarData } from "@/lib/calendar/business-hours";
import { addClockMinutes, clockSecondsBetween, tierBudgetMinutes, type SlaTargetData } from "./sla";

export interface TierSeconds {
  L1: number;
  L2: number;
  L3: number;
}

export interface ClockState {
  status: TicketStatus;
  tier: Tier;
  slaSecondsUsed: number;
  /** Null while the customer clock is stopped. */
  slaClockSince: Date | null;
  tierSecondsUsed: TierSeconds;
  tierClockSince: Date | null;
  vendorSecondsUsed: number;
  vendorClockSince: Date | null;
  firstRespondedAt: Date | null;
  nextUpdateDueAt: Date | null;
  /** When the current tier's budget ends (or ended), as last derived; lets a budget that ran out stay due. */
  tierBudgetEndsAt?: Date | null;
}

export interface DueTimes {
  firstResponseDueAt: Date | null;
  resolutionDueAt: Date | null;
  /** 75 % of the resolution target: the assignee and the group's leads are alerted. */
  resolutionWarnAt: Date | null;
  tierBudgetEndsAt: Date | null;
  /** 75 % of the current tier's budget: the ticket is due soon. */
  tierBudgetWarnAt: Date | null;
  nextUpdateDueAt: Date | null;
}

export type Clocked = ClockState & DueTimes;

const CUSTOMER_CLOCK_STOPPED: TicketStatus[] = ["PENDING_CUSTOMER", "RESOLVED", "CLOSED"];
const FINISHED: TicketStatus[] = ["RESOLVED", "CLOSED"];
export const RESOLUTION_WARNING_RATIO = 0.75;
export const TIER_BUDGET_WARNING_RATIO = 0.75;

export const customerClockRuns = (status: TicketStatus) => !CUSTOMER_CLOCK_STOPPED.includes(status);
const tierClockRuns = (status: TicketStatus, tier: Tier) => customerClockRuns(status) && tier !== "L4";
const vendorClockRuns = (status: TicketStatus, tier: Tier) => tier === "L4" && !FINISHED.includes(status);

export function initialClockState(now: Date): ClockState {
  return {
    status: "NEW",
    tier: "L1",
    slaSecondsUsed: 0,
    slaClockSince: now,
    tierSecondsUsed: { L1: 0, L2: 0, L3: 0 },
    tierClockSince: now,
    vendorSecondsUsed: 0,
    vendorClockSince: null,
    firstRespondedAt: null,
    nextUpdateDueAt: null,
  };
}

/** A new ticket's clocks: all start at `now`, and the first customer update falls due one cadence later. */
export function openingClocks(now: Date, target: SlaTargetData, calendars: ClockCalendars): Clocked {
  const start = { ...initialClockState(now), nextUpdateDueAt: addClockMinutes(now, target.updateEveryMinutes, target.clock, calendars.customer) };
  return { ...start, ...dueTimes(start, target, calendars) };
}

export interface ClockChange {
  status?: TicketStatus;
  tier?: Tier;
  /** A public reply: counts as first response and as a customer update. */
  customerUpdated?: boolean;
  /** Impact, urgency or category changed: a tier budget the new target finds spent is due at once. */
  reclassified?: boolean;
}

/** The calendars a ticket's business-hours clocks run on. */
export interface ClockCalendars {
  /** The customer clock's: the customer's organization's calendar, else the matrix version's. */
  customer: CalendarData;
  /** The tier budget's: the calendar of the group the ticket is in, else the matrix version's. */
  tier: CalendarData;
}

/** Both clocks on one calendar (no organization or group has its own). */
export const oneCalendar = (calendar: CalendarData): ClockCalendars => ({ customer: calendar, tier: calendar });

export interface ClockContext {
  now: Date;
  /** The calendars before the change; time spent since the last change is counted on them. */
  calendars: ClockCalendars;
  /** The calendar of the group the ticket moves to, for its new tier's budget; absent: it stays in its group. */
  tierCalendarAfter?: CalendarData;
  /** The targets in force before the change (for time already spent) and after it (for new due times). */
  before: SlaTargetData;
  after: SlaTargetData;
}

/** Books the time spent since the last change, applies the change, restarts what runs, and derives due times. */
export function advanceClocks(state: ClockState, change: ClockChange, ctx: ClockContext): Clocked {
  const { now, calendars, before, after } = ctx;
  const spent = (since: Date | null, calendar: CalendarData) => (since ? clockSecondsBetween(since, now, before.clock, calendar) : 0);

  const tierSecondsUsed = { ...state.tierSecondsUsed };
  if (state.tier !== "L4") tierSecondsUsed[state.tier] += spent(state.tierClockSince, calendars.tier);
  const status = change.status ?? state.status;
  const tier = change.tier ?? state.tier;
  const wasRunning = customerClockRuns(state.status);
  const runs = customerClockRuns(status);

  const next: ClockState = {
    status,
    tier,
    slaSecondsUsed: state.slaSecondsUsed + spent(state.slaClockSince, calendars.customer),
    slaClockSince: runs ? now : null,
    tierSecondsUsed,
    tierClockSince: tierClockRuns(status, tier) ? now : null,
    vendorSecondsUsed:
      state.vendorSecondsUsed + (state.vendorClockSince ? Math.max(0, Math.floor((now.getTime() - state.vendorClockSince.getTime()) / 1000)) : 0),
    vendorClockSince: vendorClockRuns(status, tier) ? now : null,
    firstRespondedAt: state.firstRespondedAt ?? (change.customerUpdated ? now : null),
    nextUpdateDueAt: !runs ? null : nextUpdate(state, change, wasRunning, addClockMinutes(now, after.updateEveryMinutes, after.clock, calendars.customer)),
  };
  const due = dueTimes(next, after, { customer: calendars.customer, tier: ctx.tierCalendarAfter ?? calendars.tier });
  // A budget that ran out at this tier before the sweep got to it stays due: touching the ticket in
  // between (a reply, a status change) must not cancel its automatic escalation.
  // Likewise a running budget that a reclassification finds spent (a P3 that turns out to be a P1) is
  // due now. A budget already waived (handed back after it was spent: no end) stays waived.
  // The same holds across a pause: a budget spent just before the ticket went to the customer stays on
  // record, and the sweep (which leaves stopped clocks alone) escalates it once the customer answers.
  const ended = state.tierBudgetEndsAt;
  if (ended && due.tierBudgetEndsAt === null && tier === state.tier && tier !== "L4" && !FINISHED.includes(status)) {
    if (ended.getTime() <= now.getTime()) due.tierBudgetEndsAt = ended;
    else if (change.reclassified && next.tierClockSince !== null) due.tierBudgetEndsAt = now;
    due.tierBudgetWarnAt = due.tierBudgetEndsAt;
  }
  return { ...next, ...due };
}

/** A reply, a resume or a first update starts the cadence afresh; otherwise the pending update stands, unless a faster cadence (after reclassification) brings it forward. */
function nextUpdate(state: ClockState, change: ClockChange, wasRunning: boolean, fresh: Date): Date {
  if (change.customerUpdated || !wasRunning || !state.nextUpdateDueAt) return fresh;
  return fresh < state.nextUpdateDueAt ? fresh : state.nextUpdateDueAt;
}

/** Due instants of a state whose clocks were just (re)started: null where a clock is stopped or done. */
export function dueTimes(state: ClockState, target: SlaTargetData, calendars: ClockCalendars): DueTimes {
  const on = (calendar: CalendarData) => (since: Date | null, totalMinutes: number, usedSeconds: number) =>
    since ? addClockMinutes(since, Math.max(0, totalMinutes - usedSeconds / 60), target.clock, calendar) : null;
  const from = on(calendars.customer);
  const tierFrom = on(calendars.tier);
  const budget = tierBudgetMinutes(target, state.tier);
  const tierUsed = state.tier === "L4" ? 0 : state.tierSecondsUsed[state.tier];
  // A tier handed a ticket back after its budget was spent is not escalated again automatically.
  const budgetLeft = budget !== null && tierUsed < budget * 60;
  return {
    firstResponseDueAt: state.firstRespondedAt ? null : from(state.slaClockSince, target.firstResponseMinutes, state.slaSecondsUsed),
    resolutionDueAt: from(state.slaClockSince, target.resolutionMinutes, state.slaSecondsUsed),
    resolutionWarnAt: from(state.slaClockSince, target.resolutionMinutes * RESOLUTION_WARNING_RATIO, state.slaSecondsUsed),
    tierBudgetEndsAt: budgetLeft ? tierFrom(state.tierClockSince, budget, tierUsed) : null,
    tierBudgetWarnAt: budgetLeft ? tierFrom(state.tierClockSince, budget * TIER_BUDGET_WARNING_RATIO, tierUsed) : null,
    nextUpdateDueAt: state.nextUpdateDueAt,
  };
}
