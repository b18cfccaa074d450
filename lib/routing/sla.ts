import type { Priority, SlaClock, Tier } from "@/lib/db/generated/enums";
import { addBusinessMinutes, type CalendarData } from "./business-hours";

export interface SlaTargetData {
  priority: Priority;
  firstResponseMinutes: number;
  resolutionMinutes: number;
  updateEveryMinutes: number;
  l1BudgetMinutes: number;
  l2BudgetMinutes: number;
  l3BudgetMinutes: number;
  clock: SlaClock;
}

export interface DueTimes {
  firstResponseAt: Date;
  resolutionAt: Date;
  nextUpdateAt: Date;
  /** Null at L4: the vendor's clock runs apart from the tier budgets. */
  tierBudgetEndsAt: Date | null;
}

/** `start` plus `minutes` on the target's clock: wall-clock time (24×7) or business hours. */
export function addClockMinutes(start: Date, minutes: number, clock: SlaClock, calendar: CalendarData): Date {
  return clock === "ALWAYS"
    ? new Date(start.getTime() + minutes * 60_000)
    : addBusinessMinutes(start, minutes, calendar);
}

export function tierBudgetMinutes(target: SlaTargetData, tier: Tier): number | null {
  switch (tier) {
    case "L1":
      return target.l1BudgetMinutes;
    case "L2":
      return target.l2BudgetMinutes;
    case "L3":
      return target.l3BudgetMinutes;
    case "L4":
      return null;
  }
}

/** Due times of a ticket that starts its clocks at `start` in `tier`. */
export function dueTimesFrom(start: Date, target: SlaTargetData, calendar: CalendarData, tier: Tier): DueTimes {
  const add = (minutes: number) => addClockMinutes(start, minutes, target.clock, calendar);
  const budget = tierBudgetMinutes(target, tier);
  return {
    firstResponseAt: add(target.firstResponseMinutes),
    resolutionAt: add(target.resolutionMinutes),
    nextUpdateAt: add(target.updateEveryMinutes),
    tierBudgetEndsAt: budget === null ? null : add(budget),
  };
}

export function findTarget(targets: SlaTargetData[], priority: Priority): SlaTargetData {
  const target = targets.find((t) => t.priority === priority);
  if (!target) throw new Error(`The matrix version has no SLA target for ${priority}.`);
  return target;
}
