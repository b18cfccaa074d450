import type { Actor } from "@/lib/actor";
import type { Transaction } from "@/lib/db/client";
import { db } from "@/lib/db/client";
import type { HolidayRange, OpeningWindow } from "@/lib/calendar/business-hours";
import { timeOfDay, type SupportCalendarInput } from "@/lib/validation/support-calendar";
import { requireAdminRead } from "./authorize";

const DAY_MS = 86_400_000;

/**
 * The default calendar (the one the current matrix version runs on) in the support calendar's older, daily
 * shape: one window per workday. A calendar with several windows a day shows its first opening and last
 * closing; its windows are in `/api/v1/admin/calendars/{slug}`. Holiday ranges are listed day by day.
 */
export async function readSupportCalendar(tx: Transaction): Promise<SupportCalendarInput & { id: string; slug: string; name: string; autoCloseBusinessDays: number }> {
  const current = await tx.priorityMatrixVersion.findFirstOrThrow({
    orderBy: { version: "desc" },
    select: { calendar: { select: { id: true, slug: true, name: true, autoCloseBusinessDays: true, versions: { orderBy: { version: "desc" }, take: 1 } } } },
  });
  const c = current.calendar;
  const version = c.versions[0]!;
  const windows = version.windows as unknown as OpeningWindow[];
  const holidays = version.holidays as unknown as Required<HolidayRange>[];
  return {
    id: c.id,
    slug: c.slug,
    name: c.name,
    timeZone: version.timeZone,
    workdays: [...new Set(windows.map((w) => w.weekday))].sort(),
    opensAt: timeOfDay(Math.min(...windows.map((w) => w.opensAtMinute))),
    closesAt: timeOfDay(Math.max(...windows.map((w) => w.closesAtMinute))),
    holidays: holidays.flatMap((h) => daysOf(h.from, h.to).map((date) => ({ date, name: h.name }))),
    autoCloseBusinessDays: c.autoCloseBusinessDays,
  };
}

function daysOf(from: string, to: string): string[] {
  const days: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += DAY_MS) days.push(new Date(t).toISOString().slice(0, 10));
  return days;
}

export async function getSupportCalendar(actor: Actor) {
  requireAdminRead(actor);
  return readSupportCalendar(db());
}
