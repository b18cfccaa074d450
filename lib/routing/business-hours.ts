// Business-hours arithmetic in the support calendar's own time zone (daylight saving included),
// with Intl only: no date library needed for wall-clock ⇄ instant conversion.

export interface CalendarData {
  /** IANA zone, e.g. "UTC" or "Europe/Berlin". */
  timeZone: string;
  /** ISO weekdays: 1 = Monday … 7 = Sunday. */
  workdays: number[];
  opensAtMinute: number;
  closesAtMinute: number;
  /** Local dates, "YYYY-MM-DD". */
  holidays: string[];
}

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

function nextDate({ year, month, day }: LocalDate): LocalDate {
  const d = new Date(Date.UTC(year, month - 1, day + 1));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function isoDate({ year, month, day }: LocalDate): string {
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

function isoWeekday({ year, month, day }: LocalDate): number {
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return weekday === 0 ? 7 : weekday;
}

export function validateCalendar(calendar: CalendarData): string[] {
  const problems: string[] = [];
  try {
    formatter(calendar.timeZone);
  } catch {
    problems.push(`unknown time zone ${calendar.timeZone}`);
  }
  if (!calendar.workdays.some((d) => Number.isInteger(d) && d >= 1 && d <= 7)) problems.push("no workdays");
  if (!(calendar.opensAtMinute >= 0 && calendar.opensAtMinute < calendar.closesAtMinute && calendar.closesAtMinute <= 24 * 60)) {
    problems.push("opening hours must satisfy 0 ≤ opens < closes ≤ 24:00");
  }
  return problems;
}

/** Ten years of days: a calendar whose every day is a holiday must not loop for ever. */
const MAX_DAYS = 3660;

interface PreparedCalendar {
  holidays: Set<string>;
  workdays: Set<number>;
}

// A sweep does this arithmetic for thousands of tickets on the same few calendar objects: check and index each once.
const prepared = new WeakMap<CalendarData, PreparedCalendar>();

function prepare(calendar: CalendarData): PreparedCalendar {
  let p = prepared.get(calendar);
  if (!p) {
    const problems = validateCalendar(calendar);
    if (problems.length) throw new Error(`Invalid support calendar: ${problems.join("; ")}`);
    p = { holidays: new Set(calendar.holidays), workdays: new Set(calendar.workdays) };
    prepared.set(calendar, p);
  }
  return p;
}

/** `start` plus `minutes` of business time. Time outside opening hours and on holidays does not count. */
export function addBusinessMinutes(start: Date, minutes: number, calendar: CalendarData): Date {
  const { holidays, workdays } = prepare(calendar);
  let remaining = Math.max(0, minutes) * MINUTE;
  let t = start.getTime();
  let date = localDateOf(t, calendar.timeZone);
  for (let i = 0; i < MAX_DAYS; i++) {
    if (workdays.has(isoWeekday(date)) && !holidays.has(isoDate(date))) {
      const opens = localTimeToInstant(date, calendar.opensAtMinute, calendar.timeZone);
      const closes = localTimeToInstant(date, calendar.closesAtMinute, calendar.timeZone);
      if (t < opens) t = opens;
      if (t < closes) {
        if (remaining <= closes - t) return new Date(t + remaining);
        remaining -= closes - t;
        t = closes;
      }
    }
    date = nextDate(date);
    t = Math.max(t, localTimeToInstant(date, 0, calendar.timeZone));
  }
  throw new Error("Support calendar has no business hours in the next ten years.");
}

function previousDate({ year, month, day }: LocalDate): LocalDate {
  const d = new Date(Date.UTC(year, month - 1, day - 1));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/**
 * The latest instant from which `minutes` of business time have passed by `end`: the inverse of
 * `addBusinessMinutes`, so `businessSecondsBetween(result, end)` is `minutes` × 60 whenever a result exists
 * (a start outside opening hours counts from the next opening, so the latest such start is in business hours).
 */
export function subtractBusinessMinutes(end: Date, minutes: number, calendar: CalendarData): Date {
  const { holidays, workdays } = prepare(calendar);
  let remaining = Math.max(0, minutes) * MINUTE;
  let t = end.getTime();
  if (remaining === 0) return end;
  let date = localDateOf(t, calendar.timeZone);
  for (let i = 0; i < MAX_DAYS; i++) {
    if (workdays.has(isoWeekday(date)) && !holidays.has(isoDate(date))) {
      const opens = localTimeToInstant(date, calendar.opensAtMinute, calendar.timeZone);
      const closes = localTimeToInstant(date, calendar.closesAtMinute, calendar.timeZone);
      if (t > closes) t = closes;
      if (t > opens) {
        if (remaining <= t - opens) return new Date(t - remaining);
        remaining -= t - opens;
        t = opens;
      }
    }
    t = Math.min(t, localTimeToInstant(date, 0, calendar.timeZone));
    date = previousDate(date);
  }
  throw new Error("Support calendar has no business hours in the last ten years.");
}

/** Business time between two instants, in seconds (0 when `end` is not after `start`). */
export function businessSecondsBetween(start: Date, end: Date, calendar: CalendarData): number {
  const { holidays, workdays } = prepare(calendar);
  const from = start.getTime();
  const to = end.getTime();
  if (to <= from) return 0;
  let total = 0;
  let date = localDateOf(from, calendar.timeZone);
  for (let i = 0; i < MAX_DAYS; i++) {
    const dayStart = localTimeToInstant(date, 0, calendar.timeZone);
    if (dayStart >= to) break;
    if (workdays.has(isoWeekday(date)) && !holidays.has(isoDate(date))) {
      const opens = Math.max(from, localTimeToInstant(date, calendar.opensAtMinute, calendar.timeZone));
      const closes = Math.min(to, localTimeToInstant(date, calendar.closesAtMinute, calendar.timeZone));
      if (closes > opens) total += closes - opens;
    }
    date = nextDate(date);
  }
  return Math.floor(total / 1000);
}
