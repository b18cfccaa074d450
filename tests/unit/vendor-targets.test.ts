import { describe, expect, it } from "vitest";
import type { CalendarData } from "@/lib/calendar/business-hours";
import { metTarget, nextVendorAlertAt, vendorDueSentence, vendorDueTimes, type VendorDueTimes } from "@/lib/routing/vendor-targets";

const always: CalendarData = { timeZone: "UTC", windows: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, opensAtMinute: 0, closesAtMinute: 1440 })), holidays: [], label: "24x7 v1" };
// A vendor in New York, 09:00–17:00 on weekdays, closed on 2026-03-09 (a Monday).
const newYork: CalendarData = {
  timeZone: "America/New_York",
  windows: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opensAtMinute: 540, closesAtMinute: 1020 })),
  holidays: [{ from: "2026-03-09", to: "2026-03-09", name: "Closed" }],
  label: "ny-vendor v2",
};
const iso = (due: VendorDueTimes) => Object.fromEntries(Object.entries(due).map(([k, v]) => [k, v?.toISOString() ?? null]));

describe("vendorDueTimes", () => {
  it("counts wall-clock time on 24×7, with the warnings at 75 %", () => {
    const due = vendorDueTimes(new Date("2026-03-07T23:50:00Z"), { priority: "P1", responseMinutes: 60, resolutionMinutes: 480, calendar: always });
    expect(iso(due)).toEqual({
      responseWarnAt: "2026-03-08T00:35:00.000Z",
      responseDueAt: "2026-03-08T00:50:00.000Z",
      resolutionWarnAt: "2026-03-08T05:50:00.000Z",
      resolutionDueAt: "2026-03-08T07:50:00.000Z",
    });
  });

  it("counts only the vendor's hours: across a weekend, a holiday and the change to daylight saving time", () => {
    // Friday 2026-03-06 16:00 EST (21:00Z): one hour left that day; Monday is a holiday; on Sunday 03-08 New York moved to EDT (UTC-4).
    const due = vendorDueTimes(new Date("2026-03-06T21:00:00Z"), { priority: "P2", responseMinutes: 120, resolutionMinutes: 600, calendar: newYork });
    expect(due.responseDueAt!.toISOString()).toBe("2026-03-10T14:00:00.000Z"); // Tuesday 10:00 EDT
    expect(due.resolutionDueAt!.toISOString()).toBe("2026-03-11T14:00:00.000Z"); // 1 h Fri + 8 h Tue + 1 h Wed
  });

  it("is all null without a target", () => {
    expect(Object.values(vendorDueTimes(new Date(), null)).every((d) => d === null)).toBe(true);
  });
});

describe("nextVendorAlertAt", () => {
  const due = vendorDueTimes(new Date("2026-03-02T08:00:00Z"), { priority: "P1", responseMinutes: 40, resolutionMinutes: 400, calendar: always });

  it("walks the thresholds in time order as each alert is sent", () => {
    expect(nextVendorAlertAt(due, 0, null)).toEqual(due.responseWarnAt);
    expect(nextVendorAlertAt(due, 1, null)).toEqual(due.responseDueAt);
    expect(nextVendorAlertAt(due, 1 | 2, null)).toEqual(due.resolutionWarnAt);
    expect(nextVendorAlertAt(due, 1 | 2 | 4, null)).toEqual(due.resolutionDueAt);
    expect(nextVendorAlertAt(due, 15, null)).toBeNull();
  });

  it("skips the response thresholds once the vendor responded", () => {
    expect(nextVendorAlertAt(due, 0, new Date("2026-03-02T08:05:00Z"))).toEqual(due.resolutionWarnAt);
  });

  it("has nothing to alert on without a target", () => {
    expect(nextVendorAlertAt(vendorDueTimes(new Date(), null), 0, null)).toBeNull();
  });
});

describe("metTarget and the decision log's sentence", () => {
  it("meets a target on the due instant and misses it a millisecond later", () => {
    const dueAt = new Date("2026-03-02T09:00:00Z");
    expect(metTarget(dueAt, dueAt)).toBe(true);
    expect(metTarget(dueAt, new Date(dueAt.getTime() + 1))).toBe(false);
    expect(metTarget(dueAt, null)).toBeNull();
    expect(metTarget(null, dueAt)).toBeNull();
  });

  it("names the due times and the calendar, or says nothing is measured", () => {
    const due = vendorDueTimes(new Date("2026-03-02T08:00:00Z"), { priority: "P1", responseMinutes: 30, resolutionMinutes: 240, calendar: always });
    expect(vendorDueSentence({ ...due, calendarLabel: "24x7 v1" })).toBe("vendor response due 2026-03-02 08:30 UTC, resolution due 2026-03-02 12:00 UTC (24x7 v1)");
    expect(vendorDueSentence({ ...vendorDueTimes(new Date(), null), calendarLabel: null })).toBe("no vendor target for this priority, so none is measured");
  });
});
