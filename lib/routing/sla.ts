import type { Priority, SlaClock, Tier } from "@/lib/db/generated/enums";
import { addBusinessMinutes, businessSecondsBetween, type CalendarData } from "@/lib/calendar/business-hours";

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

/** `start` plus `minutes` on the target's clock: wall-clock time (24×7) or business hours. */
export function addClockMinutes(start: Date, minutes: number, clock: SlaClock, calendar: CalendarData): Date {
  return clock === "ALWAYS"
    ? new Date(start.getTime() + minutes * 60_000)
    : addBusinessMinutes(start, minutes, calendar);
}

/** Time on the target's clock between two instants, in seconds. */
export function clockSecondsBetween(start: Date, end: Date, clock: SlaClock, calendar: CalendarData): number {
  return clock === "ALWAYS"
    ? Math.max(0, Math.floor((end.getTime() - start.getTime()) / 1000))
    : businessSecondsBetween(start, end, calendar);
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

export function findTarget(targets: SlaTargetData[], priority: Priority): SlaTargetData {
  const target = targets.find((t) => t.priority === priority);
  if (!target) throw new Error(`The matrix version has no SLA target for ${priority}.`);
  return target;
}
