import { describe, expect, it } from "vitest";
import type { OpeningWindow, WindowsCalendar } from "@/lib/calendar/business-hours";
import { weekPreview } from "@/lib/calendar/week-preview";

// 2026-11-23 is a Monday. Europe/Berlin is UTC+1 in November.

const minute = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
/** Windows "HH:MM-HH:MM" on each of `weekdays`. */
const on = (weekdays: number[], ...hours: string[]): OpeningWindow[] =>
  weekdays.flatMap((weekday) => hours.map((h) => ({ weekday, opensAtMinute: minute(h.slice(0, 5)), closesAtMinute: minute(h.slice(6, 11)) })));

const BERLIN: WindowsCalendar = { timeZone: "Europe/Berlin", windows: on([1, 2, 3, 4, 5], "08:00-12:00", "13:00-17:00"), holidays: [] };
const TWO_WINDOWS = [
  { opensAt: "08:00", closesAt: "12:00" },
  { opensAt: "13:00", closesAt: "17:00" },
];

describe("weekPreview", () => {
  it("lists seven days from today with both windows of a two-window day, and weekends closed", () => {
    const week = weekPreview(BERLIN, new Date("2026-11-23T06:00:00Z"));
    expect(week.map((d) => d.date)).toEqual(["2026-11-23", "2026-11-24", "2026-11-25", "2026-11-26", "2026-11-27", "2026-11-28", "2026-11-29"]);
    expect(week.map((d) => d.weekday)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(week[0]).toEqual({ date: "2026-11-23", weekday: 1, open: TWO_WINDOWS, holiday: null });
    expect(week[5]).toEqual({ date: "2026-11-28", weekday: 6, open: [], holiday: null });
    expect(week[6]!.open).toEqual([]);
  });

  it("starts on today in the calendar's time zone, not in UTC", () => {
    // 23:30 UTC on Sunday is already 00:30 on Monday in Berlin.
    expect(weekPreview(BERLIN, new Date("2026-11-22T23:30:00Z"))[0]!.date).toBe("2026-11-23");
    expect(weekPreview({ ...BERLIN, timeZone: "UTC" }, new Date("2026-11-22T23:30:00Z"))[0]!.date).toBe("2026-11-22");
  });

  it("shows each day of a holiday range closed with its name, and single-day holidays too", () => {
    const calendar: WindowsCalendar = {
      ...BERLIN,
      holidays: [
        { from: "2026-11-25", to: "2026-11-26", name: "Team offsite" },
        { from: "2026-11-27", to: "2026-11-27", name: "" },
        { from: "2026-12-24", to: "2026-12-26", name: "Christmas" },
      ],
    };
    const week = weekPreview(calendar, new Date("2026-11-23T12:00:00Z"));
    expect(week.map((d) => d.holiday)).toEqual([null, null, "Team offsite", "Team offsite", "Holiday", null, null]);
    expect(week[2]!.open).toEqual([]);
    expect(week[3]!.open).toEqual([]);
    expect(week[4]!.open).toEqual([]);
    expect(week[1]!.open).toEqual(TWO_WINDOWS);
  });

  it("shows the built-in 24×7 calendar open all day, every day", () => {
    const always: WindowsCalendar = { timeZone: "UTC", windows: on([1, 2, 3, 4, 5, 6, 7], "00:00-24:00"), holidays: [] };
    const week = weekPreview(always, new Date("2026-11-26T15:00:00Z"));
    expect(week).toHaveLength(7);
    expect(week[0]!.date).toBe("2026-11-26");
    for (const day of week) expect(day).toMatchObject({ open: [{ opensAt: "00:00", closesAt: "24:00" }], holiday: null });
  });

  it("joins touching windows and keeps the days asked for", () => {
    const calendar: WindowsCalendar = { timeZone: "UTC", windows: on([2], "12:00-17:00", "08:00-12:00"), holidays: [] };
    const week = weekPreview(calendar, new Date("2026-11-23T00:00:00Z"), 3);
    expect(week.map((d) => d.open)).toEqual([[], [{ opensAt: "08:00", closesAt: "17:00" }], []]);
  });
});
