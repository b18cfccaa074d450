import type { Transaction } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import type { HolidayRange, OpeningWindow } from "@/lib/calendar/business-hours";
import { timeOfDay } from "@/lib/validation/support-calendar";

/** One published version of a calendar, as the admin page and API show it. */
export interface CalendarVersionView {
  version: number;
  publishedAt: string;
  /** The admin's user ID; null for a version made by a migration or the seed. */
  publishedBy: string | null;
  note: string;
  timeZone: string;
  windows: { weekday: number; opensAt: string; closesAt: string }[];
  holidays: { from: string; to: string; name: string }[];
}

export interface CalendarView extends CalendarVersionView {
  slug: string;
  name: string;
  /** The 24×7 calendar: always open; it cannot be edited or deleted. */
  builtIn: boolean;
  /** Who runs clocks on it: organizations (customer clock), groups (tier budgets), the matrix (the default). */
  usedBy: { organizations: string[]; groups: string[]; matrix: boolean };
}

export const CALENDAR_VERSION_SELECT = {
  version: true,
  publishedAt: true,
  note: true,
  timeZone: true,
  windows: true,
  holidays: true,
  publishedBy: { select: { userId: true } },
} satisfies Prisma.CalendarVersionSelect;

export const CALENDAR_SELECT = {
  id: true,
  slug: true,
  name: true,
  builtIn: true,
  versions: { orderBy: { version: "desc" }, take: 1, select: CALENDAR_VERSION_SELECT },
  organizations: { orderBy: { slug: "asc" }, select: { slug: true } },
  groups: { orderBy: { slug: "asc" }, select: { slug: true } },
  matrixVersions: { orderBy: { version: "desc" }, take: 1, select: { version: true } },
} satisfies Prisma.SupportCalendarSelect;

type VersionRow = Prisma.CalendarVersionGetPayload<{ select: typeof CALENDAR_VERSION_SELECT }>;
type CalendarRow = Prisma.SupportCalendarGetPayload<{ select: typeof CALENDAR_SELECT }>;

export function calendarVersionView(v: VersionRow): CalendarVersionView {
  const windows = v.windows as unknown as OpeningWindow[];
  const holidays = v.holidays as unknown as Required<HolidayRange>[];
  return {
    version: v.version,
    publishedAt: v.publishedAt.toISOString(),
    publishedBy: v.publishedBy?.userId ?? null,
    note: v.note,
    timeZone: v.timeZone,
    windows: windows.map((w) => ({ weekday: w.weekday, opensAt: timeOfDay(w.opensAtMinute), closesAt: timeOfDay(w.closesAtMinute) })),
    holidays: holidays.map((h) => ({ from: h.from, to: h.to, name: h.name })),
  };
}

/**
 * A calendar with its version in force. `matrix`: the newest matrix version runs on it (the default calendar);
 * an older version's calendar is not "used" for new decisions.
 */
export async function calendarView(tx: Transaction, row: CalendarRow): Promise<CalendarView> {
  const newest = await tx.priorityMatrixVersion.findFirst({ orderBy: { version: "desc" }, select: { calendarId: true } });
  return {
    slug: row.slug,
    name: row.name,
    builtIn: row.builtIn,
    ...calendarVersionView(row.versions[0]!),
    usedBy: { organizations: row.organizations.map((o) => o.slug), groups: row.groups.map((g) => g.slug), matrix: newest?.calendarId === row.id },
  };
}
