// Which clock runs on which calendar (issue 19): the customer clock on the organization's calendar, a tier
// budget on the calendar of the group the ticket is in, and a handoff from an L1 calendar to an L2 one.
import { describe, expect, it } from "vitest";
import type { WindowsCalendar } from "@/lib/calendar/business-hours";
import { advanceClocks, initialClockState, type ClockCalendars } from "@/lib/routing/clocks";
import { DEFAULT_MATRIX_CELLS, DEFAULT_SLA_TARGETS } from "@/lib/routing/defaults";
import { planIntake, type IntakeInput } from "@/lib/routing/intake";
import { findTarget } from "@/lib/routing/sla";

const weekdays = (opens: number, closes: number) => [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opensAtMinute: opens * 60, closesAtMinute: closes * 60 }));
/** An L1 desk in Berlin, 08:00–12:00 and 13:00–17:00 local. */
const berlin: WindowsCalendar = { timeZone: "Europe/Berlin", windows: [...weekdays(8, 12), ...weekdays(13, 17)], holidays: [], label: "berlin-desk v2" };
/** An L2 team in Austin, 09:00–17:00 local. */
const austin: WindowsCalendar = { timeZone: "America/Chicago", windows: weekdays(9, 17), holidays: [], label: "austin-l2 v1" };
/** A customer's contract: Mon–Fri 07:00–19:00 UTC. */
const contract: WindowsCalendar = { timeZone: "UTC", windows: weekdays(7, 19), holidays: [{ from: "2026-12-24", to: "2026-12-27", name: "Christmas" }], label: "acme-contract v1" };

const P3 = findTarget(DEFAULT_SLA_TARGETS, "P3"); // business hours: response 2 h, resolution 16 h, updates 4 h, L1 4 h, L2 8 h
const at = (iso: string) => new Date(iso);

function intake(calendars: ClockCalendars, now: string) {
  const input: IntakeInput = {
    now: at(now),
    hints: { impact: "HIGH", urgency: "LOW" },
    category: { slug: "platform", name: "Platform", defaultImpact: "MEDIUM", defaultUrgency: "HIGH" },
    matrix: { version: 1, cells: DEFAULT_MATRIX_CELLS },
    targets: DEFAULT_SLA_TARGETS,
    calendars,
    group: { slug: "service-desk", name: "Service Desk", assignmentMode: "PULL" },
    customer: { userId: "C1001", organization: "Acme" },
    channel: "PORTAL",
    openedBy: null,
  };
  return planIntake(input);
}

describe("clocks on the organization's and the group's calendars", () => {
  it("runs the customer clock on the contract and the L1 budget on the Berlin desk's windows", () => {
    // Wednesday 2026-12-02 10:30 UTC = 11:30 in Berlin.
    const plan = intake({ customer: contract, tier: berlin }, "2026-12-02T10:30:00.000Z");
    expect(plan.priority).toBe("P3");
    // Customer clock, 07–19 UTC: 2 h → 12:30 UTC; resolution 16 h = 8.5 h Wednesday + 7.5 h Thursday → Thursday 14:30 UTC.
    expect(plan.clocks.firstResponseDueAt?.toISOString()).toBe("2026-12-02T12:30:00.000Z");
    expect(plan.clocks.resolutionDueAt?.toISOString()).toBe("2026-12-03T14:30:00.000Z");
    expect(plan.clocks.nextUpdateDueAt?.toISOString()).toBe("2026-12-02T14:30:00.000Z");
    // L1 budget 4 h in Berlin: 11:30–12:00 (0.5 h), lunch, 13:00–16:30 (3.5 h) → 16:30 Berlin = 15:30 UTC.
    expect(plan.clocks.tierBudgetEndsAt?.toISOString()).toBe("2026-12-02T15:30:00.000Z");
    // The decision log names the calendar versions the due times were computed on.
    expect(plan.classified.inputs.calendars).toEqual({ customer: "acme-contract v1", tier: "berlin-desk v2" });
  });

  it("names no calendars for a 24×7 priority, whose clocks use none", () => {
    const plan = planIntake({ ...intakeInputFor("HIGH", "HIGH"), calendars: { customer: contract, tier: berlin } });
    expect(plan.priority).toBe("P1");
    expect(plan.classified.inputs).not.toHaveProperty("calendars");
  });

  it("books L1's time on Berlin's hours and starts L2's budget on Austin's when the ticket moves", () => {
    const opened = at("2026-12-02T10:30:00.000Z"); // 11:30 Berlin
    const start = { ...initialClockState(opened), nextUpdateDueAt: null };
    const calendars = { customer: contract, tier: berlin };
    const started = advanceClocks(start, {}, { now: opened, calendars, before: P3, after: P3 });
    // Escalated at 14:00 UTC = 15:00 Berlin: L1 used 11:30–12:00 and 13:00–15:00 Berlin = 2.5 h.
    const moved = advanceClocks(started, { tier: "L2", status: "NEW" }, { now: at("2026-12-02T14:00:00.000Z"), calendars, tierCalendarAfter: austin, before: P3, after: P3 });
    expect(moved.tierSecondsUsed.L1).toBe(2.5 * 3600);
    // The customer clock counted the whole 3.5 h on the contract's 07–19 UTC.
    expect(moved.slaSecondsUsed).toBe(3.5 * 3600);
    // L2 budget 8 h in Austin from 08:00 CST Wednesday (before opening): 09:00–17:00 CST → 17:00 CST = 23:00 UTC.
    expect(moved.tierBudgetEndsAt?.toISOString()).toBe("2026-12-02T23:00:00.000Z");
    // The customer's due times stay on the contract: 16 h − 3.5 h = 12.5 h from 14:00 UTC → 5 h Wednesday + 7.5 h Thursday.
    expect(moved.resolutionDueAt?.toISOString()).toBe("2026-12-03T14:30:00.000Z");
  });

  it("keeps the contract's holiday range over a weekend closed for the customer clock only", () => {
    // Wednesday 2026-12-23 18:00 UTC; the contract is closed 24–27 December (Thursday to Sunday), Berlin is not.
    const plan = intake({ customer: contract, tier: berlin }, "2026-12-23T18:00:00.000Z");
    // 2 h response: 1 h on Wednesday, then Monday 28th 07:00 → 08:00 UTC.
    expect(plan.clocks.firstResponseDueAt?.toISOString()).toBe("2026-12-28T08:00:00.000Z");
    // Berlin has no holiday: the L1 budget runs Thursday 08:00–12:00 Berlin, its morning window → 11:00 UTC.
    expect(plan.clocks.tierBudgetEndsAt?.toISOString()).toBe("2026-12-24T11:00:00.000Z");
  });
});

function intakeInputFor(impact: "HIGH" | "MEDIUM" | "LOW", urgency: "HIGH" | "MEDIUM" | "LOW"): IntakeInput {
  return {
    now: at("2026-12-02T10:30:00.000Z"),
    hints: { impact, urgency },
    category: { slug: "platform", name: "Platform", defaultImpact: "MEDIUM", defaultUrgency: "HIGH" },
    matrix: { version: 1, cells: DEFAULT_MATRIX_CELLS },
    targets: DEFAULT_SLA_TARGETS,
    calendars: { customer: contract, tier: berlin },
    group: { slug: "service-desk", name: "Service Desk", assignmentMode: "PULL" },
    customer: { userId: "C1001", organization: "Acme" },
    channel: "PORTAL",
    openedBy: null,
  };
}
