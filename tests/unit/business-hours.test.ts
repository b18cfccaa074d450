import { describe, expect, it } from "vitest";
import {
  addBusinessMinutes,
  isoDate,
  localDateOf,
  localTimeToInstant,
  validateCalendar,
  type CalendarData,
  type DailyHoursCalendar,
} from "@/lib/calendar/business-hours";
import { DEFAULT_CALENDAR } from "@/lib/routing/defaults";

// Weekdays used below (checked by hand against a 2026 calendar; 2026-01-01 is a Thursday):
//   2026-11-23 Mon … 2026-11-27 Fri, 28 Sat, 29 Sun, 30 Mon, 2026-12-01 Tue.
//   2026-12-24 Thu, 25 Fri, 28 Mon.
//   Europe/Berlin: summer time starts Sun 2026-03-29 01:00Z (02:00 CET → 03:00 CEST),
//                  ends Sun 2026-10-25 01:00Z (03:00 CEST → 02:00 CET).
//   America/New_York: summer time starts Sun 2026-03-08 07:00Z, ends Sun 2026-11-01 06:00Z.

/** addBusinessMinutes with ISO strings in and out, for readable failures. */
function add(startIso: string, minutes: number, calendar: CalendarData = DEFAULT_CALENDAR): string {
  return addBusinessMinutes(new Date(startIso), minutes, calendar).toISOString();
}

const berlin: DailyHoursCalendar = { ...DEFAULT_CALENDAR, timeZone: "Europe/Berlin" };
const newYork: DailyHoursCalendar = { ...DEFAULT_CALENDAR, timeZone: "America/New_York" };
const tokyo: DailyHoursCalendar = { ...DEFAULT_CALENDAR, timeZone: "Asia/Tokyo" };
const everyDay = [1, 2, 3, 4, 5, 6, 7];

describe("DEFAULT_CALENDAR", () => {
  it("is Monday to Friday, 08:00–18:00 UTC, without holidays", () => {
    expect(DEFAULT_CALENDAR).toEqual({
      timeZone: "UTC",
      workdays: [1, 2, 3, 4, 5],
      opensAtMinute: 480,
      closesAtMinute: 1080,
      holidays: [],
    });
  });
});

describe("addBusinessMinutes on the default calendar (UTC, Mon–Fri 08:00–18:00)", () => {
  it("adds plain minutes during opening hours", () => {
    expect(add("2026-11-23T10:00:00.000Z", 30)).toBe("2026-11-23T10:30:00.000Z");
    expect(add("2026-11-24T09:15:00.000Z", 125)).toBe("2026-11-24T11:20:00.000Z");
  });

  it("starts counting at opening time when started before opening", () => {
    expect(add("2026-11-23T06:00:00.000Z", 30)).toBe("2026-11-23T08:30:00.000Z");
    expect(add("2026-11-23T00:00:00.000Z", 1)).toBe("2026-11-23T08:01:00.000Z");
  });

  it("starts counting at the next day's opening when started after closing", () => {
    expect(add("2026-11-23T19:00:00.000Z", 30)).toBe("2026-11-24T08:30:00.000Z");
    expect(add("2026-11-23T23:59:00.000Z", 60)).toBe("2026-11-24T09:00:00.000Z");
  });

  it("starts counting on Monday when started on a weekend", () => {
    expect(add("2026-11-28T12:00:00.000Z", 30)).toBe("2026-11-30T08:30:00.000Z");
    expect(add("2026-11-29T23:59:59.000Z", 30)).toBe("2026-11-30T08:30:00.000Z");
  });

  it("carries the remainder across a weekend", () => {
    // Friday 17:30 + 60 min: 30 min on Friday, 30 min on Monday.
    expect(add("2026-11-27T17:30:00.000Z", 60)).toBe("2026-11-30T08:30:00.000Z");
    // Friday after closing.
    expect(add("2026-11-27T18:30:00.000Z", 60)).toBe("2026-11-30T09:00:00.000Z");
  });

  it("finishes exactly at closing time on the same day, not at the next opening", () => {
    expect(add("2026-11-23T17:00:00.000Z", 60)).toBe("2026-11-23T18:00:00.000Z");
    expect(add("2026-11-23T17:59:00.000Z", 1)).toBe("2026-11-23T18:00:00.000Z");
    expect(add("2026-11-23T08:00:00.000Z", 600)).toBe("2026-11-23T18:00:00.000Z");
    // Friday 17:00 + 60 ends on Friday, not on Monday.
    expect(add("2026-11-27T17:00:00.000Z", 60)).toBe("2026-11-27T18:00:00.000Z");
  });

  it("rolls over one minute past closing", () => {
    expect(add("2026-11-23T17:59:00.000Z", 2)).toBe("2026-11-24T08:01:00.000Z");
    expect(add("2026-11-23T18:00:00.000Z", 1)).toBe("2026-11-24T08:01:00.000Z");
    expect(add("2026-11-23T08:00:00.000Z", 601)).toBe("2026-11-24T08:01:00.000Z");
  });

  it("spans several whole business days", () => {
    // 50 h = exactly Monday–Friday: ends Friday at closing, not Monday at opening.
    expect(add("2026-11-23T08:00:00.000Z", 50 * 60)).toBe("2026-11-27T18:00:00.000Z");
    expect(add("2026-11-23T08:00:00.000Z", 50 * 60 + 1)).toBe("2026-11-30T08:01:00.000Z");
    // Wednesday 12:00 + 20 h: 6 h Wed, 10 h Thu, 4 h Fri → Friday 12:00.
    expect(add("2026-11-25T12:00:00.000Z", 20 * 60)).toBe("2026-11-27T12:00:00.000Z");
  });

  it("returns the start itself for zero minutes during opening hours", () => {
    expect(add("2026-11-23T10:00:00.000Z", 0)).toBe("2026-11-23T10:00:00.000Z");
    expect(add("2026-11-23T08:00:00.000Z", 0)).toBe("2026-11-23T08:00:00.000Z");
    expect(add("2026-11-23T17:59:59.999Z", 0)).toBe("2026-11-23T17:59:59.999Z");
  });

  it("returns the next opening for zero minutes outside opening hours", () => {
    expect(add("2026-11-23T06:00:00.000Z", 0)).toBe("2026-11-23T08:00:00.000Z");
    // 18:00 itself is already closed.
    expect(add("2026-11-27T18:00:00.000Z", 0)).toBe("2026-11-30T08:00:00.000Z");
    expect(add("2026-11-28T12:00:00.000Z", 0)).toBe("2026-11-30T08:00:00.000Z");
  });

  it("treats negative minutes as zero", () => {
    expect(add("2026-11-23T10:00:00.000Z", -30)).toBe("2026-11-23T10:00:00.000Z");
    expect(add("2026-11-28T12:00:00.000Z", -30)).toBe("2026-11-30T08:00:00.000Z");
  });

  it("keeps seconds and milliseconds of the start, and handles fractional minutes", () => {
    expect(add("2026-11-23T10:00:30.500Z", 1)).toBe("2026-11-23T10:01:30.500Z");
    expect(add("2026-11-23T10:00:00.000Z", 0.5)).toBe("2026-11-23T10:00:30.000Z");
  });

  it("does not modify the start date", () => {
    const start = new Date("2026-11-27T17:30:00.000Z");
    addBusinessMinutes(start, 60, DEFAULT_CALENDAR);
    expect(start.toISOString()).toBe("2026-11-27T17:30:00.000Z");
  });
});

describe("addBusinessMinutes with holidays", () => {
  const christmas: CalendarData = { ...DEFAULT_CALENDAR, holidays: ["2026-12-25"] };

  it("skips a holiday that falls on a workday", () => {
    // Thursday 17:00 + 120: 60 min Thursday, Friday 25th is a holiday, weekend, 60 min Monday.
    expect(add("2026-12-24T17:00:00.000Z", 120, christmas)).toBe("2026-12-28T09:00:00.000Z");
    // Without the holiday the same request ends on Friday.
    expect(add("2026-12-24T17:00:00.000Z", 120)).toBe("2026-12-25T09:00:00.000Z");
  });

  it("does not count time when started on a holiday", () => {
    expect(add("2026-12-25T10:00:00.000Z", 30, christmas)).toBe("2026-12-28T08:30:00.000Z");
    expect(add("2026-12-25T10:00:00.000Z", 0, christmas)).toBe("2026-12-28T08:00:00.000Z");
  });

  it("skips consecutive holidays", () => {
    const calendar: CalendarData = { ...DEFAULT_CALENDAR, holidays: ["2026-12-24", "2026-12-25", "2026-12-28"] };
    // Wednesday 17:00 + 120: 60 min Wed, Thu/Fri holidays, weekend, Mon holiday, 60 min Tuesday.
    expect(add("2026-12-23T17:00:00.000Z", 120, calendar)).toBe("2026-12-29T09:00:00.000Z");
  });

  it("ignores a holiday that falls on a weekend", () => {
    const calendar: CalendarData = { ...DEFAULT_CALENDAR, holidays: ["2026-11-28"] };
    expect(add("2026-11-27T17:30:00.000Z", 60, calendar)).toBe("2026-11-30T08:30:00.000Z");
  });

  it("matches holidays against the local date of the calendar's time zone", () => {
    const berlinChristmas: CalendarData = { ...berlin, holidays: ["2026-12-25"] };
    // Thursday 17:00 CET (16:00Z) + 120: 60 min Thursday, Friday is a holiday, Monday 08:00 CET (07:00Z) + 60.
    expect(add("2026-12-24T16:00:00.000Z", 120, berlinChristmas)).toBe("2026-12-28T08:00:00.000Z");
  });

  it("throws rather than looping for ever when no business day comes within ten years", () => {
    const mondays: string[] = [];
    for (let week = 0; week < 600; week++) {
      mondays.push(new Date(Date.UTC(2026, 10, 23 + 7 * week)).toISOString().slice(0, 10));
    }
    const calendar: CalendarData = { ...DEFAULT_CALENDAR, workdays: [1], holidays: mondays };
    expect(() => addBusinessMinutes(new Date("2026-11-23T10:00:00.000Z"), 1, calendar)).toThrow(
      "Support calendar has no business hours in the next ten years.",
    );
  });
});

describe("addBusinessMinutes with custom calendars", () => {
  it("uses only the listed workdays and the calendar's opening hours", () => {
    // Monday and Wednesday, 09:30–12:00 UTC.
    const calendar: CalendarData = { ...DEFAULT_CALENDAR, workdays: [1, 3], opensAtMinute: 570, closesAtMinute: 720 };
    // Monday 11:00 + 120: 60 min Monday, Tuesday is no workday, Wednesday 09:30 + 60.
    expect(add("2026-11-23T11:00:00.000Z", 120, calendar)).toBe("2026-11-25T10:30:00.000Z");
    // Saturday and Sunday as the only workdays.
    const weekend: CalendarData = { ...DEFAULT_CALENDAR, workdays: [6, 7] };
    expect(add("2026-11-23T10:00:00.000Z", 30, weekend)).toBe("2026-11-28T08:30:00.000Z");
    // Sunday 17:30 + 60: 30 min Sunday, then the next Saturday.
    expect(add("2026-11-29T17:30:00.000Z", 60, weekend)).toBe("2026-12-05T08:30:00.000Z");
  });

  it("counts elapsed time when the calendar is open around the clock", () => {
    const always: CalendarData = { ...DEFAULT_CALENDAR, workdays: everyDay, opensAtMinute: 0, closesAtMinute: 1440 };
    expect(add("2026-11-27T17:30:00.000Z", 10_000, always)).toBe("2026-12-04T16:10:00.000Z");
    // In Berlin too, across the spring-forward night: 24 h of business time is 24 real hours.
    const alwaysBerlin: CalendarData = { ...always, timeZone: "Europe/Berlin" };
    expect(add("2026-03-28T12:00:00.000Z", 1440, alwaysBerlin)).toBe("2026-03-29T12:00:00.000Z");
  });
});

describe("addBusinessMinutes outside UTC", () => {
  it("uses the opening hours of Europe/Berlin in winter (UTC+1)", () => {
    // Monday 2026-11-23 07:00Z = 08:00 CET.
    expect(add("2026-11-23T06:00:00.000Z", 30, berlin)).toBe("2026-11-23T07:30:00.000Z");
    // Monday 16:30Z = 17:30 CET: 30 min Monday, Tuesday 08:00 CET (07:00Z) + 30.
    expect(add("2026-11-23T16:30:00.000Z", 60, berlin)).toBe("2026-11-24T07:30:00.000Z");
    // Finishes exactly at 18:00 CET = 17:00Z.
    expect(add("2026-11-23T16:00:00.000Z", 60, berlin)).toBe("2026-11-23T17:00:00.000Z");
  });

  it("uses the opening hours of Europe/Berlin in summer (UTC+2)", () => {
    // Wednesday 2026-07-15 06:00Z = 08:00 CEST.
    expect(add("2026-07-15T05:00:00.000Z", 30, berlin)).toBe("2026-07-15T06:30:00.000Z");
  });

  it("crosses the spring-forward weekend in Europe/Berlin (2026-03-29)", () => {
    // Friday 17:00 CET (16:00Z) + 120: 60 min Friday (until 17:00Z), Monday 08:00 CEST = 06:00Z, + 60.
    expect(add("2026-03-27T16:00:00.000Z", 120, berlin)).toBe("2026-03-30T07:00:00.000Z");
  });

  it("crosses the fall-back weekend in Europe/Berlin (2026-10-25)", () => {
    // Friday 17:00 CEST (15:00Z) + 120: 60 min Friday, Monday 08:00 CET = 07:00Z, + 60.
    expect(add("2026-10-23T15:00:00.000Z", 120, berlin)).toBe("2026-10-26T08:00:00.000Z");
  });

  it("keeps 08:00–18:00 local on the day of the change itself", () => {
    const daily: CalendarData = { ...berlin, workdays: everyDay };
    // Saturday 17:00 CET (16:00Z) + 120: 60 min Saturday, Sunday 08:00 CEST = 06:00Z, + 60.
    expect(add("2026-03-28T16:00:00.000Z", 120, daily)).toBe("2026-03-29T07:00:00.000Z");
    // Saturday 17:00 CEST (15:00Z) + 120: 60 min Saturday, Sunday 08:00 CET = 07:00Z, + 60.
    expect(add("2026-10-24T15:00:00.000Z", 120, daily)).toBe("2026-10-25T08:00:00.000Z");
  });

  it("counts only the real length of opening hours that span the change", () => {
    // 01:00–04:00 local. On 2026-03-29 that is 00:00Z–02:00Z: two real hours, not three.
    const night: CalendarData = { ...berlin, workdays: everyDay, opensAtMinute: 60, closesAtMinute: 240 };
    // 150 min: 120 on Sunday, then Monday 01:00 CEST = Sunday 23:00Z, + 30.
    expect(add("2026-03-29T00:00:00.000Z", 150, night)).toBe("2026-03-29T23:30:00.000Z");
    // On 2026-10-25, 01:00 CEST–04:00 CET is 2026-10-24T23:00Z–2026-10-25T03:00Z: four real hours.
    expect(add("2026-10-24T23:00:00.000Z", 240, night)).toBe("2026-10-25T03:00:00.000Z");
    expect(add("2026-10-24T23:00:00.000Z", 241, night)).toBe("2026-10-26T00:01:00.000Z");
  });

  it("crosses the daylight-saving changes in America/New_York", () => {
    // Friday 2026-03-06 17:00 EST (22:00Z) + 120: 60 min Friday, Monday 08:00 EDT = 12:00Z, + 60.
    expect(add("2026-03-06T22:00:00.000Z", 120, newYork)).toBe("2026-03-09T13:00:00.000Z");
    // Friday 2026-10-30 17:00 EDT (21:00Z) + 120: 60 min Friday, Monday 08:00 EST = 13:00Z, + 60.
    expect(add("2026-10-30T21:00:00.000Z", 120, newYork)).toBe("2026-11-02T14:00:00.000Z");
  });

  it("uses the local weekday, not the UTC weekday", () => {
    // Friday 2026-03-06 20:00 EST is already Saturday 01:00Z: local Friday after closing.
    expect(add("2026-03-07T01:00:00.000Z", 60, newYork)).toBe("2026-03-09T13:00:00.000Z");
    // Monday 2026-11-30 00:30 CET is Sunday 23:30Z: the local day is a workday, opening at 07:00Z.
    expect(add("2026-11-29T23:30:00.000Z", 60, berlin)).toBe("2026-11-30T08:00:00.000Z");
    // Saturday 2026-11-28 01:00 JST is Friday 16:00Z, inside UTC opening hours, but a Tokyo weekend:
    // Monday 08:00 JST = Sunday 2026-11-29T23:00Z, + 30.
    expect(add("2026-11-27T16:00:00.000Z", 30, tokyo)).toBe("2026-11-29T23:30:00.000Z");
  });
});

describe("addBusinessMinutes with an invalid calendar", () => {
  const start = new Date("2026-11-23T10:00:00.000Z");

  it("throws for an unknown time zone", () => {
    expect(() => addBusinessMinutes(start, 30, { ...DEFAULT_CALENDAR, timeZone: "Mars/Olympus_Mons" })).toThrow(
      "Invalid support calendar: unknown time zone Mars/Olympus_Mons",
    );
  });

  it("throws without workdays", () => {
    expect(() => addBusinessMinutes(start, 30, { ...DEFAULT_CALENDAR, workdays: [] })).toThrow(
      "Invalid support calendar: no workdays",
    );
  });

  it("throws when opening is not before closing", () => {
    expect(() => addBusinessMinutes(start, 30, { ...DEFAULT_CALENDAR, opensAtMinute: 600, closesAtMinute: 600 })).toThrow(
      "Invalid support calendar: opening hours must satisfy 0 ≤ opens < closes ≤ 24:00",
    );
  });

  it("throws even for zero minutes, listing every problem", () => {
    expect(() =>
      addBusinessMinutes(start, 0, { timeZone: "Nowhere/Land", workdays: [9], opensAtMinute: 1080, closesAtMinute: 480, holidays: [] }),
    ).toThrow(
      "Invalid support calendar: unknown time zone Nowhere/Land; no workdays; opening hours must satisfy 0 ≤ opens < closes ≤ 24:00",
    );
  });
});

describe("validateCalendar", () => {
  const hours = "opening hours must satisfy 0 ≤ opens < closes ≤ 24:00";

  it("accepts valid calendars", () => {
    expect(validateCalendar(DEFAULT_CALENDAR)).toEqual([]);
    expect(validateCalendar(berlin)).toEqual([]);
    expect(validateCalendar(newYork)).toEqual([]);
    expect(validateCalendar({ ...DEFAULT_CALENDAR, workdays: [7] })).toEqual([]);
    expect(validateCalendar({ ...DEFAULT_CALENDAR, opensAtMinute: 0, closesAtMinute: 1440 })).toEqual([]);
    expect(validateCalendar({ ...DEFAULT_CALENDAR, opensAtMinute: 0, closesAtMinute: 1 })).toEqual([]);
  });

  it("reports an unknown time zone", () => {
    expect(validateCalendar({ ...DEFAULT_CALENDAR, timeZone: "Mars/Olympus_Mons" })).toEqual([
      "unknown time zone Mars/Olympus_Mons",
    ]);
  });

  it("reports workdays that are missing or out of range", () => {
    expect(validateCalendar({ ...DEFAULT_CALENDAR, workdays: [] })).toEqual(["no workdays"]);
    expect(validateCalendar({ ...DEFAULT_CALENDAR, workdays: [0, 8] })).toEqual(["no workdays"]);
    expect(validateCalendar({ ...DEFAULT_CALENDAR, workdays: [1.5] })).toEqual(["no workdays"]);
  });

  it("reports opening hours out of order or out of the day", () => {
    expect(validateCalendar({ ...DEFAULT_CALENDAR, opensAtMinute: 1080, closesAtMinute: 480 })).toEqual([hours]);
    expect(validateCalendar({ ...DEFAULT_CALENDAR, opensAtMinute: 480, closesAtMinute: 480 })).toEqual([hours]);
    expect(validateCalendar({ ...DEFAULT_CALENDAR, opensAtMinute: -1 })).toEqual([hours]);
    expect(validateCalendar({ ...DEFAULT_CALENDAR, closesAtMinute: 1441 })).toEqual([hours]);
    expect(validateCalendar({ ...DEFAULT_CALENDAR, opensAtMinute: Number.NaN })).toEqual([hours]);
  });

  it("reports every problem at once, in order", () => {
    expect(
      validateCalendar({ timeZone: "Not/AZone", workdays: [], opensAtMinute: 600, closesAtMinute: 500, holidays: [] }),
    ).toEqual(["unknown time zone Not/AZone", "no workdays", hours]);
  });
});

describe("localTimeToInstant", () => {
  it("is the plain UTC time in UTC", () => {
    expect(new Date(localTimeToInstant({ year: 2026, month: 3, day: 2 }, 480, "UTC")).toISOString()).toBe(
      "2026-03-02T08:00:00.000Z",
    );
    expect(new Date(localTimeToInstant({ year: 2026, month: 12, day: 31 }, 0, "UTC")).toISOString()).toBe(
      "2026-12-31T00:00:00.000Z",
    );
  });

  it("handles minute 1440 as the next day's midnight", () => {
    expect(new Date(localTimeToInstant({ year: 2026, month: 12, day: 31 }, 1440, "UTC")).toISOString()).toBe(
      "2027-01-01T00:00:00.000Z",
    );
    expect(new Date(localTimeToInstant({ year: 2026, month: 1, day: 15 }, 1440, "Europe/Berlin")).toISOString()).toBe(
      "2026-01-15T23:00:00.000Z",
    );
  });

  it("applies the zone's offset in winter and in summer", () => {
    expect(new Date(localTimeToInstant({ year: 2026, month: 1, day: 15 }, 480, "Europe/Berlin")).toISOString()).toBe(
      "2026-01-15T07:00:00.000Z",
    );
    expect(new Date(localTimeToInstant({ year: 2026, month: 7, day: 15 }, 480, "Europe/Berlin")).toISOString()).toBe(
      "2026-07-15T06:00:00.000Z",
    );
    expect(new Date(localTimeToInstant({ year: 2026, month: 1, day: 15 }, 480, "America/New_York")).toISOString()).toBe(
      "2026-01-15T13:00:00.000Z",
    );
    expect(new Date(localTimeToInstant({ year: 2026, month: 7, day: 15 }, 0, "America/New_York")).toISOString()).toBe(
      "2026-07-15T04:00:00.000Z",
    );
  });

  it("can land on the previous UTC day for zones east of UTC", () => {
    expect(new Date(localTimeToInstant({ year: 2026, month: 1, day: 5 }, 420, "Asia/Tokyo")).toISOString()).toBe(
      "2026-01-04T22:00:00.000Z",
    );
    // A half-hour zone: India is UTC+5:30.
    expect(new Date(localTimeToInstant({ year: 2026, month: 1, day: 5 }, 480, "Asia/Kolkata")).toISOString()).toBe(
      "2026-01-05T02:30:00.000Z",
    );
  });

  it("uses the right offset on both sides of the change on the day of the change", () => {
    const spring = { year: 2026, month: 3, day: 29 };
    const autumn = { year: 2026, month: 10, day: 25 };
    // 01:00 CET before the jump, 03:00 CEST after it.
    expect(new Date(localTimeToInstant(spring, 60, "Europe/Berlin")).toISOString()).toBe("2026-03-29T00:00:00.000Z");
    expect(new Date(localTimeToInstant(spring, 180, "Europe/Berlin")).toISOString()).toBe("2026-03-29T01:00:00.000Z");
    expect(new Date(localTimeToInstant(spring, 480, "Europe/Berlin")).toISOString()).toBe("2026-03-29T06:00:00.000Z");
    // 01:00 CEST before falling back, 04:00 CET after it.
    expect(new Date(localTimeToInstant(autumn, 60, "Europe/Berlin")).toISOString()).toBe("2026-10-24T23:00:00.000Z");
    expect(new Date(localTimeToInstant(autumn, 240, "Europe/Berlin")).toISOString()).toBe("2026-10-25T03:00:00.000Z");
    expect(new Date(localTimeToInstant(autumn, 480, "Europe/Berlin")).toISOString()).toBe("2026-10-25T07:00:00.000Z");
  });

  it("gives a local time the clock skips the instant of the jump, in both directions from UTC", () => {
    const instant = (date: { year: number; month: number; day: number }, minute: number, zone: string) =>
      new Date(localTimeToInstant(date, minute, zone)).toISOString();
    // Europe/Berlin jumps from 02:00 CET to 03:00 CEST at 01:00Z on 2026-03-29.
    const spring = { year: 2026, month: 3, day: 29 };
    expect(instant(spring, 120, "Europe/Berlin")).toBe("2026-03-29T01:00:00.000Z");
    expect(instant(spring, 150, "Europe/Berlin")).toBe("2026-03-29T01:00:00.000Z");
    expect(instant(spring, 179, "Europe/Berlin")).toBe("2026-03-29T01:00:00.000Z");
    expect(instant(spring, 119, "Europe/Berlin")).toBe("2026-03-29T00:59:00.000Z");
    // America/Chicago jumps from 02:00 CST to 03:00 CDT at 08:00Z on 2026-03-08.
    const chicagoSpring = { year: 2026, month: 3, day: 8 };
    expect(instant(chicagoSpring, 119, "America/Chicago")).toBe("2026-03-08T07:59:00.000Z");
    expect(instant(chicagoSpring, 120, "America/Chicago")).toBe("2026-03-08T08:00:00.000Z");
    expect(instant(chicagoSpring, 150, "America/Chicago")).toBe("2026-03-08T08:00:00.000Z");
    expect(instant(chicagoSpring, 180, "America/Chicago")).toBe("2026-03-08T08:00:00.000Z");
    expect(instant(chicagoSpring, 181, "America/Chicago")).toBe("2026-03-08T08:01:00.000Z");
  });

  it("picks one of the two instants for a repeated local time", () => {
    // 02:30 happens twice on 2026-10-25 in Berlin: 00:30Z (CEST) and 01:30Z (CET).
    const instant = localTimeToInstant({ year: 2026, month: 10, day: 25 }, 150, "Europe/Berlin");
    expect([Date.UTC(2026, 9, 25, 0, 30), Date.UTC(2026, 9, 25, 1, 30)]).toContain(instant);
  });
});

describe("localDateOf and isoDate", () => {
  it("gives the local calendar date of an instant", () => {
    const instant = Date.UTC(2026, 10, 29, 23, 30); // Sunday 23:30Z
    expect(localDateOf(instant, "UTC")).toEqual({ year: 2026, month: 11, day: 29 });
    expect(localDateOf(instant, "Europe/Berlin")).toEqual({ year: 2026, month: 11, day: 30 });
    expect(localDateOf(Date.UTC(2027, 0, 1, 3), "America/New_York")).toEqual({ year: 2026, month: 12, day: 31 });
  });

  it("formats dates as zero-padded YYYY-MM-DD", () => {
    expect(isoDate({ year: 2026, month: 3, day: 9 })).toBe("2026-03-09");
    expect(isoDate({ year: 2026, month: 12, day: 25 })).toBe("2026-12-25");
  });
});
