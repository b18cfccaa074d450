import type { Actor } from "@/lib/actor";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { ZCalendarRef } from "@/lib/validation/calendar";
import { parseInput } from "@/lib/validation/parse";
import type { VerbInput } from "@/lib/validation/unchecked";
import { requireAdminRead } from "./authorize";
import { CALENDAR_SELECT, CALENDAR_VERSION_SELECT, calendarVersionView, calendarView, type CalendarVersionView, type CalendarView } from "./calendar-view";

/** Every calendar with its version in force, the built-in 24×7 first, then by name (admins and managers). */
export async function listCalendars(actor: Actor): Promise<CalendarView[]> {
  requireAdminRead(actor);
  const rows = await db().supportCalendar.findMany({ orderBy: [{ builtIn: "desc" }, { name: "asc" }, { slug: "asc" }], select: CALENDAR_SELECT });
  return Promise.all(rows.map((row) => calendarView(db(), row)));
}

export async function getCalendar(actor: Actor, slug: VerbInput<typeof ZCalendarRef.shape.slug>): Promise<CalendarView> {
  requireAdminRead(actor);
  const row = await db().supportCalendar.findUnique({ where: { slug: parseInput(ZCalendarRef, { slug }).slug }, select: CALENDAR_SELECT });
  if (!row) throw notFound("Calendar");
  return calendarView(db(), row);
}

/** A calendar's versions, newest first. */
export async function listCalendarVersions(actor: Actor, slug: VerbInput<typeof ZCalendarRef.shape.slug>): Promise<CalendarVersionView[]> {
  requireAdminRead(actor);
  const row = await db().supportCalendar.findUnique({
    where: { slug: parseInput(ZCalendarRef, { slug }).slug },
    select: { versions: { orderBy: { version: "desc" }, select: CALENDAR_VERSION_SELECT } },
  });
  if (!row) throw notFound("Calendar");
  return row.versions.map(calendarVersionView);
}
