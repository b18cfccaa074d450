// A calendar's opening hours and holidays as callers give them, their validation, and their normal form:
// per weekday a few windows in minutes of the local day, holidays as day numbers. Pure; the time zone's
// arithmetic lives in business-hours.ts.

export interface OpeningWindow {
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number;
  opensAtMinute: number;
  /** At most 1440 (24:00). */
  closesAtMinute: number;
}

/** Local dates "YYYY-MM-DD", both included. */
export interface HolidayRange {
  from: string;
  to: string;
  name?: string;
}

/** A local date "YYYY-MM-DD", or a range of them. */
export type Holiday = string | HolidayRange;

/** The same opening hours on every workday: the support calendar's shape, as its SQL builds it. */
export interface DailyHoursCalendar {
  /** IANA zone, e.g. "UTC" or "Europe/Berlin". */
  timeZone: string;
  /** ISO weekdays: 1 = Monday … 7 = Sunday. */
  workdays: number[];
  opensAtMinute: number;
  closesAtMinute: number;
  holidays: Holiday[];
  /** "slug v3": which calendar version this is, for the decision log. */
  label?: string;
  windows?: never;
}

/** One or more opening windows per weekday; windows of one weekday do not overlap. */
export interface WindowsCalendar {
  /** IANA zone, e.g. "UTC" or "Europe/Berlin". */
  timeZone: string;
  windows: OpeningWindow[];
  holidays: Holiday[];
  /** "slug v3": which calendar version this is, for the decision log. */
  label?: string;
  workdays?: never;
  opensAtMinute?: never;
  closesAtMinute?: never;
}

export type CalendarData = DailyHoursCalendar | WindowsCalendar;

export interface NormalCalendar {
  /** Index 0 = Monday … 6 = Sunday: the day's windows as [opens, closes, opens, closes, …] minutes, in order, touching windows joined. */
  week: number[][];
  /** Holidays as sorted, disjoint, inclusive day ranges [from, to, from, to, …] (days since 1970-01-01). */
  holidays: number[];
}

export const DAY_MS = 86_400_000;
const DAY_MINUTES = 24 * 60;
const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const HOURS = "opening hours must satisfy 0 ≤ opens < closes ≤ 24:00";
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const isWeekday = (d: number) => Number.isInteger(d) && d >= 1 && d <= 7;
const hoursAreValid = (opens: number, closes: number) => opens >= 0 && opens < closes && closes <= DAY_MINUTES;

/** Days since 1970-01-01 of a "YYYY-MM-DD" date; null when it is not one. */
function dayNumber(iso: string): number | null {
  const match = ISO_DATE.exec(iso);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.getTime() / DAY_MS;
}

/** Problems with the opening hours and holidays, in order (the time zone is checked where Intl is). */
export function calendarHoursProblems(calendar: CalendarData): string[] {
  const problems = calendar.windows !== undefined ? windowProblems(calendar.windows) : dailyHoursProblems(calendar);
  for (const holiday of calendar.holidays) {
    const problem = holidayProblem(holiday);
    if (problem) problems.push(problem);
  }
  return problems;
}

function dailyHoursProblems(calendar: DailyHoursCalendar): string[] {
  const problems: string[] = [];
  if (!calendar.workdays.some(isWeekday)) problems.push("no workdays");
  if (!hoursAreValid(calendar.opensAtMinute, calendar.closesAtMinute)) problems.push(HOURS);
  return problems;
}

function windowProblems(windows: OpeningWindow[]): string[] {
  if (windows.length === 0) return ["no opening windows"];
  const problems: string[] = [];
  const valid: { w: OpeningWindow; index: number }[] = [];
  windows.forEach((w, index) => {
    if (!isWeekday(w.weekday)) problems.push(`window ${index + 1}: weekday must be 1 (Monday) … 7 (Sunday)`);
    else if (!hoursAreValid(w.opensAtMinute, w.closesAtMinute)) problems.push(`window ${index + 1} (${WEEKDAYS[w.weekday - 1]}): ${HOURS}`);
    else valid.push({ w, index });
  });
  valid.sort((a, b) => a.w.weekday - b.w.weekday || a.w.opensAtMinute - b.w.opensAtMinute);
  // Against the window of the day that reaches latest so far, so that one long window overlapping two short ones shows both.
  let reach = valid[0];
  for (const next of valid.slice(1)) {
    if (reach && reach.w.weekday === next.w.weekday && next.w.opensAtMinute < reach.w.closesAtMinute) {
      const [first, second] = reach.index < next.index ? [reach.index, next.index] : [next.index, reach.index];
      problems.push(`windows ${first + 1} and ${second + 1} overlap on ${WEEKDAYS[next.w.weekday - 1]}`);
    }
    if (!reach || reach.w.weekday !== next.w.weekday || next.w.closesAtMinute > reach.w.closesAtMinute) reach = next;
  }
  return problems;
}

function holidayProblem(holiday: Holiday): string | null {
  if (typeof holiday === "string") return dayNumber(holiday) === null ? `holiday ${holiday} is not a date as YYYY-MM-DD` : null;
  const from = dayNumber(holiday.from);
  const to = dayNumber(holiday.to);
  const range = `holiday ${holiday.from} to ${holiday.to}`;
  if (from === null || to === null) return `${range}: dates as YYYY-MM-DD`;
  return from > to ? `${range} ends before it starts` : null;
}

/** The normal form of a calendar that `calendarHoursProblems` accepts. */
export function normalCalendar(calendar: CalendarData): NormalCalendar {
  const windows = calendar.windows !== undefined ? calendar.windows : dailyWindows(calendar);
  const week: number[][] = WEEKDAYS.map(() => []);
  for (const w of [...windows].sort((a, b) => a.opensAtMinute - b.opensAtMinute)) {
    const day = week[w.weekday - 1]!;
    if (day.length > 0 && day[day.length - 1] === w.opensAtMinute) day[day.length - 1] = w.closesAtMinute;
    else day.push(w.opensAtMinute, w.closesAtMinute);
  }
  const ranges = calendar.holidays
    .map((h): [number, number] => (typeof h === "string" ? [dayNumber(h)!, dayNumber(h)!] : [dayNumber(h.from)!, dayNumber(h.to)!]))
    .sort((a, b) => a[0] - b[0]);
  const holidays: number[] = [];
  for (const [from, to] of ranges) {
    const last = holidays.length - 1;
    if (last > 0 && from <= holidays[last]! + 1) holidays[last] = Math.max(holidays[last]!, to);
    else holidays.push(from, to);
  }
  return { week, holidays };
}

function dailyWindows({ workdays, opensAtMinute, closesAtMinute }: DailyHoursCalendar): OpeningWindow[] {
  return [...new Set(workdays.filter(isWeekday))].map((weekday) => ({ weekday, opensAtMinute, closesAtMinute }));
}

/** The opening windows of a day (days since 1970-01-01) in minutes, as in `NormalCalendar.week`; none on a holiday. */
export function openMinutesOn(calendar: NormalCalendar, day: number): readonly number[] {
  const windows = calendar.week[(((day + 3) % 7) + 7) % 7]!; // 1970-01-01 was a Thursday.
  return windows.length === 0 || isHoliday(calendar.holidays, day) ? NO_WINDOWS : windows;
}

const NO_WINDOWS: readonly number[] = [];

function isHoliday(holidays: number[], day: number): boolean {
  let lo = 0;
  let hi = holidays.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (day < holidays[2 * mid]!) hi = mid - 1;
    else if (day > holidays[2 * mid + 1]!) lo = mid + 1;
    else return true;
  }
  return false;
}
