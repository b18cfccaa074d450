import type { Clocked, ClockState } from "./clocks";

/** The ticket columns that hold its clocks. */
export interface ClockColumns {
  status: ClockState["status"];
  tier: ClockState["tier"];
  slaSecondsUsed: number;
  slaClockSince: Date | null;
  l1SecondsUsed: number;
  l2SecondsUsed: number;
  l3SecondsUsed: number;
  tierClockSince: Date | null;
  vendorSecondsUsed: number;
  vendorClockSince: Date | null;
  firstRespondedAt: Date | null;
  nextUpdateDueAt: Date | null;
  firstResponseDueAt: Date | null;
  resolutionDueAt: Date | null;
  resolutionWarnAt: Date | null;
  tierBudgetEndsAt: Date | null;
  tierBudgetWarnAt: Date | null;
}

export function clockStateOf(row: ClockColumns): ClockState {
  return {
    status: row.status,
    tier: row.tier,
    slaSecondsUsed: row.slaSecondsUsed,
    slaClockSince: row.slaClockSince,
    tierSecondsUsed: { L1: row.l1SecondsUsed, L2: row.l2SecondsUsed, L3: row.l3SecondsUsed },
    tierClockSince: row.tierClockSince,
    vendorSecondsUsed: row.vendorSecondsUsed,
    vendorClockSince: row.vendorClockSince,
    firstRespondedAt: row.firstRespondedAt,
    nextUpdateDueAt: row.nextUpdateDueAt,
    tierBudgetEndsAt: row.tierBudgetEndsAt,
  };
}

export function clockColumnsOf(clocks: Clocked): ClockColumns {
  return {
    status: clocks.status,
    tier: clocks.tier,
    slaSecondsUsed: clocks.slaSecondsUsed,
    slaClockSince: clocks.slaClockSince,
    l1SecondsUsed: clocks.tierSecondsUsed.L1,
    l2SecondsUsed: clocks.tierSecondsUsed.L2,
    l3SecondsUsed: clocks.tierSecondsUsed.L3,
    tierClockSince: clocks.tierClockSince,
    vendorSecondsUsed: clocks.vendorSecondsUsed,
    vendorClockSince: clocks.vendorClockSince,
    firstRespondedAt: clocks.firstRespondedAt,
    nextUpdateDueAt: clocks.nextUpdateDueAt,
    firstResponseDueAt: clocks.firstResponseDueAt,
    resolutionDueAt: clocks.resolutionDueAt,
    resolutionWarnAt: clocks.resolutionWarnAt,
    tierBudgetEndsAt: clocks.tierBudgetEndsAt,
    tierBudgetWarnAt: clocks.tierBudgetWarnAt,
  };
}
