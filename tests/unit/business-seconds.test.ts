import { describe, expect, it } from "vitest";
import { addBusinessMinutes, businessSecondsBetween, type CalendarData, type DailyHoursCalendar } from "@/lib/calendar/business-hours";
import { DEFAULT_CALENDAR } from "@/lib/routing/defaults";
import { clockSecondsBetween } from "@/lib/routing/sla";

// 2026-11-23 Mon … 27 Fri, 28 Sat, 29 Sun, 30 Mon, 12-01 Tue. 2026-12-23 Wed, 24 Thu, 25 Fri, 26 Sat, 28 Mon.
// Europe/Berlin: summer time starts Sun 2026-03-29 01:00Z (02:00 CET → 03:00 CEST), ends Sun 2026-10-25 01:00Z.
// DEFAULT_CALENDAR: UTC, Monday to Friday 08:00–18:00.

const H = 3600;

/** businessSecondsBetween with ISO strings. */
function between(startIso: string, endIso: string, calendar: CalendarData = DEFAULT_CALENDAR): number {
  return businessSecondsBetween(new Date(startIso), new Date(endIso), calendar);
}

const berlin: CalendarData = { ...DEFAULT_CALENDAR, timeZone: "Europe/Berlin" };
const berlinAllDay: DailyHoursCalendar = { timeZone: "Europe/Berlin", workdays: [1, 2, 3, 4, 5, 6, 7], opensAtMinute: 0, closesAtMinute: 24 * 60, holidays: [] };

describe("businessSecondsBetween on the default calendar", () => {
  it("counts the plain time between two instants of one business day", () => {
    expect(between("2026-11-23T09:15:00.000Z", "2026-11-23T11:20:00.000Z")).toBe(2 * H + 5 * 60);
    expect(between("2026-11-23T08:00:00.000Z", "2026-11-23T18:00:00.000Z")).toBe(10 * H);
  });

  it("counts nothing before opening or after closing on the same day", () => {
    expect(between("2026-11-23T06:00:00.000Z", "2026-11-23T08:30:00.000Z")).toBe(30 * 60);
    expect(between("2026-11-23T17:30:00.000Z", "2026-11-23T19:00:00.000Z")).toBe(30 * 60);
    expect(between("2026-11-23T00:00:00.000Z", "2026-11-23T07:59:59.000Z")).toBe(0);
    expect(between("2026-11-23T18:00:00.000Z", "2026-11-23T23:59:59.000Z")).toBe(0);
  });

  it("skips the night", () => {
    // Monday 17:00 → Tuesday 09:00: 1 h Monday + 1 h Tuesday.
    expect(between("2026-11-23T17:00:00.000Z", "2026-11-24T09:00:00.000Z")).toBe(2 * H);
    // A whole night from closing to opening counts nothing.
    expect(between("2026-11-23T18:00:00.000Z", "2026-11-24T08:00:00.000Z")).toBe(0);
  });

  it("skips the weekend", () => {
    // Friday 17:00 → Monday 09:00: 1 h Friday + 1 h Monday.
    expect(between("2026-11-27T17:00:00.000Z", "2026-11-30T09:00:00.000Z")).toBe(2 * H);
    expect(between("2026-11-28T10:00:00.000Z", "2026-11-29T20:00:00.000Z")).toBe(0);
    // Saturday noon → Monday 08:30.
    expect(between("2026-11-28T12:00:00.000Z", "2026-11-30T08:30:00.000Z")).toBe(30 * 60);
  });

  it("counts a whole week as five days of ten hours", () => {
    expect(between("2026-11-23T00:00:00.000Z", "2026-11-30T00:00:00.000Z")).toBe(50 * H);
    // Monday 08:00 → the Wednesday after next at 18:00: eight business days.
    expect(between("2026-11-23T08:00:00.000Z", "2026-12-02T18:00:00.000Z")).toBe(80 * H);
  });

  it("counts whole seconds, rounding down", () => {
    expect(between("2026-11-23T10:00:00.000Z", "2026-11-23T10:00:59.999Z")).toBe(59);
    expect(between("2026-11-23T10:00:00.400Z", "2026-11-23T10:00:01.000Z")).toBe(0);
  });

  it("is 0 when the end is not after the start", () => {
    expect(between("2026-11-23T10:00:00.000Z", "2026-11-23T10:00:00.000Z")).toBe(0);
    expect(between("2026-11-23T11:00:00.000Z", "2026-11-23T10:00:00.000Z")).toBe(0);
    expect(between("2026-11-30T09:00:00.000Z", "2026-11-23T09:00:00.000Z")).toBe(0);
  });

  it("undoes addBusinessMinutes", () => {
    for (const [startIso, minutes] of [
      ["2026-11-27T16:00:00.000Z", 960],
      ["2026-11-28T12:00:00.000Z", 240],
      ["2026-11-23T17:59:00.000Z", 2],
      ["2026-11-23T08:00:00.000Z", 4800],
    ] as const) {
      const start = new Date(startIso);
      expect(businessSecondsBetween(start, addBusinessMinutes(start, minutes, DEFAULT_CALENDAR), DEFAULT_CALENDAR)).toBe(minutes * 60);
    }
  });
});

describe("businessSecondsBetween with holidays", () => {
  const christmas: CalendarData = { ...DEFAULT_CALENDAR, holidays: ["2026-12-24", "2026-12-25"] };

  it("skips holidays on workdays", () => {
    // Wednesday 17:00 → Monday 09:00: 1 h Wednesday, Thursday and Friday are holidays, 1 h Monday.
    expect(between("2026-12-23T17:00:00.000Z", "2026-12-28T09:00:00.000Z", christmas)).toBe(2 * H);
    // Without the holidays: 1 + 10 + 10 + 1 hours.
    expect(between("2026-12-23T17:00:00.000Z", "2026-12-28T09:00:00.000Z")).toBe(22 * H);
  });

  it("counts nothing within a holiday", () => {
    expect(between("2026-12-24T09:00:00.000Z", "2026-12-24T17:00:00.000Z", christmas)).toBe(0);
  });

  it("ignores a holiday on a weekend", () => {
    const saturdayHoliday: CalendarData = { ...DEFAULT_CALENDAR, holidays: ["2026-11-28"] };
    expect(between("2026-11-27T17:00:00.000Z", "2026-11-30T09:00:00.000Z", saturdayHoliday)).toBe(2 * H);
  });

  it("matches holidays against the calendar's local date", () => {
    // Europe/Berlin, Thursday 2026-12-24 a holiday: 08:00–18:00 local = 07:00Z–17:00Z.
    const berlinChristmasEve: CalendarData = { ...berlin, holidays: ["2026-12-24"] };
    // Wednesday 16:00Z (17:00 local) → Friday 08:00Z (09:00 local): 1 h Wednesday + 1 h Friday.
    expect(between("2026-12-23T16:00:00.000Z", "2026-12-25T08:00:00.000Z", berlinChristmasEve)).toBe(2 * H);
    expect(between("2026-12-23T16:00:00.000Z", "2026-12-25T08:00:00.000Z", berlin)).toBe(12 * H);
  });
});

describe("businessSecondsBetween outside UTC", () => {
  it("uses Europe/Berlin's opening hours (UTC+1 in winter)", () => {
    // 08:00–18:00 local = 07:00Z–17:00Z.
    expect(between("2026-11-23T06:00:00.000Z", "2026-11-23T18:00:00.000Z", berlin)).toBe(10 * H);
    expect(between("2026-11-23T16:30:00.000Z", "2026-11-24T07:30:00.000Z", berlin)).toBe(H);
  });

  it("skips the spring-forward weekend with the right offsets on both sides", () => {
    // Friday 2026-03-27 16:00Z = 17:00 CET → Monday 2026-03-30 07:00Z = 09:00 CEST: 1 h + 1 h.
    expect(between("2026-03-27T16:00:00.000Z", "2026-03-30T07:00:00.000Z", berlin)).toBe(2 * H);
  });

  it("skips the fall-back weekend with the right offsets on both sides", () => {
    // Friday 2026-10-23 15:00Z = 17:00 CEST → Monday 2026-10-26 08:00Z = 09:00 CET: 1 h + 1 h.
    expect(between("2026-10-23T15:00:00.000Z", "2026-10-26T08:00:00.000Z", berlin)).toBe(2 * H);
  });

  it("counts the real length of the days of the change: 23 h in spring, 25 h in autumn", () => {
    // Sunday 2026-03-29 00:00 CET = Saturday 23:00Z → Monday 00:00 CEST = Sunday 22:00Z.
    expect(between("2026-03-28T23:00:00.000Z", "2026-03-29T22:00:00.000Z", berlinAllDay)).toBe(23 * H);
    // Sunday 2026-10-25 00:00 CEST = Saturday 22:00Z → Monday 00:00 CET = Sunday 23:00Z.
    expect(between("2026-10-24T22:00:00.000Z", "2026-10-25T23:00:00.000Z", berlinAllDay)).toBe(25 * H);
  });

  it("counts opening hours that span the change by their real length", () => {
    // 01:00–04:00 local on 2026-03-29: 01:00 CET = 00:00Z, 04:00 CEST = 02:00Z → 2 h.
    const night: CalendarData = { ...berlinAllDay, opensAtMinute: 60, closesAtMinute: 240 };
    expect(between("2026-03-28T12:00:00.000Z", "2026-03-29T12:00:00.000Z", night)).toBe(2 * H);
    // 01:00–04:00 local on 2026-10-25: 01:00 CEST = 2026-10-24 23:00Z, 04:00 CET = 03:00Z → 4 h.
    expect(between("2026-10-24T12:00:00.000Z", "2026-10-25T12:00:00.000Z", night)).toBe(4 * H);
  });
});

describe("businessSecondsBetween with an invalid calendar", () => {
  it("throws, even when the end is not after the start", () => {
    const broken: CalendarData = { ...DEFAULT_CALENDAR, workdays: [] };
    expect(() => between("2026-11-23T10:00:00.000Z", "2026-11-23T11:00:00.000Z", broken)).toThrow("Invalid support calendar: no workdays");
    expect(() => between("2026-11-23T11:00:00.000Z", "2026-11-23T10:00:00.000Z", broken)).toThrow("Invalid support calendar: no workdays");
  });
});

describe("clockSecondsBetween", () => {
  const friday = new Date("2026-11-27T17:00:00.000Z");
  const monday = new Date("2026-11-30T09:00:00.000Z");

  it("counts wall-clock seconds on the ALWAYS clock, nights and weekends included", () => {
    expect(clockSecondsBetween(friday, monday, "ALWAYS", DEFAULT_CALENDAR)).toBe(64 * H);
  });

  it("counts business seconds on the BUSINESS_HOURS clock", () => {
    expect(clockSecondsBetween(friday, monday, "BUSINESS_HOURS", DEFAULT_CALENDAR)).toBe(2 * H);
  });

  it("is 0 on both clocks when the end is before the start", () => {
    expect(clockSecondsBetween(monday, friday, "ALWAYS", DEFAULT_CALENDAR)).toBe(0);
    expect(clockSecondsBetween(monday, friday, "BUSINESS_HOURS", DEFAULT_CALENDAR)).toBe(0);
  });

  it("rounds down to whole seconds on the ALWAYS clock", () => {
    expect(clockSecondsBetween(friday, new Date(friday.getTime() + 1_999), "ALWAYS", DEFAULT_CALENDAR)).toBe(1);
  });

  it("ignores the calendar on the ALWAYS clock, but not on the BUSINESS_HOURS clock", () => {
    const broken: CalendarData = { ...DEFAULT_CALENDAR, timeZone: "Mars/Olympus_Mons" };
    expect(clockSecondsBetween(friday, monday, "ALWAYS", broken)).toBe(64 * H);
    expect(() => clockSecondsBetween(friday, monday, "BUSINESS_HOURS", broken)).toThrow("Invalid support calendar: unknown time zone Mars/Olympus_Mons");
  });
});
