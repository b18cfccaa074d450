import { describe, expect, it } from "vitest";
import { autoCloseCutoff, autoCloseReason } from "@/lib/calendar/auto-close";
import { addBusinessMinutes, businessSecondsBetween, subtractBusinessMinutes, type CalendarData, type DailyHoursCalendar } from "@/lib/calendar/business-hours";
import { DEFAULT_CALENDAR } from "@/lib/routing/defaults";

// DEFAULT_CALENDAR: UTC, Monday to Friday 08:00–18:00 (a business day is 10 h).
// 2026-11-23 Mon … 27 Fri, 28 Sat, 29 Sun, 30 Mon; 2026-12-01 Tue … 04 Fri; 2026-12-24 Thu, 25 Fri (holiday), 28 Mon.
// Europe/Berlin: summer time ends Sun 2026-10-25 01:00Z; starts Sun 2026-03-29 01:00Z.
const christmas: DailyHoursCalendar = { ...DEFAULT_CALENDAR, holidays: ["2026-12-25"] };
const berlin: CalendarData = { ...DEFAULT_CALENDAR, timeZone: "Europe/Berlin", opensAtMinute: 9 * 60, closesAtMinute: 17 * 60 };
const iso = (d: Date | null) => d?.toISOString() ?? null;

describe("subtractBusinessMinutes", () => {
  it("goes back within one business day", () => {
    expect(iso(subtractBusinessMinutes(new Date("2026-11-23T12:00:00Z"), 90, DEFAULT_CALENDAR))).toBe("2026-11-23T10:30:00.000Z");
  });

  it("skips the night and the weekend", () => {
    // Monday 09:00 less 3 h: 1 h of Monday, then 2 h back from Friday's close.
    expect(iso(subtractBusinessMinutes(new Date("2026-11-30T09:00:00Z"), 180, DEFAULT_CALENDAR))).toBe("2026-11-27T16:00:00.000Z");
    // From Sunday, the last business time is Friday's.
    expect(iso(subtractBusinessMinutes(new Date("2026-11-29T12:00:00Z"), 60, DEFAULT_CALENDAR))).toBe("2026-11-27T17:00:00.000Z");
  });

  it("skips holidays", () => {
    // Monday 28 Dec 09:00 less 2 h: Friday 25 is a holiday, so it lands on Thursday 24 at 17:00.
    expect(iso(subtractBusinessMinutes(new Date("2026-12-28T09:00:00Z"), 120, christmas))).toBe("2026-12-24T17:00:00.000Z");
  });

  it("is the inverse of addBusinessMinutes across a daylight-saving change", () => {
    for (const end of ["2026-10-26T10:00:00Z", "2026-03-30T08:30:00Z", "2026-11-30T07:00:00Z"]) {
      for (const minutes of [1, 60, 480, 5 * 480, 37]) {
        const start = subtractBusinessMinutes(new Date(end), minutes, berlin);
        expect(businessSecondsBetween(start, new Date(end), berlin), `${end} − ${minutes} min`).toBe(minutes * 60);
        expect(addBusinessMinutes(start, minutes, berlin).getTime(), `${end} − ${minutes} min`).toBeLessThanOrEqual(new Date(end).getTime());
      }
    }
  });

  it("returns the end itself for no time", () => {
    expect(iso(subtractBusinessMinutes(new Date("2026-11-28T12:00:00Z"), 0, DEFAULT_CALENDAR))).toBe("2026-11-28T12:00:00.000Z");
  });
});

describe("autoCloseCutoff", () => {
  it("closes a ticket resolved on Friday afternoon the next Friday afternoon, weekend not counted", () => {
    const resolved = new Date("2026-11-27T15:00:00Z");
    const cutoffThursday = autoCloseCutoff(new Date("2026-12-03T15:00:00Z"), 5, DEFAULT_CALENDAR)!;
    const cutoffFriday = autoCloseCutoff(new Date("2026-12-04T15:00:00Z"), 5, DEFAULT_CALENDAR)!;
    expect(resolved > cutoffThursday).toBe(true);
    expect(resolved <= cutoffFriday).toBe(true);
    expect(iso(cutoffFriday)).toBe("2026-11-27T15:00:00.000Z");
  });

  it("does not count a holiday", () => {
    // Resolved Monday 21 Dec 10:00: five business days end on Monday 28 at 10:00, or with Friday 25 a
    // holiday (and the weekend after it) on Tuesday 29 at 10:00.
    const resolved = new Date("2026-12-21T10:00:00Z");
    expect(resolved <= autoCloseCutoff(new Date("2026-12-28T10:00:00Z"), 5, DEFAULT_CALENDAR)!).toBe(true);
    expect(resolved <= autoCloseCutoff(new Date("2026-12-29T09:59:00Z"), 5, christmas)!).toBe(false);
    expect(resolved <= autoCloseCutoff(new Date("2026-12-29T10:00:00Z"), 5, christmas)!).toBe(true);
  });

  it("counts a resolution at the weekend from Monday's opening", () => {
    const resolved = new Date("2026-11-28T11:00:00Z");
    expect(resolved <= autoCloseCutoff(new Date("2026-11-30T17:59:00Z"), 1, DEFAULT_CALENDAR)!).toBe(false);
    expect(resolved <= autoCloseCutoff(new Date("2026-11-30T18:00:00Z"), 1, DEFAULT_CALENDAR)!).toBe(true);
  });

  it("is off at 0 days", () => {
    expect(autoCloseCutoff(new Date("2026-11-30T18:00:00Z"), 0, DEFAULT_CALENDAR)).toBeNull();
  });

  it("says why in one sentence", () => {
    expect(autoCloseReason(5)).toBe("Closed automatically: resolved with no reply from the customer for 5 business days.");
    expect(autoCloseReason(1)).toBe("Closed automatically: resolved with no reply from the customer for 1 business day.");
  });
});
