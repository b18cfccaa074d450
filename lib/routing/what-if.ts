// What-if: replay a period's tickets against a matrix and its SLA targets, as plain data. The admin page
// runs it twice, on the current version and on the draft, and shows the two side by side.
//
// Each ticket is classified on the matrix from its (impact, urgency); its first-response and resolution
// due times are recomputed from createdAt on the target's clock (24×7 or the calendar's business hours)
// and compared with when it was actually answered and resolved (or `now`, if it still is not). Pauses
// (waiting on the customer) are not replayed: both sides are computed alike, so the comparison holds.
import type { Impact, Priority, TicketStatus, Tier, Urgency } from "@/lib/db/generated/enums";
import type { CalendarData } from "@/lib/calendar/business-hours";
import { PRIORITY_WEIGHT } from "./candidates";
import { dueTimes, initialClockState, oneCalendar } from "./clocks";
import { classify, type MatrixData } from "./matrix";
import { findTarget, type SlaTargetData } from "./sla";

export interface ReplayTicket {
  impact: Impact;
  urgency: Urgency;
  tier: Tier;
  status: TicketStatus;
  createdAt: Date;
  firstRespondedAt: Date | null;
  resolvedAt: Date | null;
}

export interface ReplayMatrix {
  matrix: MatrixData;
  targets: SlaTargetData[];
}

export interface ReplaySummary {
  tickets: number;
  priorityMix: Record<Priority, number>;
  breaches: { firstResponse: number; resolution: number };
  /** Open tickets per tier, weighted by priority (P1 = 5 … P5 = 1), as automatic assignment weighs them. */
  loadPerTier: Record<Tier, number>;
}

export interface WhatIfComparison {
  current: ReplaySummary;
  draft: ReplaySummary;
  /** Tickets whose priority would differ on the draft. */
  reclassified: number;
}

const PRIORITIES: Priority[] = ["P1", "P2", "P3", "P4", "P5"];
const TIERS: Tier[] = ["L1", "L2", "L3", "L4"];
const FINISHED: TicketStatus[] = ["RESOLVED", "CLOSED"];

const zeroes = <K extends string>(keys: K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

/** Late when the moment it happened (or now, if it has not) is past the due time. */
const late = (due: Date | null, happenedAt: Date | null, now: Date) => due !== null && (happenedAt ?? now).getTime() > due.getTime();

/** One matrix's view of the tickets: priority mix, breaches and load per tier. */
export function replayTickets(tickets: ReplayTicket[], version: ReplayMatrix, calendar: CalendarData, now: Date): { summary: ReplaySummary; priorities: Priority[] } {
  const summary: ReplaySummary = { tickets: tickets.length, priorityMix: zeroes(PRIORITIES), breaches: { firstResponse: 0, resolution: 0 }, loadPerTier: zeroes(TIERS) };
  const priorities: Priority[] = [];
  for (const ticket of tickets) {
    const { priority } = classify(version.matrix, ticket.impact, ticket.urgency);
    priorities.push(priority);
    summary.priorityMix[priority] += 1;
    const due = dueTimes(initialClockState(ticket.createdAt), findTarget(version.targets, priority), oneCalendar(calendar));
    if (late(due.firstResponseDueAt, ticket.firstRespondedAt, now)) summary.breaches.firstResponse += 1;
    if (late(due.resolutionDueAt, ticket.resolvedAt, now)) summary.breaches.resolution += 1;
    if (!FINISHED.includes(ticket.status)) summary.loadPerTier[ticket.tier] += PRIORITY_WEIGHT[priority];
  }
  return { summary, priorities };
}

/** The current version beside the draft, over the same tickets, calendar and instant. */
export function compareWhatIf(tickets: ReplayTicket[], current: ReplayMatrix, draft: ReplayMatrix, calendar: CalendarData, now: Date): WhatIfComparison {
  const before = replayTickets(tickets, current, calendar, now);
  const after = replayTickets(tickets, draft, calendar, now);
  const reclassified = before.priorities.filter((p, i) => p !== after.priorities[i]).length;
  return { current: before.summary, draft: after.summary, reclassified };
}
