import { describe, expect, it } from "vitest";
import type { Priority, Tier } from "@/lib/db/generated/enums";
import type { CalendarData } from "@/lib/calendar/business-hours";
import { advanceClocks, dueTimes, initialClockState, type ClockState, oneCalendar } from "@/lib/routing/clocks";
import { DEFAULT_CALENDAR, DEFAULT_SLA_TARGETS } from "@/lib/routing/defaults";
import { addClockMinutes, findTarget, tierBudgetMinutes } from "@/lib/routing/sla";

// 2026-11-27 is a Friday; 2026-11-30 a Monday.

const iso = (date: Date | null) => date?.toISOString() ?? null;

const target = (priority: Priority) => findTarget(DEFAULT_SLA_TARGETS, priority);
const brokenCalendar: CalendarData = { ...DEFAULT_CALENDAR, timeZone: "Mars/Olympus_Mons" };

describe("DEFAULT_SLA_TARGETS", () => {
  it("has one target per priority with the documented minutes and clocks", () => {
    expect(DEFAULT_SLA_TARGETS.map((t) => [t.priority, t.firstResponseMinutes, t.resolutionMinutes, t.updateEveryMinutes, t.clock])).toEqual([
      ["P1", 15, 240, 30, "ALWAYS"],
      ["P2", 30, 480, 60, "ALWAYS"],
      ["P3", 120, 960, 240, "BUSINESS_HOURS"],
      ["P4", 480, 2400, 480, "BUSINESS_HOURS"],
      ["P5", 960, 4800, 960, "BUSINESS_HOURS"],
    ]);
  });
});

describe("addClockMinutes", () => {
  it("adds wall-clock minutes on the ALWAYS clock, nights and weekends included", () => {
    const friday = new Date("2026-11-27T17:00:00.000Z");
    expect(addClockMinutes(friday, 120, "ALWAYS", DEFAULT_CALENDAR).toISOString()).toBe("2026-11-27T19:00:00.000Z");
    expect(addClockMinutes(new Date("2026-11-28T23:50:00.000Z"), 15, "ALWAYS", DEFAULT_CALENDAR).toISOString()).toBe(
      "2026-11-29T00:05:00.000Z",
    );
    expect(addClockMinutes(friday, 0, "ALWAYS", DEFAULT_CALENDAR).toISOString()).toBe("2026-11-27T17:00:00.000Z");
  });

  it("adds business minutes on the BUSINESS_HOURS clock", () => {
    // Friday 17:00 + 120: 60 min Friday, 60 min Monday.
    const friday = new Date("2026-11-27T17:00:00.000Z");
    expect(addClockMinutes(friday, 120, "BUSINESS_HOURS", DEFAULT_CALENDAR).toISOString()).toBe("2026-11-30T09:00:00.000Z");
    expect(addClockMinutes(new Date("2026-11-28T23:50:00.000Z"), 15, "BUSINESS_HOURS", DEFAULT_CALENDAR).toISOString()).toBe(
      "2026-11-30T08:15:00.000Z",
    );
  });

  it("ignores the calendar on the ALWAYS clock, but not on the BUSINESS_HOURS clock", () => {
    const start = new Date("2026-11-27T17:00:00.000Z");
    expect(addClockMinutes(start, 60, "ALWAYS", brokenCalendar).toISOString()).toBe("2026-11-27T18:00:00.000Z");
    expect(() => addClockMinutes(start, 60, "BUSINESS_HOURS", brokenCalendar)).toThrow(/Invalid support calendar/);
  });
});

describe("tierBudgetMinutes", () => {
  it("returns each tier's budget and null at L4", () => {
    const p3 = target("P3");
    expect(tierBudgetMinutes(p3, "L1")).toBe(240);
    expect(tierBudgetMinutes(p3, "L2")).toBe(480);
    expect(tierBudgetMinutes(p3, "L3")).toBe(960);
    expect(tierBudgetMinutes(p3, "L4")).toBeNull();
  });

  it("reads the budgets of the target it is given", () => {
    const p1 = target("P1");
    expect([tierBudgetMinutes(p1, "L1"), tierBudgetMinutes(p1, "L2"), tierBudgetMinutes(p1, "L3"), tierBudgetMinutes(p1, "L4")]).toEqual([
      15,
      60,
      120,
      null,
    ]);
    const p5 = target("P5");
    expect([tierBudgetMinutes(p5, "L1"), tierBudgetMinutes(p5, "L2"), tierBudgetMinutes(p5, "L3")]).toEqual([960, 1440, 2400]);
  });
});

describe("dueTimes on an initialClockState", () => {
  /**
   * The due times of a ticket whose clocks start at `startIso` at `tier`: first response, resolution, its
   * 75 % warning and the tier budget from `dueTimes`; the first update from `advanceClocks` at the same
   * instant (it starts the update cadence, which `dueTimes` only passes through).
   */
  function startAt(startIso: string, priority: Priority, tier: Tier, calendar: CalendarData = DEFAULT_CALENDAR) {
    const now = new Date(startIso);
    const state: ClockState = { ...initialClockState(now), tier };
    const due = dueTimes(state, target(priority), oneCalendar(calendar));
    const started = advanceClocks(state, {}, { now, calendars: oneCalendar(calendar), before: target(priority), after: target(priority) });
    // Booking no time and starting the cadence changes none of the other due times.
    expect({ ...started, nextUpdateDueAt: null }).toMatchObject(due);
    return {
      firstResponseAt: iso(due.firstResponseDueAt),
      resolutionAt: iso(due.resolutionDueAt),
      resolutionWarnAt: iso(due.resolutionWarnAt),
      nextUpdateAt: iso(started.nextUpdateDueAt),
      tierBudgetEndsAt: iso(due.tierBudgetEndsAt),
    };
  }

  it("passes the state's next update through: a fresh state has none", () => {
    const now = new Date("2026-11-27T10:00:00.000Z");
    expect(dueTimes(initialClockState(now), target("P1"), oneCalendar(DEFAULT_CALENDAR)).nextUpdateDueAt).toBeNull();
    const withUpdate = { ...initialClockState(now), nextUpdateDueAt: new Date("2026-11-27T10:07:00.000Z") };
    expect(dueTimes(withUpdate, target("P1"), oneCalendar(DEFAULT_CALENDAR)).nextUpdateDueAt?.toISOString()).toBe("2026-11-27T10:07:00.000Z");
  });

  it("P1 on the 24×7 clock: response +15 min, resolution +4 h (warning +3 h), update +30 min, L1 budget +15 min", () => {
    expect(startAt("2026-11-27T10:00:00.000Z", "P1", "L1")).toEqual({
      firstResponseAt: "2026-11-27T10:15:00.000Z",
      resolutionAt: "2026-11-27T14:00:00.000Z",
      resolutionWarnAt: "2026-11-27T13:00:00.000Z",
      nextUpdateAt: "2026-11-27T10:30:00.000Z",
      tierBudgetEndsAt: "2026-11-27T10:15:00.000Z",
    });
  });

  it("P1 keeps counting through the night and the weekend", () => {
    expect(startAt("2026-11-28T23:50:00.000Z", "P1", "L3")).toEqual({
      firstResponseAt: "2026-11-29T00:05:00.000Z",
      resolutionAt: "2026-11-29T03:50:00.000Z",
      resolutionWarnAt: "2026-11-29T02:50:00.000Z",
      nextUpdateAt: "2026-11-29T00:20:00.000Z",
      tierBudgetEndsAt: "2026-11-29T01:50:00.000Z",
    });
  });

  it("P2 at L2 uses the L2 budget", () => {
    expect(startAt("2026-11-27T22:00:00.000Z", "P2", "L2")).toEqual({
      firstResponseAt: "2026-11-27T22:30:00.000Z",
      resolutionAt: "2026-11-28T06:00:00.000Z",
      resolutionWarnAt: "2026-11-28T04:00:00.000Z",
      nextUpdateAt: "2026-11-27T23:00:00.000Z",
      tierBudgetEndsAt: "2026-11-28T00:00:00.000Z",
    });
  });

  it("has no tier budget at L4", () => {
    const due = startAt("2026-11-27T10:00:00.000Z", "P1", "L4");
    expect(due.tierBudgetEndsAt).toBeNull();
    expect(due.resolutionAt).toBe("2026-11-27T14:00:00.000Z");
  });

  it("a P3 created Friday 16:00 UTC rolls into Monday and Tuesday on business hours", () => {
    // first response 2 h: exactly Friday 18:00 (closing time, not Monday).
    // resolution 16 h: 2 h Friday + 10 h Monday + 4 h Tuesday → Tuesday 12:00; warning 12 h: 2 h + 10 h → Monday 18:00.
    // update 4 h and L1 budget 4 h: 2 h Friday + 2 h Monday → Monday 10:00.
    expect(startAt("2026-11-27T16:00:00.000Z", "P3", "L1")).toEqual({
      firstResponseAt: "2026-11-27T18:00:00.000Z",
      resolutionAt: "2026-12-01T12:00:00.000Z",
      resolutionWarnAt: "2026-11-30T18:00:00.000Z",
      nextUpdateAt: "2026-11-30T10:00:00.000Z",
      tierBudgetEndsAt: "2026-11-30T10:00:00.000Z",
    });
    // L2 budget 8 h: 2 h Friday + 6 h Monday. L3 budget 16 h: same as resolution.
    expect(startAt("2026-11-27T16:00:00.000Z", "P3", "L2").tierBudgetEndsAt).toBe("2026-11-30T14:00:00.000Z");
    expect(startAt("2026-11-27T16:00:00.000Z", "P3", "L3").tierBudgetEndsAt).toBe("2026-12-01T12:00:00.000Z");
    expect(startAt("2026-11-27T16:00:00.000Z", "P3", "L4").tierBudgetEndsAt).toBeNull();
  });

  it("a P3 created on Saturday starts its clocks on Monday at opening", () => {
    expect(startAt("2026-11-28T12:00:00.000Z", "P3", "L1")).toEqual({
      firstResponseAt: "2026-11-30T10:00:00.000Z",
      resolutionAt: "2026-12-01T14:00:00.000Z",
      resolutionWarnAt: "2026-12-01T10:00:00.000Z",
      nextUpdateAt: "2026-11-30T12:00:00.000Z",
      tierBudgetEndsAt: "2026-11-30T12:00:00.000Z",
    });
  });

  it("P4 and P5 spread over the working week", () => {
    // P4 from Friday 16:00: response 8 h → Monday 14:00; resolution 40 h: 2 + 10 + 10 + 10 + 8 → Thursday 16:00.
    const p4 = startAt("2026-11-27T16:00:00.000Z", "P4", "L1");
    expect(p4.firstResponseAt).toBe("2026-11-30T14:00:00.000Z");
    expect(p4.resolutionAt).toBe("2026-12-03T16:00:00.000Z");
    // P5 from Monday 08:00: resolution 80 h = eight full days → the next Wednesday at closing.
    const p5 = startAt("2026-11-23T08:00:00.000Z", "P5", "L1");
    expect(p5.resolutionAt).toBe("2026-12-02T18:00:00.000Z");
    // 16 h: Monday 10 h + Tuesday 6 h.
    expect(p5.firstResponseAt).toBe("2026-11-24T14:00:00.000Z");
  });

  it("uses the calendar it is given", () => {
    const holidayMonday: CalendarData = { ...DEFAULT_CALENDAR, holidays: ["2026-11-30"] };
    const due = startAt("2026-11-27T16:00:00.000Z", "P3", "L1", holidayMonday);
    // 2 h Friday, Monday is a holiday, 2 h Tuesday.
    expect(due.nextUpdateAt).toBe("2026-12-01T10:00:00.000Z");
    expect(due.tierBudgetEndsAt).toBe("2026-12-01T10:00:00.000Z");
    // 16 h: 2 h Friday + 10 h Tuesday + 4 h Wednesday.
    expect(due.resolutionAt).toBe("2026-12-02T12:00:00.000Z");
  });
});

describe("findTarget", () => {
  it("finds the target for a priority", () => {
    expect(findTarget(DEFAULT_SLA_TARGETS, "P2")).toMatchObject({ priority: "P2", firstResponseMinutes: 30, resolutionMinutes: 480 });
    expect(findTarget(DEFAULT_SLA_TARGETS, "P5").priority).toBe("P5");
  });

  it("throws for a priority without a target", () => {
    const withoutP4 = DEFAULT_SLA_TARGETS.filter((t) => t.priority !== "P4");
    expect(() => findTarget(withoutP4, "P4")).toThrow("The matrix version has no SLA target for P4.");
    expect(() => findTarget([], "P1")).toThrow("The matrix version has no SLA target for P1.");
  });
});
