import { describe, expect, it } from "vitest";
import {
  addBusinessMinutes,
  businessSecondsBetween,
  subtractBusinessMinutes,
  validateCalendar,
  type CalendarData,
  type OpeningWindow,
  type WindowsCalendar,
} from "@/lib/calendar/business-hours";
import { DEFAULT_CALENDAR } from "@/lib/routing/defaults";

// Dates below (checked against a 2026 calendar; 2026-01-01 is a Thursday):
//   2026-11-23 Mon, 26 Thu, 27 Fri, 28 Sat, 29 Sun, 30 Mon, 12-01 Tue; 2026-12-23 Wed … 12-29 Tue; 2027-01-01 Fri.
//   Europe/Berlin: 02:00 CET → 03:00 CEST at 2026-03-29T01:00Z (Sunday); 03:00 CEST → 02:00 CET at 2026-10-25T01:00Z (Sunday).
//   America/Chicago: 02:00 CST → 03:00 CDT at 2026-03-08T08:00Z (Sunday); 02:00 CDT → 01:00 CST at 2026-11-01T07:00Z (Sunday).

const H = 3600;
const MINUTE = 60_000;
const WEEKDAYS = [1, 2, 3, 4, 5];
const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7];

/** Windows "HH:MM-HH:MM" on each of `weekdays`. */
function on(weekdays: number[], ...hours: string[]): OpeningWindow[] {
  const minute = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
  return weekdays.flatMap((weekday) =>
    hours.map((h) => ({ weekday, opensAtMinute: minute(h.slice(0, 5)), closesAtMinute: minute(h.slice(6, 11)) })),
  );
}

const add = (startIso: string, minutes: number, calendar: CalendarData) => addBusinessMinutes(new Date(startIso), minutes, calendar).toISOString();
const subtract = (endIso: string, minutes: number, calendar: CalendarData) => subtractBusinessMinutes(new Date(endIso), minutes, calendar).toISOString();
const between = (startIso: string, endIso: string, calendar: CalendarData) => businessSecondsBetween(new Date(startIso), new Date(endIso), calendar);

/** UTC; Monday to Friday 08:00–12:00 and 13:00–17:00, Saturday 09:00–13:00. */
const split: WindowsCalendar = { timeZone: "UTC", windows: [...on(WEEKDAYS, "08:00-12:00", "13:00-17:00"), ...on([6], "09:00-13:00")], holidays: [] };
const allWeek = (timeZone: string): WindowsCalendar => ({ timeZone, windows: on(EVERY_DAY, "00:00-24:00"), holidays: [] });
/** Every day 00:00–06:00 (the daylight-saving change at 02:00/03:00 falls inside) and 13:00–17:00. */
const nights = (timeZone: string): WindowsCalendar => ({ timeZone, windows: on(EVERY_DAY, "00:00-06:00", "13:00-17:00"), holidays: [] });
const office = (timeZone: string): WindowsCalendar => ({ ...split, timeZone });

describe("two opening windows a day", () => {
  it("carries a target over the lunch break", () => {
    expect(add("2026-11-23T11:30:00.000Z", 60, split)).toBe("2026-11-23T13:30:00.000Z");
    expect(between("2026-11-23T11:00:00.000Z", "2026-11-23T14:00:00.000Z", split)).toBe(2 * H);
    expect(subtract("2026-11-23T13:30:00.000Z", 60, split)).toBe("2026-11-23T11:30:00.000Z");
  });

  it("finishes at the start of the break, not after it", () => {
    expect(add("2026-11-23T11:00:00.000Z", 60, split)).toBe("2026-11-23T12:00:00.000Z");
    expect(add("2026-11-23T11:00:00.000Z", 61, split)).toBe("2026-11-23T13:01:00.000Z");
  });

  it("starts counting after the break when started inside it", () => {
    expect(add("2026-11-23T12:15:00.000Z", 30, split)).toBe("2026-11-23T13:30:00.000Z");
    expect(add("2026-11-23T12:15:00.000Z", 0, split)).toBe("2026-11-23T13:00:00.000Z");
    expect(between("2026-11-23T12:05:00.000Z", "2026-11-23T12:55:00.000Z", split)).toBe(0);
    expect(between("2026-11-23T12:30:00.000Z", "2026-11-23T13:30:00.000Z", split)).toBe(30 * 60);
    // Going back from inside the break starts at its beginning.
    expect(subtract("2026-11-23T12:40:00.000Z", 30, split)).toBe("2026-11-23T11:30:00.000Z");
  });

  it("counts eight hours a weekday and the Saturday half day", () => {
    expect(add("2026-11-23T08:00:00.000Z", 8 * 60, split)).toBe("2026-11-23T17:00:00.000Z");
    expect(add("2026-11-23T08:00:00.000Z", 8 * 60 + 1, split)).toBe("2026-11-24T08:01:00.000Z");
    expect(between("2026-11-23T00:00:00.000Z", "2026-11-30T00:00:00.000Z", split)).toBe(44 * H);
  });

  it("works on Saturday morning and not on Sunday", () => {
    // Friday 16:30 + 60: 30 min Friday, Saturday 09:00 + 30.
    expect(add("2026-11-27T16:30:00.000Z", 60, split)).toBe("2026-11-28T09:30:00.000Z");
    // Saturday 12:30 + 60: 30 min Saturday, Monday 08:00 + 30.
    expect(add("2026-11-28T12:30:00.000Z", 60, split)).toBe("2026-11-30T08:30:00.000Z");
    expect(subtract("2026-11-30T08:30:00.000Z", 60, split)).toBe("2026-11-28T12:30:00.000Z");
  });

  it("can be open on Saturday morning only", () => {
    const saturdays: WindowsCalendar = { timeZone: "UTC", windows: on([6], "09:00-13:00"), holidays: [] };
    expect(add("2026-11-23T10:00:00.000Z", 60, saturdays)).toBe("2026-11-28T10:00:00.000Z");
    // 4 h on 2026-11-28, 1 h on 2026-12-05.
    expect(add("2026-11-23T10:00:00.000Z", 5 * 60, saturdays)).toBe("2026-12-05T10:00:00.000Z");
    expect(between("2026-11-23T00:00:00.000Z", "2026-12-07T00:00:00.000Z", saturdays)).toBe(8 * H);
  });

  it("treats touching windows as one", () => {
    const touching: WindowsCalendar = { timeZone: "UTC", windows: on([1], "08:00-12:00", "12:00-13:00"), holidays: [] };
    expect(add("2026-11-23T11:30:00.000Z", 60, touching)).toBe("2026-11-23T12:30:00.000Z");
    expect(add("2026-11-23T08:00:00.000Z", 5 * 60, touching)).toBe("2026-11-23T13:00:00.000Z");
  });
});

describe("opening windows across daylight-saving changes", () => {
  it("counts a Europe/Berlin window that contains the spring-forward jump by its real length", () => {
    const berlin = nights("Europe/Berlin");
    // Sunday 2026-03-29 00:00 CET = Saturday 23:00Z; 06:00 CEST = 04:00Z: 5 real hours. 13:00–17:00 CEST = 11:00Z–15:00Z.
    expect(between("2026-03-28T23:00:00.000Z", "2026-03-29T22:00:00.000Z", berlin)).toBe(9 * H);
    expect(add("2026-03-28T23:00:00.000Z", 5 * 60, berlin)).toBe("2026-03-29T04:00:00.000Z");
    expect(add("2026-03-28T23:00:00.000Z", 5 * 60 + 1, berlin)).toBe("2026-03-29T11:01:00.000Z");
    // 01:30 CET + 60 min is 03:30 CEST.
    expect(add("2026-03-29T00:30:00.000Z", 60, berlin)).toBe("2026-03-29T01:30:00.000Z");
    expect(subtract("2026-03-29T01:30:00.000Z", 60, berlin)).toBe("2026-03-29T00:30:00.000Z");
  });

  it("counts a Europe/Berlin window that contains the fall-back hour by its real length", () => {
    const berlin = nights("Europe/Berlin");
    // Sunday 2026-10-25 00:00 CEST = Saturday 22:00Z; 06:00 CET = 05:00Z: 7 real hours. 13:00–17:00 CET = 12:00Z–16:00Z.
    expect(between("2026-10-24T22:00:00.000Z", "2026-10-25T23:00:00.000Z", berlin)).toBe(11 * H);
    expect(add("2026-10-24T22:00:00.000Z", 7 * 60, berlin)).toBe("2026-10-25T05:00:00.000Z");
    expect(add("2026-10-24T22:00:00.000Z", 7 * 60 + 1, berlin)).toBe("2026-10-25T12:01:00.000Z");
    // 02:30 CEST + 60 min is 02:30 CET.
    expect(add("2026-10-25T00:30:00.000Z", 60, berlin)).toBe("2026-10-25T01:30:00.000Z");
  });

  it("counts an America/Chicago window that contains the spring-forward jump by its real length", () => {
    const chicago = nights("America/Chicago");
    // Sunday 2026-03-08 00:00 CST = 06:00Z; 06:00 CDT = 11:00Z: 5 real hours. 13:00–17:00 CDT = 18:00Z–22:00Z.
    expect(between("2026-03-08T06:00:00.000Z", "2026-03-09T05:00:00.000Z", chicago)).toBe(9 * H);
    expect(add("2026-03-08T06:00:00.000Z", 5 * 60, chicago)).toBe("2026-03-08T11:00:00.000Z");
    expect(add("2026-03-08T06:00:00.000Z", 5 * 60 + 1, chicago)).toBe("2026-03-08T18:01:00.000Z");
    // 01:30 CST + 60 min is 03:30 CDT.
    expect(add("2026-03-08T07:30:00.000Z", 60, chicago)).toBe("2026-03-08T08:30:00.000Z");
    expect(subtract("2026-03-08T08:30:00.000Z", 60, chicago)).toBe("2026-03-08T07:30:00.000Z");
  });

  it("counts an America/Chicago window that contains the fall-back hour by its real length", () => {
    const chicago = nights("America/Chicago");
    // Sunday 2026-11-01 00:00 CDT = 05:00Z; 06:00 CST = 12:00Z: 7 real hours. 13:00–17:00 CST = 19:00Z–23:00Z.
    expect(between("2026-11-01T05:00:00.000Z", "2026-11-02T06:00:00.000Z", chicago)).toBe(11 * H);
    expect(add("2026-11-01T05:00:00.000Z", 7 * 60, chicago)).toBe("2026-11-01T12:00:00.000Z");
    expect(add("2026-11-01T05:00:00.000Z", 7 * 60 + 1, chicago)).toBe("2026-11-01T19:01:00.000Z");
    // 01:30 CDT + 60 min is 01:30 CST.
    expect(add("2026-11-01T06:30:00.000Z", 60, chicago)).toBe("2026-11-01T07:30:00.000Z");
  });

  it("opens and closes at the jump when a window's boundary is a skipped local time", () => {
    // Berlin, Sunday 00:00–02:30 and 02:45–05:00: 02:30 and 02:45 do not exist on 2026-03-29, so the
    // two windows meet at the jump (01:00Z) and cover 00:00 CET–05:00 CEST, 4 real hours.
    const berlin: WindowsCalendar = { timeZone: "Europe/Berlin", windows: on([7], "00:00-02:30", "02:45-05:00"), holidays: [] };
    expect(between("2026-03-28T12:00:00.000Z", "2026-03-29T12:00:00.000Z", berlin)).toBe(4 * H);
    expect(add("2026-03-28T23:00:00.000Z", 120, berlin)).toBe("2026-03-29T01:00:00.000Z");
    expect(add("2026-03-28T23:00:00.000Z", 121, berlin)).toBe("2026-03-29T01:01:00.000Z");
    // Chicago, Sunday 00:00–02:00: on 2026-03-08 it closes at the jump to 03:00 CDT (08:00Z), after 2 real hours.
    const chicago: WindowsCalendar = { timeZone: "America/Chicago", windows: on([7], "00:00-02:00"), holidays: [] };
    expect(between("2026-03-08T00:00:00.000Z", "2026-03-08T12:00:00.000Z", chicago)).toBe(2 * H);
    expect(add("2026-03-08T06:00:00.000Z", 120, chicago)).toBe("2026-03-08T08:00:00.000Z");
  });

  it("keeps an office's local hours across the weekend of each change", () => {
    // Friday 16:30 + 60: 30 min on Friday, Saturday 09:00 local + 30 (the office works Saturday mornings).
    expect(add("2026-03-27T15:30:00.000Z", 60, office("Europe/Berlin"))).toBe("2026-03-28T08:30:00.000Z");
    // Saturday 12:30 + 60: 30 min Saturday, Monday 08:00 local + 30, after the change.
    expect(add("2026-03-28T11:30:00.000Z", 60, office("Europe/Berlin"))).toBe("2026-03-30T06:30:00.000Z");
    expect(add("2026-10-24T10:30:00.000Z", 60, office("Europe/Berlin"))).toBe("2026-10-26T07:30:00.000Z");
    expect(add("2026-03-07T18:30:00.000Z", 60, office("America/Chicago"))).toBe("2026-03-09T13:30:00.000Z");
    expect(add("2026-10-31T17:30:00.000Z", 60, office("America/Chicago"))).toBe("2026-11-02T14:30:00.000Z");
  });
});

describe("a 24×7 calendar", () => {
  it("counts the real length of the days of the change: 23 h and 25 h", () => {
    expect(between("2026-03-28T23:00:00.000Z", "2026-03-29T22:00:00.000Z", allWeek("Europe/Berlin"))).toBe(23 * H);
    expect(between("2026-10-24T22:00:00.000Z", "2026-10-25T23:00:00.000Z", allWeek("Europe/Berlin"))).toBe(25 * H);
    expect(between("2026-03-08T06:00:00.000Z", "2026-03-09T05:00:00.000Z", allWeek("America/Chicago"))).toBe(23 * H);
    expect(between("2026-11-01T05:00:00.000Z", "2026-11-02T06:00:00.000Z", allWeek("America/Chicago"))).toBe(25 * H);
  });

  it("equals wall-clock time around every change, from any start", () => {
    const wrong: string[] = [];
    for (const [timeZone, change] of [
      ["Europe/Berlin", "2026-03-29T01:00:00.000Z"],
      ["Europe/Berlin", "2026-10-25T01:00:00.000Z"],
      ["America/Chicago", "2026-03-08T08:00:00.000Z"],
      ["America/Chicago", "2026-11-01T07:00:00.000Z"],
    ] as const) {
      const calendar = allWeek(timeZone);
      for (let start = Date.parse(change) - 48 * 60 * MINUTE; start < Date.parse(change) + 48 * 60 * MINUTE; start += 37 * MINUTE) {
        for (const minutes of [1, 90, 1440, 3000]) {
          const end = addBusinessMinutes(new Date(start), minutes, calendar).getTime();
          if (end !== start + minutes * MINUTE) wrong.push(`${timeZone} ${new Date(start).toISOString()} + ${minutes}`);
          if (businessSecondsBetween(new Date(start), new Date(end), calendar) !== minutes * 60) wrong.push(`${timeZone} ${new Date(start).toISOString()} between`);
          if (subtractBusinessMinutes(new Date(end), minutes, calendar).getTime() !== start) wrong.push(`${timeZone} ${new Date(end).toISOString()} − ${minutes}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });
});

describe("holiday ranges", () => {
  it("skips a range over a weekend, Friday to Monday, Saturday's hours included", () => {
    const longWeekend: WindowsCalendar = { ...split, holidays: [{ from: "2026-11-27", to: "2026-11-30" }] };
    // Thursday 16:30 + 60: 30 min Thursday, Tuesday 08:00 + 30.
    expect(add("2026-11-26T16:30:00.000Z", 60, longWeekend)).toBe("2026-12-01T08:30:00.000Z");
    expect(add("2026-11-26T16:30:00.000Z", 60, split)).toBe("2026-11-27T08:30:00.000Z");
    expect(between("2026-11-26T16:30:00.000Z", "2026-12-01T09:00:00.000Z", longWeekend)).toBe(90 * 60);
    expect(subtract("2026-12-01T08:30:00.000Z", 60, longWeekend)).toBe("2026-11-26T16:30:00.000Z");
    expect(add("2026-11-28T10:00:00.000Z", 0, longWeekend)).toBe("2026-12-01T08:00:00.000Z");
  });

  it("mixes single dates and ranges, overlapping ones too", () => {
    const yearEnd: WindowsCalendar = {
      ...split,
      holidays: ["2026-12-24", { from: "2026-12-25", to: "2026-12-26" }, "2026-12-28", { from: "2026-12-31", to: "2027-01-01" }, "2026-12-25"],
    };
    // Wednesday 16:30 + 60: 30 min Wednesday; Thursday to Saturday and Monday are holidays; Tuesday 08:00 + 30.
    expect(add("2026-12-23T16:30:00.000Z", 60, yearEnd)).toBe("2026-12-29T08:30:00.000Z");
    // Wednesday, Tuesday 29 and Wednesday 30 are the only business days up to Saturday 2027-01-02.
    expect(between("2026-12-23T00:00:00.000Z", "2027-01-02T00:00:00.000Z", yearEnd)).toBe(24 * H);
  });

  it("takes a one-day range as that day", () => {
    const christmas: WindowsCalendar = { ...split, holidays: [{ from: "2026-12-25", to: "2026-12-25" }] };
    expect(add("2026-12-24T16:30:00.000Z", 60, christmas)).toBe("2026-12-26T09:30:00.000Z");
  });

  it("matches ranges against the calendar's local dates", () => {
    // Chicago, Thanksgiving Thursday and Friday: Wednesday 16:30 CST (22:30Z) + 60 → Saturday 09:30 CST (15:30Z).
    const thanksgiving: WindowsCalendar = { ...office("America/Chicago"), holidays: [{ from: "2026-11-26", to: "2026-11-27" }] };
    expect(add("2026-11-25T22:30:00.000Z", 60, thanksgiving)).toBe("2026-11-28T15:30:00.000Z");
  });

  it("are accepted by the one-window-a-day shape too", () => {
    const closedOverChristmas: CalendarData = { ...DEFAULT_CALENDAR, holidays: [{ from: "2026-12-24", to: "2026-12-28" }] };
    expect(add("2026-12-23T17:30:00.000Z", 60, closedOverChristmas)).toBe("2026-12-29T08:30:00.000Z");
  });

  it("throw rather than loop when no business hours come within ten years", () => {
    const closed: WindowsCalendar = { ...split, holidays: [{ from: "2026-01-01", to: "2037-12-31" }] };
    expect(() => add("2026-06-01T10:00:00.000Z", 1, closed)).toThrow("Support calendar has no business hours in the next ten years.");
    expect(() => subtract("2036-06-01T10:00:00.000Z", 1, closed)).toThrow("Support calendar has no business hours in the last ten years.");
  });
});

describe("add, subtract and between agree", () => {
  const calendars: [string, CalendarData, string][] = [
    ["split UTC, long weekend", { ...split, holidays: [{ from: "2026-11-27", to: "2026-11-30" }] }, "2026-11-20T00:00:00.000Z"],
    ["Berlin office, Easter", { ...office("Europe/Berlin"), holidays: ["2026-04-03", { from: "2026-04-05", to: "2026-04-06" }] }, "2026-03-23T00:00:00.000Z"],
    ["Berlin nights, autumn", nights("Europe/Berlin"), "2026-10-19T00:00:00.000Z"],
    ["Chicago nights, spring", nights("America/Chicago"), "2026-03-02T00:00:00.000Z"],
    ["Chicago office, autumn", office("America/Chicago"), "2026-10-26T00:00:00.000Z"],
  ];

  it.each(calendars)("%s: every 37 minutes over two weeks", (_name, calendar, from) => {
    const wrong: string[] = [];
    for (let start = Date.parse(from); start < Date.parse(from) + 14 * 24 * 60 * MINUTE; start += 37 * MINUTE) {
      const at = new Date(start);
      const opening = addBusinessMinutes(at, 0, calendar).getTime();
      let previous = opening;
      for (const minutes of [1, 45, 240, 600, 2000]) {
        const end = addBusinessMinutes(at, minutes, calendar);
        const back = subtractBusinessMinutes(end, minutes, calendar);
        const label = `${at.toISOString()} ${minutes} min`;
        if (businessSecondsBetween(at, end, calendar) !== minutes * 60) wrong.push(`${label}: between`);
        if (back.getTime() !== opening) wrong.push(`${label}: subtract gives ${back.toISOString()}`);
        if (addBusinessMinutes(back, minutes, calendar).getTime() !== end.getTime()) wrong.push(`${label}: add after subtract`);
        if (end.getTime() <= previous) wrong.push(`${label}: not after the shorter target`);
        previous = end.getTime();
      }
    }
    expect(wrong).toEqual([]);
  });

  it("gives the one-window-a-day shape and its windows the same answers", () => {
    const asWindows: WindowsCalendar = { timeZone: "UTC", windows: on(WEEKDAYS, "08:00-18:00"), holidays: [] };
    const wrong: string[] = [];
    for (let start = Date.parse("2026-11-20T00:00:00.000Z"); start < Date.parse("2026-12-04T00:00:00.000Z"); start += 37 * MINUTE) {
      for (const minutes of [0, 45, 600, 2000]) {
        const a = addBusinessMinutes(new Date(start), minutes, DEFAULT_CALENDAR).getTime();
        const b = addBusinessMinutes(new Date(start), minutes, asWindows).getTime();
        if (a !== b) wrong.push(`${new Date(start).toISOString()} + ${minutes}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});

describe("validateCalendar with opening windows and holiday ranges", () => {
  const hours = "opening hours must satisfy 0 ≤ opens < closes ≤ 24:00";
  const calendar = (windows: OpeningWindow[], holidays: WindowsCalendar["holidays"] = []): WindowsCalendar => ({ timeZone: "UTC", windows, holidays });

  it("accepts several windows a day, touching windows, a window to 24:00 and 24×7", () => {
    expect(validateCalendar(split)).toEqual([]);
    expect(validateCalendar(calendar(on([1], "08:00-12:00", "12:00-13:00")))).toEqual([]);
    expect(validateCalendar(calendar(on([5], "18:00-24:00")))).toEqual([]);
    expect(validateCalendar(allWeek("America/Chicago"))).toEqual([]);
    expect(validateCalendar(calendar(on([1], "08:00-12:00"), ["2026-12-24", { from: "2026-12-24", to: "2026-12-24" }]))).toEqual([]);
  });

  it("reports overlapping windows of one weekday, not of different ones", () => {
    expect(validateCalendar(calendar(on([1], "08:00-12:00", "11:00-13:00")))).toEqual(["windows 1 and 2 overlap on Monday"]);
    expect(validateCalendar(calendar([...on([3], "11:00-13:00"), ...on([3], "08:00-12:00")]))).toEqual(["windows 1 and 2 overlap on Wednesday"]);
    expect(validateCalendar(calendar(on([1], "08:00-18:00", "09:00-10:00", "11:00-12:00")))).toEqual([
      "windows 1 and 2 overlap on Monday",
      "windows 1 and 3 overlap on Monday",
    ]);
    expect(validateCalendar(calendar(on([1, 2], "08:00-12:00")))).toEqual([]);
  });

  it("reports a window that does not open before it closes", () => {
    expect(validateCalendar(calendar([{ weekday: 2, opensAtMinute: 600, closesAtMinute: 600 }]))).toEqual([`window 1 (Tuesday): ${hours}`]);
    expect(validateCalendar(calendar([{ weekday: 2, opensAtMinute: 700, closesAtMinute: 600 }]))).toEqual([`window 1 (Tuesday): ${hours}`]);
  });

  it("reports minutes outside 0 … 1440 and weekdays outside 1 … 7", () => {
    expect(validateCalendar(calendar([{ weekday: 1, opensAtMinute: -1, closesAtMinute: 600 }]))).toEqual([`window 1 (Monday): ${hours}`]);
    expect(validateCalendar(calendar([...on([1], "08:00-12:00"), { weekday: 7, opensAtMinute: 600, closesAtMinute: 1441 }]))).toEqual([
      `window 2 (Sunday): ${hours}`,
    ]);
    expect(validateCalendar(calendar([{ weekday: 1, opensAtMinute: Number.NaN, closesAtMinute: 600 }]))).toEqual([`window 1 (Monday): ${hours}`]);
    for (const weekday of [0, 8, 1.5]) {
      expect(validateCalendar(calendar([{ weekday, opensAtMinute: 480, closesAtMinute: 600 }]))).toEqual(["window 1: weekday must be 1 (Monday) … 7 (Sunday)"]);
    }
  });

  it("reports a calendar without windows", () => {
    expect(validateCalendar(calendar([]))).toEqual(["no opening windows"]);
  });

  it("reports an unknown time zone", () => {
    expect(validateCalendar({ ...split, timeZone: "Mars/Olympus_Mons" })).toEqual(["unknown time zone Mars/Olympus_Mons"]);
  });

  it("reports a range that ends before it starts and dates that are not dates", () => {
    expect(validateCalendar(calendar(on([1], "08:00-12:00"), [{ from: "2026-12-28", to: "2026-12-24" }]))).toEqual([
      "holiday 2026-12-28 to 2026-12-24 ends before it starts",
    ]);
    expect(validateCalendar(calendar(on([1], "08:00-12:00"), ["2026-02-30", { from: "2026-12-24", to: "soon" }]))).toEqual([
      "holiday 2026-02-30 is not a date as YYYY-MM-DD",
      "holiday 2026-12-24 to soon: dates as YYYY-MM-DD",
    ]);
  });

  it("reports every problem at once, the time zone first", () => {
    expect(validateCalendar({ timeZone: "Not/AZone", windows: on([1], "08:00-12:00", "10:00-14:00"), holidays: [{ from: "2027-01-02", to: "2027-01-01" }] })).toEqual([
      "unknown time zone Not/AZone",
      "windows 1 and 2 overlap on Monday",
      "holiday 2027-01-02 to 2027-01-01 ends before it starts",
    ]);
  });

  it("makes the arithmetic throw", () => {
    expect(() => add("2026-11-23T10:00:00.000Z", 30, calendar(on([1], "08:00-12:00", "11:00-13:00")))).toThrow(
      "Invalid support calendar: windows 1 and 2 overlap on Monday",
    );
  });
});
