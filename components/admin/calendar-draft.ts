// The calendar editor's state: opening windows grouped by weekday (as a person reads them), holidays as rows,
// and how that becomes ZCreateCalendar / ZPublishCalendar's input, with the schema's field errors mapped back.

export const WEEKDAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"] as const;

export interface WindowRow {
  opensAt: string;
  closesAt: string;
}

export interface HolidayRow {
  from: string;
  /** Empty: a single day. */
  to: string;
  name: string;
}

export interface CalendarDraft {
  slug: string;
  name: string;
  timeZone: string;
  /** Index 0 = Monday … 6 = Sunday. */
  days: WindowRow[][];
  holidays: HolidayRow[];
  note: string;
}

/** A published version (or a new calendar's starting point) as the editor's state. */
export function draftOf(c: { slug?: string; name: string; timeZone: string; windows: { weekday: number; opensAt: string; closesAt: string }[]; holidays: { from: string; to: string; name: string }[] }): CalendarDraft {
  return {
    slug: c.slug ?? "",
    name: c.name,
    timeZone: c.timeZone,
    days: WEEKDAY_NAMES.map((_, i) => c.windows.filter((w) => w.weekday === i + 1).map(({ opensAt, closesAt }) => ({ opensAt, closesAt }))),
    holidays: c.holidays.map((h) => ({ from: h.from, to: h.to === h.from ? "" : h.to, name: h.name })),
    note: "",
  };
}

/** The first version a new calendar starts from: Monday to Friday, 09:00–17:00 UTC. */
export const NEW_CALENDAR: CalendarDraft = {
  slug: "",
  name: "",
  timeZone: "UTC",
  days: WEEKDAY_NAMES.map((_, i) => (i < 5 ? [{ opensAt: "09:00", closesAt: "17:00" }] : [])),
  holidays: [],
  note: "",
};

/** The windows in the order the input lists them: Monday's first. Row r of day d is window `flatIndex(d, r)` (0-based). */
export function flatWindows(days: WindowRow[][]) {
  return days.flatMap((rows, d) => rows.map((r) => ({ weekday: d + 1, opensAt: r.opensAt.trim(), closesAt: r.closesAt.trim() })));
}

export function flatIndex(days: WindowRow[][], day: number, row: number): number {
  return days.slice(0, day).reduce((n, rows) => n + rows.length, 0) + row;
}

/** The schema's input; `slug` only for a new calendar. */
export function inputOf(draft: CalendarDraft, withSlug: boolean) {
  return {
    ...(withSlug ? { slug: draft.slug.trim() } : {}),
    name: draft.name,
    timeZone: draft.timeZone,
    windows: flatWindows(draft.days),
    holidays: draft.holidays.map((h) => ({ from: h.from, ...(h.to.trim() ? { to: h.to } : {}), name: h.name })),
    ...(draft.note.trim() ? { note: draft.note } : {}),
  };
}

/** A slug suggested by a name: "Berlin desk" → "berlin-desk". */
export function slugOf(name: string): string {
  return name
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/, "");
}

/**
 * The whole-list window problems ("Windows 1 and 2 overlap on Monday.") by the weekday they name (index 0–6),
 * the rest under -1; and the 0-based windows they name, to mark those rows.
 */
export function windowProblems(messages: string[] | undefined): { byDay: Map<number, string[]>; rows: Set<number> } {
  const byDay = new Map<number, string[]>();
  const rows = new Set<number>();
  for (const message of messages ?? []) {
    const day = WEEKDAY_NAMES.findIndex((name) => message.includes(name));
    byDay.set(day, [...(byDay.get(day) ?? []), message]);
    const named = /^windows? (\d+)(?: and (\d+))?/i.exec(message);
    if (named) for (const n of named.slice(1)) if (n) rows.add(Number(n) - 1);
  }
  return { byDay, rows };
}
