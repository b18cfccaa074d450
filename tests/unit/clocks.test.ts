import { describe, expect, it } from "vitest";
import type { Priority } from "@/lib/db/generated/enums";
import type { CalendarData } from "@/lib/calendar/business-hours";
import {
  oneCalendar,
  advanceClocks,
  customerClockRuns,
  dueTimes,
  initialClockState,
  RESOLUTION_WARNING_RATIO,
  type ClockChange,
  type Clocked,
  type ClockState,
} from "@/lib/routing/clocks";
import { DEFAULT_CALENDAR, DEFAULT_SLA_TARGETS } from "@/lib/routing/defaults";
import { findTarget, type SlaTargetData } from "@/lib/routing/sla";

// Weekdays (2026): 11-23 Mon … 11-27 Fri, 11-28 Sat, 11-29 Sun, 11-30 Mon, 12-01 Tue.
// DEFAULT_CALENDAR: UTC, Monday to Friday 08:00–18:00.
// P1: 24×7, response 15, resolution 240, update 30, budgets L1 15 / L2 60 / L3 120 minutes.
// P3: business hours, response 120, resolution 960, update 240, budgets L1 240 / L2 480 / L3 960 minutes.

const P1 = findTarget(DEFAULT_SLA_TARGETS, "P1");
const P3 = findTarget(DEFAULT_SLA_TARGETS, "P3");
const at = (isoString: string) => new Date(isoString);

/** A custom target on the 24×7 clock. */
function alwaysTarget(priority: Priority, minutes: Partial<SlaTargetData>): SlaTargetData {
  return {
    priority,
    firstResponseMinutes: 60,
    resolutionMinutes: 600,
    updateEveryMinutes: 120,
    l1BudgetMinutes: 60,
    l2BudgetMinutes: 120,
    l3BudgetMinutes: 240,
    clock: "ALWAYS",
    ...minutes,
  };
}

/** One step of a ticket's life: the change at `isoString`, with the same targets before and after. */
function step(state: ClockState, isoString: string, change: ClockChange, target: SlaTargetData = P1, calendar: CalendarData = DEFAULT_CALENDAR): Clocked {
  return advanceClocks(state, change, { now: at(isoString), calendars: oneCalendar(calendar), before: target, after: target });
}

/** A ticket opened at `isoString`: its clocks started and the first update scheduled. */
const open = (isoString: string, target: SlaTargetData = P1) => step(initialClockState(at(isoString)), isoString, {}, target);

/** The due times of a clocked state, as ISO strings. */
function due(c: Clocked) {
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  return {
    firstResponse: iso(c.firstResponseDueAt),
    resolution: iso(c.resolutionDueAt),
    resolutionWarn: iso(c.resolutionWarnAt),
    tierBudget: iso(c.tierBudgetEndsAt),
    nextUpdate: iso(c.nextUpdateDueAt),
  };
}

const NO_DUE_TIMES = { firstResponse: null, resolution: null, resolutionWarn: null, tierBudget: null, nextUpdate: null };

describe("initialClockState", () => {
  it("starts a NEW ticket at L1 with the customer and L1 clocks running from now and nothing used", () => {
    const now = at("2026-11-27T10:00:00.000Z");
    expect(initialClockState(now)).toEqual({
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
    });
  });

  it("returns a fresh ledger each time", () => {
    const now = at("2026-11-27T10:00:00.000Z");
    const a = initialClockState(now);
    a.tierSecondsUsed.L1 = 99;
    expect(initialClockState(now).tierSecondsUsed).toEqual({ L1: 0, L2: 0, L3: 0 });
  });
});

describe("customerClockRuns and the warning ratio", () => {
  it("stops the customer clock while pending on the customer, resolved or closed", () => {
    expect(
      (["NEW", "ASSIGNED", "IN_PROGRESS", "PENDING_CUSTOMER", "PENDING_VENDOR", "RESOLVED", "CLOSED"] as const).map((s) => [s, customerClockRuns(s)]),
    ).toEqual([
      ["NEW", true],
      ["ASSIGNED", true],
      ["IN_PROGRESS", true],
      ["PENDING_CUSTOMER", false],
      ["PENDING_VENDOR", true],
      ["RESOLVED", false],
      ["CLOSED", false],
    ]);
  });

  it("warns at 75 % of the resolution target", () => {
    expect(RESOLUTION_WARNING_RATIO).toBe(0.75);
  });
});

describe("advanceClocks: starting and running", () => {
  it("a change at the very instant of opening books nothing and schedules the first update", () => {
    const c = open("2026-11-27T10:00:00.000Z");
    expect(c).toEqual({
      ...initialClockState(at("2026-11-27T10:00:00.000Z")),
      nextUpdateDueAt: at("2026-11-27T10:30:00.000Z"),
      firstResponseDueAt: at("2026-11-27T10:15:00.000Z"),
      resolutionDueAt: at("2026-11-27T14:00:00.000Z"),
      resolutionWarnAt: at("2026-11-27T13:00:00.000Z"),
      tierBudgetEndsAt: at("2026-11-27T10:15:00.000Z"),
      tierBudgetWarnAt: at("2026-11-27T10:11:15.000Z"),
    });
  });

  it("books the time since the last change and keeps the due times where they were", () => {
    const c = step(open("2026-11-27T10:00:00.000Z"), "2026-11-27T10:06:00.000Z", { status: "ASSIGNED" });
    expect(c.status).toBe("ASSIGNED");
    expect(c.slaSecondsUsed).toBe(360);
    expect(c.tierSecondsUsed).toEqual({ L1: 360, L2: 0, L3: 0 });
    expect(c.slaClockSince).toEqual(at("2026-11-27T10:06:00.000Z"));
    expect(c.tierClockSince).toEqual(at("2026-11-27T10:06:00.000Z"));
    expect(due(c)).toEqual({
      firstResponse: "2026-11-27T10:15:00.000Z",
      resolution: "2026-11-27T14:00:00.000Z",
      resolutionWarn: "2026-11-27T13:00:00.000Z",
      tierBudget: "2026-11-27T10:15:00.000Z",
      nextUpdate: "2026-11-27T10:30:00.000Z",
    });
  });

  it("does not modify the state it is given", () => {
    const start = open("2026-11-27T10:00:00.000Z");
    const copy = structuredClone(start);
    step(start, "2026-11-27T10:20:00.000Z", { tier: "L2", status: "ASSIGNED" });
    expect(start).toEqual(copy);
  });

  it("books only business time on the business-hours clock", () => {
    // Opened Friday 17:00, next change Monday 09:00: 1 h Friday + 1 h Monday.
    const c = step(open("2026-11-27T17:00:00.000Z", P3), "2026-11-30T09:00:00.000Z", { status: "IN_PROGRESS" }, P3);
    expect(c.slaSecondsUsed).toBe(7200);
    expect(c.tierSecondsUsed.L1).toBe(7200);
    // Response 120 − 120 = 0 left: due now. Resolution 960 − 120 = 840 min = 14 h: Monday 9 h + Tuesday 5 h.
    expect(due(c)).toEqual({
      firstResponse: "2026-11-30T09:00:00.000Z",
      resolution: "2026-12-01T13:00:00.000Z",
      resolutionWarn: "2026-12-01T09:00:00.000Z",
      tierBudget: "2026-11-30T11:00:00.000Z",
      nextUpdate: "2026-11-30T11:00:00.000Z",
    });
  });
});

describe("advanceClocks: pause on PENDING_CUSTOMER and resume", () => {
  it("stops the customer clock and the tier clock and clears every due time", () => {
    const paused = step(open("2026-11-27T10:00:00.000Z"), "2026-11-27T10:10:00.000Z", { status: "PENDING_CUSTOMER" });
    expect(paused).toEqual({
      status: "PENDING_CUSTOMER",
      tier: "L1",
      slaSecondsUsed: 600,
      slaClockSince: null,
      tierSecondsUsed: { L1: 600, L2: 0, L3: 0 },
      tierClockSince: null,
      vendorSecondsUsed: 0,
      vendorClockSince: null,
      firstRespondedAt: null,
      nextUpdateDueAt: null,
      firstResponseDueAt: null,
      resolutionDueAt: null,
      resolutionWarnAt: null,
      tierBudgetEndsAt: null,
      tierBudgetWarnAt: null,
    });
  });

  it("books nothing while paused, however long it lasts", () => {
    const paused = step(open("2026-11-27T10:00:00.000Z"), "2026-11-27T10:10:00.000Z", { status: "PENDING_CUSTOMER" });
    const stillPaused = step(paused, "2026-11-30T10:10:00.000Z", {});
    expect(stillPaused.slaSecondsUsed).toBe(600);
    expect(stillPaused.tierSecondsUsed).toEqual({ L1: 600, L2: 0, L3: 0 });
    expect(due(stillPaused)).toEqual(NO_DUE_TIMES);
  });

  it("on resume (24×7) shifts every due time by exactly the time paused, and restarts the update cadence", () => {
    // Opened 10:00, paused 10:10–12:10 (2 h). Before the pause: response 10:15, resolution 14:00, warning 13:00, L1 budget 10:15.
    const paused = step(open("2026-11-27T10:00:00.000Z"), "2026-11-27T10:10:00.000Z", { status: "PENDING_CUSTOMER" });
    const resumed = step(paused, "2026-11-27T12:10:00.000Z", { status: "IN_PROGRESS" });
    expect(resumed.slaSecondsUsed).toBe(600);
    expect(resumed.tierSecondsUsed).toEqual({ L1: 600, L2: 0, L3: 0 });
    expect(resumed.slaClockSince).toEqual(at("2026-11-27T12:10:00.000Z"));
    expect(resumed.tierClockSince).toEqual(at("2026-11-27T12:10:00.000Z"));
    expect(due(resumed)).toEqual({
      firstResponse: "2026-11-27T12:15:00.000Z",
      resolution: "2026-11-27T16:00:00.000Z",
      resolutionWarn: "2026-11-27T15:00:00.000Z",
      tierBudget: "2026-11-27T12:15:00.000Z",
      // The cadence restarts from the resume: 12:10 + 30 min.
      nextUpdate: "2026-11-27T12:40:00.000Z",
    });
  });

  it("on resume (business hours) after a pause over a weekend shifts due times by the business time paused only", () => {
    // P3 opened Friday 16:00: response Friday 18:00, resolution Tuesday 12:00, warning Monday 18:00, L1 budget Monday 10:00.
    const opened = open("2026-11-27T16:00:00.000Z", P3);
    expect(due(opened)).toEqual({
      firstResponse: "2026-11-27T18:00:00.000Z",
      resolution: "2026-12-01T12:00:00.000Z",
      resolutionWarn: "2026-11-30T18:00:00.000Z",
      tierBudget: "2026-11-30T10:00:00.000Z",
      nextUpdate: "2026-11-30T10:00:00.000Z",
    });
    // Paused Friday 17:00 to Monday 09:00: 64 wall-clock hours, but 2 business hours (Friday 17–18, Monday 08–09).
    const paused = step(opened, "2026-11-27T17:00:00.000Z", { status: "PENDING_CUSTOMER" }, P3);
    expect(paused.slaSecondsUsed).toBe(3600);
    const resumed = step(paused, "2026-11-30T09:00:00.000Z", { status: "IN_PROGRESS" }, P3);
    expect(resumed.slaSecondsUsed).toBe(3600);
    expect(resumed.tierSecondsUsed.L1).toBe(3600);
    expect(due(resumed)).toEqual({
      // Friday 18:00 + 2 business hours.
      firstResponse: "2026-11-30T10:00:00.000Z",
      // Tuesday 12:00 + 2 h.
      resolution: "2026-12-01T14:00:00.000Z",
      // Monday 18:00 + 2 business hours.
      resolutionWarn: "2026-12-01T10:00:00.000Z",
      // Monday 10:00 + 2 h.
      tierBudget: "2026-11-30T12:00:00.000Z",
      // Restarted: Monday 09:00 + 4 h.
      nextUpdate: "2026-11-30T13:00:00.000Z",
    });
  });

  it("a pause that covers no business time leaves the business-hours due times where they were", () => {
    // P3 opened Friday 16:00, paused Friday 18:30 after closing, resumed Monday 07:00 before opening.
    const opened = open("2026-11-27T16:00:00.000Z", P3);
    const resumed = step(step(opened, "2026-11-27T18:30:00.000Z", { status: "PENDING_CUSTOMER" }, P3), "2026-11-30T07:00:00.000Z", { status: "IN_PROGRESS" }, P3);
    expect(resumed.slaSecondsUsed).toBe(7200);
    expect(resumed.resolutionDueAt).toEqual(opened.resolutionDueAt);
    expect(resumed.resolutionWarnAt).toEqual(opened.resolutionWarnAt);
    expect(resumed.tierBudgetEndsAt).toEqual(opened.tierBudgetEndsAt);
  });

  it("a public reply while paused counts as the first response but schedules no update", () => {
    const paused = step(open("2026-11-27T10:00:00.000Z"), "2026-11-27T10:10:00.000Z", { status: "PENDING_CUSTOMER" });
    const replied = step(paused, "2026-11-27T11:00:00.000Z", { customerUpdated: true });
    expect(replied.firstRespondedAt).toEqual(at("2026-11-27T11:00:00.000Z"));
    expect(replied.nextUpdateDueAt).toBeNull();
    expect(replied.slaSecondsUsed).toBe(600);
    const resumed = step(replied, "2026-11-27T12:00:00.000Z", { status: "IN_PROGRESS" });
    expect(resumed.firstResponseDueAt).toBeNull();
    expect(resumed.nextUpdateDueAt).toEqual(at("2026-11-27T12:30:00.000Z"));
    expect(resumed.resolutionDueAt).toEqual(at("2026-11-27T15:50:00.000Z"));
  });
});

describe("advanceClocks: RESOLVED and CLOSED stop the clocks", () => {
  it("resolving books the time used and stops every clock", () => {
    const resolved = step(step(open("2026-11-27T10:00:00.000Z"), "2026-11-27T10:05:00.000Z", { customerUpdated: true }), "2026-11-27T11:00:00.000Z", {
      status: "RESOLVED",
    });
    expect(resolved).toEqual({
      status: "RESOLVED",
      tier: "L1",
      slaSecondsUsed: 3600,
      slaClockSince: null,
      tierSecondsUsed: { L1: 3600, L2: 0, L3: 0 },
      tierClockSince: null,
      vendorSecondsUsed: 0,
      vendorClockSince: null,
      firstRespondedAt: at("2026-11-27T10:05:00.000Z"),
      nextUpdateDueAt: null,
      firstResponseDueAt: null,
      resolutionDueAt: null,
      resolutionWarnAt: null,
      tierBudgetEndsAt: null,
      tierBudgetWarnAt: null,
    });
  });

  it("closing a resolved ticket books nothing more", () => {
    const resolved = step(open("2026-11-27T10:00:00.000Z"), "2026-11-27T11:00:00.000Z", { status: "RESOLVED" });
    const closed = step(resolved, "2026-11-30T11:00:00.000Z", { status: "CLOSED" });
    expect(closed.status).toBe("CLOSED");
    expect(closed.slaSecondsUsed).toBe(3600);
    expect(closed.tierSecondsUsed).toEqual({ L1: 3600, L2: 0, L3: 0 });
    expect([closed.slaClockSince, closed.tierClockSince, closed.vendorClockSince]).toEqual([null, null, null]);
    expect(due(closed)).toEqual(NO_DUE_TIMES);
  });

  it("closing an open ticket directly stops the clocks too", () => {
    const closed = step(open("2026-11-27T10:00:00.000Z"), "2026-11-27T10:30:00.000Z", { status: "CLOSED" });
    expect(closed.slaSecondsUsed).toBe(1800);
    expect(due(closed)).toEqual(NO_DUE_TIMES);
  });

  it("reopening a resolved ticket resumes from the time used", () => {
    const resolved = step(open("2026-11-27T10:00:00.000Z"), "2026-11-27T10:10:00.000Z", { status: "RESOLVED" });
    const reopened = step(resolved, "2026-11-28T09:00:00.000Z", { status: "IN_PROGRESS" });
    expect(due(reopened)).toEqual({
      firstResponse: "2026-11-28T09:05:00.000Z",
      resolution: "2026-11-28T12:50:00.000Z",
      resolutionWarn: "2026-11-28T11:50:00.000Z",
      tierBudget: "2026-11-28T09:05:00.000Z",
      nextUpdate: "2026-11-28T09:30:00.000Z",
    });
  });
});

describe("advanceClocks: the tier ledger across handoffs", () => {
  // P1: L1 budget 15 min, L2 60 min; resolution 240 min.
  const opened = open("2026-11-27T10:00:00.000Z");
  const toL2 = step(opened, "2026-11-27T10:10:00.000Z", { tier: "L2", status: "ASSIGNED" });
  const backToL1 = step(toL2, "2026-11-27T10:40:00.000Z", { tier: "L1", status: "IN_PROGRESS" });
  const toL2Again = step(backToL1, "2026-11-27T10:50:00.000Z", { tier: "L2", status: "ASSIGNED" });

  it("an escalation books the old tier's time and starts the new tier's full budget", () => {
    expect(toL2.tier).toBe("L2");
    expect(toL2.tierSecondsUsed).toEqual({ L1: 600, L2: 0, L3: 0 });
    expect(toL2.tierClockSince).toEqual(at("2026-11-27T10:10:00.000Z"));
    expect(toL2.tierBudgetEndsAt).toEqual(at("2026-11-27T11:10:00.000Z"));
  });

  it("a handoff never resets or loses the customer's time", () => {
    expect(toL2.slaSecondsUsed).toBe(600);
    expect(due(toL2)).toMatchObject({ firstResponse: "2026-11-27T10:15:00.000Z", resolution: "2026-11-27T14:00:00.000Z", resolutionWarn: "2026-11-27T13:00:00.000Z", nextUpdate: "2026-11-27T10:30:00.000Z" });
    expect(backToL1.slaSecondsUsed).toBe(2400);
    expect(backToL1.resolutionDueAt).toEqual(at("2026-11-27T14:00:00.000Z"));
    expect(toL2Again.slaSecondsUsed).toBe(3000);
    expect(toL2Again.resolutionDueAt).toEqual(at("2026-11-27T14:00:00.000Z"));
  });

  it("returning to L1 resumes L1's remaining budget and keeps L2's seconds", () => {
    expect(backToL1.tierSecondsUsed).toEqual({ L1: 600, L2: 1800, L3: 0 });
    // 15 − 10 = 5 minutes left at L1.
    expect(backToL1.tierBudgetEndsAt).toEqual(at("2026-11-27T10:45:00.000Z"));
  });

  it("escalating again resumes L2's remaining budget", () => {
    expect(toL2Again.tierSecondsUsed).toEqual({ L1: 1200, L2: 1800, L3: 0 });
    // 60 − 30 = 30 minutes left at L2.
    expect(toL2Again.tierBudgetEndsAt).toEqual(at("2026-11-27T11:20:00.000Z"));
  });

  it("a tier handed a ticket back after its budget was spent gets no budget end", () => {
    // L1 used 20 min of 15, then L2 hands the ticket back.
    const spent = step(step(opened, "2026-11-27T10:20:00.000Z", { tier: "L2", status: "ASSIGNED" }), "2026-11-27T10:30:00.000Z", { tier: "L1", status: "IN_PROGRESS" });
    expect(spent.tierSecondsUsed).toEqual({ L1: 1200, L2: 600, L3: 0 });
    expect(spent.tierBudgetEndsAt).toBeNull();
    // The customer's clocks still run.
    expect(spent.resolutionDueAt).toEqual(at("2026-11-27T14:00:00.000Z"));
  });

  it("a budget used exactly to the second counts as spent", () => {
    const exact = step(step(opened, "2026-11-27T10:15:00.000Z", { tier: "L2" }), "2026-11-27T10:20:00.000Z", { tier: "L1" });
    expect(exact.tierSecondsUsed.L1).toBe(900);
    expect(exact.tierBudgetEndsAt).toBeNull();
    const oneSecondLeft = step(step(opened, "2026-11-27T10:14:59.000Z", { tier: "L2" }), "2026-11-27T10:20:00.000Z", { tier: "L1" });
    expect(oneSecondLeft.tierSecondsUsed.L1).toBe(899);
    expect(oneSecondLeft.tierBudgetEndsAt).toEqual(at("2026-11-27T10:20:01.000Z"));
  });

  it("a pause at L2 stops L2's budget too", () => {
    const paused = step(toL2, "2026-11-27T10:20:00.000Z", { status: "PENDING_CUSTOMER" });
    expect(paused.tierSecondsUsed).toEqual({ L1: 600, L2: 600, L3: 0 });
    const resumed = step(paused, "2026-11-27T13:00:00.000Z", { status: "IN_PROGRESS" });
    expect(resumed.tierSecondsUsed).toEqual({ L1: 600, L2: 600, L3: 0 });
    // 60 − 10 = 50 minutes left at L2.
    expect(resumed.tierBudgetEndsAt).toEqual(at("2026-11-27T13:50:00.000Z"));
  });

  it("keeps the business-hours ledger across a handoff over the weekend", () => {
    // P3 at L1 from Friday 16:00, to L2 Friday 17:00 (L1: 1 h), back to L1 Monday 10:00 (L2: 1 h Friday + 2 h Monday).
    const l2 = step(open("2026-11-27T16:00:00.000Z", P3), "2026-11-27T17:00:00.000Z", { tier: "L2" }, P3);
    // L2 budget 8 h: 1 h Friday + 7 h Monday.
    expect(l2.tierBudgetEndsAt).toEqual(at("2026-11-30T15:00:00.000Z"));
    const l1 = step(l2, "2026-11-30T10:00:00.000Z", { tier: "L1" }, P3);
    expect(l1.tierSecondsUsed).toEqual({ L1: 3600, L2: 10800, L3: 0 });
    // L1 budget 4 h − 1 h = 3 h from Monday 10:00.
    expect(l1.tierBudgetEndsAt).toEqual(at("2026-11-30T13:00:00.000Z"));
    // Resolution 16 h − 4 h = 12 h from Monday 10:00: Monday 8 h + Tuesday 4 h.
    expect(l1.resolutionDueAt).toEqual(at("2026-12-01T12:00:00.000Z"));
  });
});

describe("advanceClocks: tierBudgetWarnAt at 75 % of the tier budget (due soon)", () => {
  it("is three quarters into the budget left at the tier", () => {
    // P1 L2 budget 60 min from 10:10: warn at 10:55; back at L1 with 5 of 15 min left: warn when 11.25 min are used.
    const toL2 = step(open("2026-11-27T10:00:00.000Z"), "2026-11-27T10:10:00.000Z", { tier: "L2", status: "ASSIGNED" });
    expect(toL2.tierBudgetWarnAt).toEqual(at("2026-11-27T10:55:00.000Z"));
    const backToL1 = step(toL2, "2026-11-27T10:40:00.000Z", { tier: "L1", status: "IN_PROGRESS" });
    expect(backToL1.tierBudgetWarnAt).toEqual(at("2026-11-27T10:41:15.000Z"));
  });

  it("runs on business hours for a business-hours priority", () => {
    // P3 L1 budget 4 h from Friday 16:00: 2 h Friday, 1 h Monday to the warning (3 h).
    expect(open("2026-11-27T16:00:00.000Z", P3).tierBudgetWarnAt).toEqual(at("2026-11-30T09:00:00.000Z"));
  });

  it("is due at once when the budget already ran out, and gone when the budget is waived or at L4", () => {
    const opened = open("2026-11-27T10:00:00.000Z");
    const late = step(opened, "2026-11-27T10:20:00.000Z", { status: "IN_PROGRESS" });
    expect(late.tierBudgetEndsAt).toEqual(at("2026-11-27T10:15:00.000Z"));
    expect(late.tierBudgetWarnAt).toEqual(at("2026-11-27T10:15:00.000Z"));
    const waived = step(step(opened, "2026-11-27T10:20:00.000Z", { tier: "L2" }), "2026-11-27T10:30:00.000Z", { tier: "L1" });
    expect(waived.tierBudgetWarnAt).toBeNull();
    const paused = step(opened, "2026-11-27T10:05:00.000Z", { status: "PENDING_CUSTOMER" });
    expect(paused.tierBudgetWarnAt).toBeNull();
  });
});

describe("advanceClocks: a budget spent just before a pause", () => {
  // P1: the L1 budget of 15 min ends at 10:15; the ticket goes to the customer at 10:16, before any sweep.
  const paused = step(open("2026-11-27T10:00:00.000Z"), "2026-11-27T10:16:00.000Z", { status: "PENDING_CUSTOMER" });

  it("stays on record while the clocks are stopped", () => {
    expect(paused.tierClockSince).toBeNull();
    expect(paused.tierBudgetEndsAt).toEqual(at("2026-11-27T10:15:00.000Z"));
  });

  it("is still due when the customer answers", () => {
    const resumed = step(paused, "2026-11-27T11:00:00.000Z", { status: "IN_PROGRESS" });
    expect(resumed.tierSecondsUsed.L1).toBe(16 * 60);
    expect(resumed.tierBudgetEndsAt).toEqual(at("2026-11-27T10:15:00.000Z"));
  });

  it("is dropped when the ticket is resolved", () => {
    expect(step(paused, "2026-11-27T10:20:00.000Z", { status: "RESOLVED" }).tierBudgetEndsAt).toBeNull();
  });
});

describe("advanceClocks: L4 and the vendor clock", () => {
  // P3 on business hours: L1 Friday 14:00–14:30, L2 14:30–15:00, L3 15:00–16:00, L4 from Friday 16:00 to Monday 09:00.
  const l1 = open("2026-11-27T14:00:00.000Z", P3);
  const l2 = step(l1, "2026-11-27T14:30:00.000Z", { tier: "L2", status: "ASSIGNED" }, P3);
  const l3 = step(l2, "2026-11-27T15:00:00.000Z", { tier: "L3", status: "ASSIGNED" }, P3);
  const l4 = step(l3, "2026-11-27T16:00:00.000Z", { tier: "L4", status: "PENDING_VENDOR" }, P3);
  const back = step(l4, "2026-11-30T09:00:00.000Z", { tier: "L3", status: "IN_PROGRESS" }, P3);

  it("at L4 there is no tier budget and no tier clock, but the ledger is kept", () => {
    expect(l4.tier).toBe("L4");
    expect(l4.tierSecondsUsed).toEqual({ L1: 1800, L2: 1800, L3: 3600 });
    expect(l4.tierClockSince).toBeNull();
    expect(l4.tierBudgetEndsAt).toBeNull();
  });

  it("at L4 the vendor clock starts and the customer clock keeps running", () => {
    expect(l4.vendorClockSince).toEqual(at("2026-11-27T16:00:00.000Z"));
    expect(l4.vendorSecondsUsed).toBe(0);
    expect(l4.slaSecondsUsed).toBe(7200);
    expect(l4.slaClockSince).toEqual(at("2026-11-27T16:00:00.000Z"));
    // Resolution 960 − 120 = 840 min = 14 h: 2 h Friday + 10 h Monday + 2 h Tuesday; warning 600 min: 2 h + 8 h.
    // The first response (120 min) is used up: due at once.
    expect(due(l4)).toEqual({
      firstResponse: "2026-11-27T16:00:00.000Z",
      resolution: "2026-12-01T10:00:00.000Z",
      resolutionWarn: "2026-11-30T16:00:00.000Z",
      tierBudget: null,
      nextUpdate: "2026-11-27T18:00:00.000Z",
    });
  });

  it("the vendor clock runs on wall-clock time, the customer clock on business hours", () => {
    // Friday 16:00 → Monday 09:00: 65 wall-clock hours; 3 business hours (Friday 16–18, Monday 08–09).
    expect(back.vendorSecondsUsed).toBe(65 * 3600);
    expect(back.vendorClockSince).toBeNull();
    expect(back.slaSecondsUsed).toBe(7200 + 3 * 3600);
    // The L3 ledger did not move while L4 worked.
    expect(back.tierSecondsUsed).toEqual({ L1: 1800, L2: 1800, L3: 3600 });
    expect(back.tierClockSince).toEqual(at("2026-11-30T09:00:00.000Z"));
    // L3 budget 960 − 60 = 900 min = 15 h from Monday 09:00: Monday 9 h + Tuesday 6 h.
    expect(back.tierBudgetEndsAt).toEqual(at("2026-12-01T14:00:00.000Z"));
    // The resolution due time is the one computed at L4.
    expect(back.resolutionDueAt).toEqual(at("2026-12-01T10:00:00.000Z"));
  });

  it("the vendor clock keeps running while the customer clock is paused", () => {
    const paused = step(l4, "2026-11-27T17:00:00.000Z", { status: "PENDING_CUSTOMER" }, P3);
    expect(paused.slaClockSince).toBeNull();
    expect(paused.slaSecondsUsed).toBe(10800);
    expect(paused.vendorSecondsUsed).toBe(3600);
    expect(paused.vendorClockSince).toEqual(at("2026-11-27T17:00:00.000Z"));
    const later = step(paused, "2026-11-28T17:00:00.000Z", {}, P3);
    expect(later.vendorSecondsUsed).toBe(3600 + 24 * 3600);
    expect(later.slaSecondsUsed).toBe(10800);
  });

  it("resolving at L4 stops the vendor clock", () => {
    const resolved = step(l4, "2026-11-27T20:00:00.000Z", { status: "RESOLVED" }, P3);
    expect(resolved.vendorSecondsUsed).toBe(4 * 3600);
    expect(resolved.vendorClockSince).toBeNull();
    expect(resolved.slaSecondsUsed).toBe(7200 + 7200);
    expect(due(resolved)).toEqual(NO_DUE_TIMES);
  });

  it("dueTimes gives no tier budget at L4 whatever the ledger holds", () => {
    const state: ClockState = { ...initialClockState(at("2026-11-27T10:00:00.000Z")), tier: "L4", tierClockSince: null, tierSecondsUsed: { L1: 60, L2: 0, L3: 0 } };
    expect(dueTimes(state, P1, oneCalendar(DEFAULT_CALENDAR)).tierBudgetEndsAt).toBeNull();
  });

  it("a second visit to L4 adds to the vendor's time", () => {
    const again = step(step(back, "2026-11-30T10:00:00.000Z", { tier: "L4", status: "PENDING_VENDOR" }, P3), "2026-11-30T10:30:00.000Z", { tier: "L3", status: "IN_PROGRESS" }, P3);
    expect(again.vendorSecondsUsed).toBe(65 * 3600 + 1800);
    expect(again.tierSecondsUsed.L3).toBe(3600 + 3600);
  });
});

describe("advanceClocks: customer updates", () => {
  const opened = open("2026-11-27T10:00:00.000Z");
  const first = step(opened, "2026-11-27T10:05:00.000Z", { customerUpdated: true });
  const second = step(first, "2026-11-27T10:20:00.000Z", { customerUpdated: true });

  it("the first public reply sets firstRespondedAt and clears the first-response due time", () => {
    expect(first.firstRespondedAt).toEqual(at("2026-11-27T10:05:00.000Z"));
    expect(first.firstResponseDueAt).toBeNull();
  });

  it("every public reply restarts the update cadence", () => {
    expect(first.nextUpdateDueAt).toEqual(at("2026-11-27T10:35:00.000Z"));
    expect(second.nextUpdateDueAt).toEqual(at("2026-11-27T10:50:00.000Z"));
  });

  it("later replies keep the first response time", () => {
    expect(second.firstRespondedAt).toEqual(at("2026-11-27T10:05:00.000Z"));
    expect(second.firstResponseDueAt).toBeNull();
  });

  it("other changes keep the update due time", () => {
    const escalated = step(second, "2026-11-27T10:25:00.000Z", { tier: "L2", status: "ASSIGNED" });
    expect(escalated.nextUpdateDueAt).toEqual(at("2026-11-27T10:50:00.000Z"));
    expect(escalated.firstRespondedAt).toEqual(at("2026-11-27T10:05:00.000Z"));
  });

  it("a reply does not change the resolution or budget due times", () => {
    // 5 of L1's 15 minutes used at 10:05.
    expect(first.resolutionDueAt).toEqual(at("2026-11-27T14:00:00.000Z"));
    expect(first.tierBudgetEndsAt).toEqual(at("2026-11-27T10:15:00.000Z"));
    expect(second.resolutionDueAt).toEqual(at("2026-11-27T14:00:00.000Z"));
  });

  it("restarts the cadence on business hours", () => {
    // P3 reply Friday 17:00: update every 4 business hours → 1 h Friday + 3 h Monday.
    const replied = step(open("2026-11-27T16:00:00.000Z", P3), "2026-11-27T17:00:00.000Z", { customerUpdated: true }, P3);
    expect(replied.nextUpdateDueAt).toEqual(at("2026-11-30T11:00:00.000Z"));
  });
});

describe("advanceClocks: resolutionWarnAt at 75 %", () => {
  it("is 75 % of the resolution target from the start", () => {
    const c = open("2026-11-27T10:00:00.000Z", alwaysTarget("P2", { resolutionMinutes: 100 }));
    expect(c.resolutionWarnAt).toEqual(at("2026-11-27T11:15:00.000Z"));
    expect(c.resolutionDueAt).toEqual(at("2026-11-27T11:40:00.000Z"));
  });

  it("keeps fractions of a minute", () => {
    // 75 % of 10 minutes = 7 min 30 s.
    const c = open("2026-11-27T10:00:00.000Z", alwaysTarget("P2", { firstResponseMinutes: 5, resolutionMinutes: 10, updateEveryMinutes: 10, l1BudgetMinutes: 5 }));
    expect(c.resolutionWarnAt).toEqual(at("2026-11-27T10:07:30.000Z"));
  });

  it("subtracts the time already used", () => {
    // P1: 180 min warning; 60 min used → 120 min from 11:00.
    const c = step(open("2026-11-27T10:00:00.000Z"), "2026-11-27T11:00:00.000Z", { tier: "L2" });
    expect(c.resolutionWarnAt).toEqual(at("2026-11-27T13:00:00.000Z"));
  });

  it("is now once more than 75 % is used", () => {
    // P1: 200 min used of 240 → warning due at once, resolution in 40 min.
    const c = step(open("2026-11-27T10:00:00.000Z"), "2026-11-27T13:20:00.000Z", { tier: "L2" });
    expect(c.resolutionWarnAt).toEqual(at("2026-11-27T13:20:00.000Z"));
    expect(c.resolutionDueAt).toEqual(at("2026-11-27T14:00:00.000Z"));
  });

  it("counts business hours on a business-hours target", () => {
    // P3 from Monday 08:00: 720 min = Monday 10 h + Tuesday 2 h.
    expect(open("2026-11-30T08:00:00.000Z", P3).resolutionWarnAt).toEqual(at("2026-12-01T10:00:00.000Z"));
  });
});

describe("advanceClocks: reclassification", () => {
  it("books time on the old target's clock and derives due times on the new one (P3 business hours → P1 24×7)", () => {
    // P3 opened Monday 17:00; reclassified to P1 Tuesday 09:00: 1 h Monday + 1 h Tuesday on business hours.
    const opened = open("2026-11-30T17:00:00.000Z", P3);
    const c = advanceClocks(opened, {}, { now: at("2026-12-01T09:00:00.000Z"), calendars: oneCalendar(DEFAULT_CALENDAR), before: P3, after: P1 });
    expect(c.slaSecondsUsed).toBe(7200);
    expect(c.tierSecondsUsed).toEqual({ L1: 7200, L2: 0, L3: 0 });
    expect(due(c)).toMatchObject({
      // P1 response 15 min, 120 used: due at once.
      firstResponse: "2026-12-01T09:00:00.000Z",
      // 240 − 120 = 120 min on the 24×7 clock.
      resolution: "2026-12-01T11:00:00.000Z",
      // 180 − 120 = 60 min.
      resolutionWarn: "2026-12-01T10:00:00.000Z",
      // L1 budget 15 min, 120 used: spent.
      tierBudget: null,
    });
  });

  it("carries the time used over to a lower priority (P1 24×7 → P3 business hours)", () => {
    // P1 opened Friday 17:00; reclassified to P3 at 17:30 after 30 wall-clock minutes.
    const opened = open("2026-11-27T17:00:00.000Z");
    const c = advanceClocks(opened, {}, { now: at("2026-11-27T17:30:00.000Z"), calendars: oneCalendar(DEFAULT_CALENDAR), before: P1, after: P3 });
    expect(c.slaSecondsUsed).toBe(1800);
    expect(c.tierSecondsUsed.L1).toBe(1800);
    expect(due(c)).toMatchObject({
      // P3 response 120 − 30 = 90 min: 30 min Friday + 60 min Monday.
      firstResponse: "2026-11-30T09:00:00.000Z",
      // 960 − 30 = 930 min = 15.5 h: 0.5 h Friday + 10 h Monday + 5 h Tuesday.
      resolution: "2026-12-01T13:00:00.000Z",
      // 720 − 30 = 690 min = 11.5 h: 0.5 h Friday + 10 h Monday + 1 h Tuesday.
      resolutionWarn: "2026-12-01T09:00:00.000Z",
      // L1 budget 240 − 30 = 210 min: 30 min Friday + 180 min Monday.
      tierBudget: "2026-11-30T11:00:00.000Z",
    });
  });

  it("books the time since the last change on the old target's clock, not the new one", () => {
    // Saturday: 24 h on the P1 (24×7) clock, nothing on the P3 (business hours) clock.
    const opened = open("2026-11-28T00:00:00.000Z");
    const toP3 = advanceClocks(opened, {}, { now: at("2026-11-29T00:00:00.000Z"), calendars: oneCalendar(DEFAULT_CALENDAR), before: P1, after: P3 });
    expect(toP3.slaSecondsUsed).toBe(86_400);
    const fromP3 = advanceClocks(open("2026-11-28T00:00:00.000Z", P3), {}, { now: at("2026-11-29T00:00:00.000Z"), calendars: oneCalendar(DEFAULT_CALENDAR), before: P3, after: P1 });
    expect(fromP3.slaSecondsUsed).toBe(0);
  });

  it("a reclassification to a priority with a shorter update cadence brings the next update forward", () => {
    // P3 opened Monday 17:00: next update Monday 17:00 + 4 business hours = Tuesday 11:00.
    // Reclassified to P1 on Tuesday 09:00: P1 asks for an update every 30 minutes, so the next update is
    // due at the earlier of the one pending and now + 30 min on P1's clock: Tuesday 09:30, not P3's 11:00.
    const opened = open("2026-11-30T17:00:00.000Z", P3);
    expect(opened.nextUpdateDueAt).toEqual(at("2026-12-01T11:00:00.000Z"));
    const c = advanceClocks(opened, {}, { now: at("2026-12-01T09:00:00.000Z"), calendars: oneCalendar(DEFAULT_CALENDAR), before: P3, after: P1 });
    expect(c.nextUpdateDueAt).toEqual(at("2026-12-01T09:30:00.000Z"));
  });

  it("a reclassification to a priority with a longer update cadence keeps the update already due", () => {
    // P1 opened Tuesday 09:00: next update 09:30. Reclassified to P3 at 09:10: the pending 09:30 stays.
    const opened = open("2026-12-01T09:00:00.000Z");
    const c = advanceClocks(opened, {}, { now: at("2026-12-01T09:10:00.000Z"), calendars: oneCalendar(DEFAULT_CALENDAR), before: P1, after: P3 });
    expect(c.nextUpdateDueAt).toEqual(at("2026-12-01T09:30:00.000Z"));
  });
});
