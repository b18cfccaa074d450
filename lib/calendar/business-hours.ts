// Business-hours arithmetic in a calendar's own time zone (daylight saving included), with Intl only:
// no date library needed for wall-clock ⇄ instant conversion. The calendar's shape: calendar-windows.ts.

import { DAY_MS, calendarHoursProblems, normalCalendar, openMinutesOn, type CalendarData, type NormalCalendar } from "@/lib/calendar/calendar-windows";

export type { CalendarData, DailyHoursCalendar, Holiday, HolidayRange, OpeningWindow, WindowsCalendar } from "@/lib/calendar/calendar-windows";

interface LocalDate {
  year: number;
  month: number;
  day: number;
}

const MINUTE = 60_000;
// Local dates and opening/closing instants repeat across tickets and sweeps: remember them (Intl is slow).
const INSTANT_CACHE_LIMIT = 50_000;
const instants = new Map<string, Map<number, number>>();
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

function wallClock(instant: number, timeZone: string) {
  const parts: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(new Date(instant))) {
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  }
  return parts as { year: number; month: number; day: number; hour: number; minute: number; second: number };
}

/** Local time minus UTC, in ms, at an instant. */
function offsetAt(instant: number, timeZone: string): number {
  const w = wallClock(instant, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(instant / 1000) * 1000;
}


/** The cache of one time zone's instants or dates (a sweep asks for the same few thousands of times). */
function cacheOf<T>(caches: Map<string, Map<number, T>>, timeZone: string): Map<number, T> {
  let cache = caches.get(timeZone);
  if (!cache) {
    cache = new Map();
    caches.set(timeZone, cache);
  }
  if (cache.size >= INSTANT_CACHE_LIMIT) cache.clear();
  return cache;
}

/** The instant at which the local clock shows `minuteOfDay` on `date`. */
export function localTimeToInstant(date: LocalDate, minuteOfDay: number, timeZone: string): number {
  const cache = cacheOf(instants, timeZone);
  const key = ((date.year * 13 + date.month) * 32 + date.day) * 1441 + minuteOfDay;
  const known = cache.get(key);
  if (known !== undefined) return known;
  const guess = Date.UTC(date.year, date.month - 1, date.day, 0, minuteOfDay);
  const first = guess - offsetAt(guess, timeZone);
  let instant = guess - offsetAt(first, timeZone);
  // A local time the clock skips (spring forward) has no instant of its own: it is the jump, so that a
  // window opening or closing in the gap keeps its real length and the day's boundaries stay in order.
  if (instant !== first && guess - instant !== offsetAt(instant, timeZone)) {
    instant = offsetChange(Math.min(first, instant), Math.max(first, instant), timeZone);
  }
  cache.set(key, instant);
  return instant;
}

/** The first instant after `before` (to the minute) with the offset of `after`: the zone's offset changes between them. */
function offsetChange(before: number, after: number, timeZone: string): number {
  const offset = offsetAt(after, timeZone);
  while (after - before > MINUTE) {
    const mid = before + Math.max(1, Math.floor((after - before) / (2 * MINUTE))) * MINUTE;
    if (offsetAt(mid, timeZone) === offset) after = mid;
    else before = mid;
  }
  return after;
}

const QUARTER_HOUR = 15 * MINUTE;
const dates = new Map<string, Map<number, LocalDate>>();

/** The local calendar date at an instant. UTC offsets are whole quarter hours, so the date is constant within one. */
export function localDateOf(instant: number, timeZone: string): LocalDate {
  const cache = cacheOf(dates, timeZone);
  const key = Math.floor(instant / QUARTER_HOUR);
  const known = cache.get(key);
  if (known) return known;
  const { year, month, day } = wallClock(instant, timeZone);
  const date = { year, month, day };
  cache.set(key, date);
  return date;
}

export function isoDate({ year, month, day }: LocalDate): string {
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** Days since 1970-01-01 of the local date at an instant. */
function localDay(instant: number, timeZone: string): number {
  const { year, month, day } = localDateOf(instant, timeZone);
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

export function validateCalendar(calendar: CalendarData): string[] {
  const problems: string[] = [];
  try {
    formatter(calendar.timeZone);
  } catch {
    problems.push(`unknown time zone ${calendar.timeZone}`);
  }
  return [...problems, ...calendarHoursProblems(calendar)];
}

/** Ten years of days: a calendar whose every day is a holiday must not loop for ever. */
const MAX_DAYS = 3660;
const DAY_CACHE_LIMIT = 10_000;

interface PreparedCalendar extends NormalCalendar {
  timeZone: string;
  /** Per day (days since 1970-01-01), its open intervals as [opens, closes, …] instants in ms. */
  days: Map<number, readonly number[]>;
}

// A sweep does this arithmetic for thousands of tickets on the same few calendar objects: check and index each once.
const prepared = new WeakMap<CalendarData, PreparedCalendar>();

function prepare(calendar: CalendarData): PreparedCalendar {
  let p = prepared.get(calendar);
  if (!p) {
    const problems = validateCalendar(calendar);
    if (problems.length) throw new Error(`Invalid support calendar: ${problems.join("; ")}`);
    p = { ...normalCalendar(calendar), timeZone: calendar.timeZone, days: new Map() };
    prepared.set(calendar, p);
  }
  return p;
}

/** The day's open intervals as instants, in order; none on a closed day. */
function openIntervals(p: PreparedCalendar, day: number): readonly number[] {
  let open = p.days.get(day);
  if (open === undefined) {
    const minutes = openMinutesOn(p, day);
    const d = new Date(day * DAY_MS);
    const date = { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
    const instants: number[] = [];
    for (let k = 0; k < minutes.length; k += 2) {
      const opens = localTimeToInstant(date, minutes[k]!, p.timeZone);
      const closes = localTimeToInstant(date, minutes[k + 1]!, p.timeZone);
      if (closes > opens) instants.push(opens, closes);
    }
    open = instants;
    if (p.days.size >= DAY_CACHE_LIMIT) p.days.clear();
    p.days.set(day, open);
  }
  return open;
}

/** `start` plus `minutes` of business time. Time outside opening hours and on holidays does not count. */
export function addBusinessMinutes(start: Date, minutes: number, calendar: CalendarData): Date {
  const p = prepare(calendar);
  let remaining = Math.max(0, minutes) * MINUTE;
  let t = start.getTime();
  let day = localDay(t, p.timeZone);
  for (let i = 0; i < MAX_DAYS; i++, day++) {
    const open = openIntervals(p, day);
    for (let k = 0; k < open.length; k += 2) {
      const closes = open[k + 1]!;
      t = Math.max(t, open[k]!);
      if (t < closes) {
        if (remaining <= closes - t) return new Date(t + remaining);
        remaining -= closes - t;
        t = closes;
      }
    }
  }
  throw new Error("Support calendar has no business hours in the next ten years.");
}

/**
 * The latest instant from which `minutes` of business time have passed by `end`: the inverse of
 * `addBusinessMinutes`, so `businessSecondsBetween(result, end)` is `minutes` × 60 whenever a result exists
 * (a start outside opening hours counts from the next opening, so the latest such start is in business hours).
 */
export function subtractBusinessMinutes(end: Date, minutes: number, calendar: CalendarData): Date {
  const p = prepare(calendar);
  let remaining = Math.max(0, minutes) * MINUTE;
  let t = end.getTime();
  if (remaining === 0) return end;
  let day = localDay(t, p.timeZone);
  for (let i = 0; i < MAX_DAYS; i++, day--) {
    const open = openIntervals(p, day);
    for (let k = open.length - 2; k >= 0; k -= 2) {
      const opens = open[k]!;
      t = Math.min(t, open[k + 1]!);
      if (t > opens) {
        if (remaining <= t - opens) return new Date(t - remaining);
        remaining -= t - opens;
        t = opens;
      }
    }
  }
  throw new Error("Support calendar has no business hours in the last ten years.");
}

/** Business time between two instants, in seconds (0 when `end` is not after `start`). */
export function businessSecondsBetween(start: Date, end: Date, calendar: CalendarData): number {
  const p = prepare(calendar);
  const from = start.getTime();
  const to = end.getTime();
  if (to <= from) return 0;
  let total = 0;
  const last = localDay(to, p.timeZone);
  for (let day = localDay(from, p.timeZone), i = 0; day <= last && i < MAX_DAYS; day++, i++) {
    const open = openIntervals(p, day);
    for (let k = 0; k < open.length; k += 2) {
      const opens = Math.max(from, open[k]!);
      const closes = Math.min(to, open[k + 1]!);
      if (closes > opens) total += closes - opens;
    }
  }
  return Math.floor(total / 1000);
}
