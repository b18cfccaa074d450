import type { Actor } from "@/lib/actor";
import type { Transaction } from "@/lib/db/client";
import { db } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors";
import type { CalendarData } from "@/lib/calendar/business-hours";
import { calendarOfInput, ZCalendarRef, ZPublishCalendar } from "@/lib/validation/calendar";
import { parseInput } from "@/lib/validation/parse";
import type { VerbInput } from "@/lib/validation/unchecked";
import { requireAdminWrite } from "./authorize";
import { CALENDAR_SELECT, calendarView, type CalendarView } from "./calendar-view";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";

/**
 * Publishes a calendar's next version (admins): from now on every clock that runs on it counts its new hours.
 * Due times already on tickets stay as computed until the ticket's next change, and earlier versions stay
 * readable, so no past breach is rewritten. The built-in 24×7 calendar cannot change (409). Audited.
 */
export async function publishCalendarVersion(actor: Actor, slug: VerbInput<typeof ZCalendarRef.shape.slug>, input: VerbInput<typeof ZPublishCalendar>): Promise<CalendarView> {
  requireAdminWrite(actor);
  const ref = parseInput(ZCalendarRef, { slug });
  const data = parseInput(ZPublishCalendar, input);
  return db().$transaction((tx) => publishLocked(tx, actor, ref.slug, { name: data.name, note: data.note ?? "", hours: calendarOfInput(data) }));
}

/** The next version of the calendar `slug`, its row locked so that concurrent publications number one after another. */
export async function publishLocked(
  tx: Transaction,
  actor: Actor,
  slug: string,
  next: { name: string; note: string; hours: CalendarData & { windows: object[] }; autoCloseBusinessDays?: number },
): Promise<CalendarView> {
  const [locked] = await tx.$queryRaw<{ id: string; builtIn: boolean }[]>`SELECT "id", "builtIn" FROM "SupportCalendar" WHERE "slug" = ${slug} FOR UPDATE`;
  if (!locked) throw notFound("Calendar");
  if (locked.builtIn) throw new AppError("CONFLICT", "The 24×7 calendar is built in: it is always open and cannot be changed.");
  const before = await calendarView(tx, await tx.supportCalendar.findUniqueOrThrow({ where: { id: locked.id }, select: CALENDAR_SELECT }));
  const { timeZone, windows, holidays } = next.hours;
  const row = await tx.supportCalendar.update({
    where: { id: locked.id },
    data: {
      name: next.name,
      autoCloseBusinessDays: next.autoCloseBusinessDays,
      versions: { create: { version: before.version + 1, timeZone, windows, holidays: holidays as object[], note: next.note, publishedById: actor.id } },
    },
    select: CALENDAR_SELECT,
  });
  const after = await calendarView(tx, row);
  await recordAuditEvent(tx, actor, { entity: "SupportCalendar", entityId: locked.id, action: "publish", before, after });
  return after;
}
