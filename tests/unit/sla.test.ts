import { describe, expect, it } from "vitest";
import type { Priority } from "@/lib/db/generated/enums";
import type { CalendarData } from "@/lib/routing/business-hours";
import { DEFAULT_CALENDAR, DEFAULT_SLA_TARGETS } from "@/lib/routing/defaults";
import { addClockMinutes, dueTimesFrom, findTarget, tierBudgetMinutes, type DueTimes } from "@/lib/routing/sla";

// 2026-11-27 is a Friday; 2026-11-30 a Monday.

const iso = (due: DueTimes) => ({
  firstResponseAt: due.firstResponseAt.toISOString(),
  resolutionAt: due.resolutionAt.toISOString(),
  nextUpdateAt: due.nextUpdateAt.toISOString(),
  tierBudgetEndsAt: due.tierBudgetEndsAt?.toISOString() ?? null,
});

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

describe("dueTimesFrom", () => {
  it("P1 on the 24×7 clock: response +15 min, resolution +4 h, update +30 min, L1 budget +15 min", () => {
    const due = dueTimesFrom(new Date("2026-11-27T10:00:00.000Z"), target("P1"), DEFAULT_CALENDAR, "L1");
    expect(iso(due)).toEqual({
      firstResponseAt: "2026-11-27T10:15:00.000Z",
      resolutionAt: "2026-11-27T14:00:00.000Z",
      nextUpdateAt: "2026-11-27T10:30:00.000Z",
      tierBudgetEndsAt: "2026-11-27T10:15:00.000Z",
    });
  });

  it("P1 keeps counting through the night and the weekend", () => {
    const due = dueTimesFrom(new Date("2026-11-28T23:50:00.000Z"), target("P1"), DEFAULT_CALENDAR, "L3");
    expect(iso(due)).toEqual({
      firstResponseAt: "2026-11-29T00:05:00.000Z",
      resolutionAt: "2026-11-29T03:50:00.000Z",
      nextUpdateAt: "2026-11-29T00:20:00.000Z",
      tierBudgetEndsAt: "2026-11-29T01:50:00.000Z",
    });
  });

  it("P2 at L2 uses the L2 budget", () => {
    const due = dueTimesFrom(new Date("2026-11-27T22:00:00.000Z"), target("P2"), DEFAULT_CALENDAR, "L2");
    expect(iso(due)).toEqual({
      firstResponseAt: "2026-11-27T22:30:00.000Z",
      resolutionAt: "2026-11-28T06:00:00.000Z",
      nextUpdateAt: "2026-11-27T23:00:00.000Z",
      tierBudgetEndsAt: "2026-11-28T00:00:00.000Z",
    });
  });

  it("has no tier budget at L4", () => {
    const due = dueTimesFrom(new Date("2026-11-27T10:00:00.000Z"), target("P1"), DEFAULT_CALENDAR, "L4");
    expect(due.tierBudgetEndsAt).toBeNull();
    expect(due.resolutionAt.toISOString()).toBe("2026-11-27T14:00:00.000Z");
  });

  it("a P3 created Friday 16:00 UTC rolls into Monday and Tuesday on business hours", () => {
    const friday = new Date("2026-11-27T16:00:00.000Z");
    // first response 2 h: exactly Friday 18:00 (closing time, not Monday).
    // resolution 16 h: 2 h Friday + 10 h Monday + 4 h Tuesday → Tuesday 12:00.
    // update 4 h and L1 budget 4 h: 2 h Friday + 2 h Monday → Monday 10:00.
    expect(iso(dueTimesFrom(friday, target("P3"), DEFAULT_CALENDAR, "L1"))).toEqual({
      firstResponseAt: "2026-11-27T18:00:00.000Z",
      resolutionAt: "2026-12-01T12:00:00.000Z",
      nextUpdateAt: "2026-11-30T10:00:00.000Z",
      tierBudgetEndsAt: "2026-11-30T10:00:00.000Z",
    });
    // L2 budget 8 h: 2 h Friday + 6 h Monday. L3 budget 16 h: same as resolution.
    expect(dueTimesFrom(friday, target("P3"), DEFAULT_CALENDAR, "L2").tierBudgetEndsAt?.toISOString()).toBe(
      "2026-11-30T14:00:00.000Z",
    );
    expect(dueTimesFrom(friday, target("P3"), DEFAULT_CALENDAR, "L3").tierBudgetEndsAt?.toISOString()).toBe(
      "2026-12-01T12:00:00.000Z",
    );
    expect(dueTimesFrom(friday, target("P3"), DEFAULT_CALENDAR, "L4").tierBudgetEndsAt).toBeNull();
  });

  it("a P3 created on Saturday starts its clocks on Monday at opening", () => {
    expect(iso(dueTimesFrom(new Date("2026-11-28T12:00:00.000Z"), target("P3"), DEFAULT_CALENDAR, "L1"))).toEqual({
      firstResponseAt: "2026-11-30T10:00:00.000Z",
      resolutionAt: "2026-12-01T14:00:00.000Z",
      nextUpdateAt: "2026-11-30T12:00:00.000Z",
      tierBudgetEndsAt: "2026-11-30T12:00:00.000Z",
    });
  });

  it("P4 and P5 spread over the working week", () => {
    // P4 from Friday 16:00: response 8 h → Monday 14:00; resolution 40 h: 2 + 10 + 10 + 10 + 8 → Thursday 16:00.
    const p4 = dueTimesFrom(new Date("2026-11-27T16:00:00.000Z"), target("P4"), DEFAULT_CALENDAR, "L1");
    expect(p4.firstResponseAt.toISOString()).toBe("2026-11-30T14:00:00.000Z");
    expect(p4.resolutionAt.toISOString()).toBe("2026-12-03T16:00:00.000Z");
    // P5 from Monday 08:00: resolution 80 h = eight full days → the next Wednesday at closing.
    const p5 = dueTimesFrom(new Date("2026-11-23T08:00:00.000Z"), target("P5"), DEFAULT_CALENDAR, "L1");
    expect(p5.resolutionAt.toISOString()).toBe("2026-12-02T18:00:00.000Z");
    // 16 h: Monday 10 h + Tuesday 6 h.
    expect(p5.firstResponseAt.toISOString()).toBe("2026-11-24T14:00:00.000Z");
  });

  it("uses the calendar it is given", () => {
    const holidayMonday: CalendarData = { ...DEFAULT_CALENDAR, holidays: ["2026-11-30"] };
    const due = dueTimesFrom(new Date("2026-11-27T16:00:00.000Z"), target("P3"), holidayMonday, "L1");
    // 2 h Friday, Monday is a holiday, 2 h Tuesday.
    expect(due.nextUpdateAt.toISOString()).toBe("2026-12-01T10:00:00.000Z");
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
