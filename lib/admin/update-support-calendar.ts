import type { Actor } from "@/lib/actor";
import { db } from "@/lib/db/client";
import { parseInput } from "@/lib/validation/parse";
import { minuteOfDay, ZSupportCalendar } from "@/lib/validation/support-calendar";
import { requireAdminWrite } from "./authorize";
import { readSupportCalendar } from "./get-support-calendar";
import { recordAuditEvent } from "./record-audit-event";

/**
 * Replaces the support calendar's time zone, hours and holidays, and sets its auto-close days when given (admins). Business-hours due times
 * computed from now on use it; due times already stored on tickets stay until their next change.
 */
export async function updateSupportCalendar(actor: Actor, input: unknown) {
  requireAdminWrite(actor);
  const data = parseInput(ZSupportCalendar, input);
  return db().$transaction(async (tx) => {
    const { id, name, ...before } = await readSupportCalendar(tx);
    await tx.$executeRaw`SELECT 1 FROM "SupportCalendar" WHERE "id" = ${id} FOR UPDATE`;
    await tx.supportCalendar.update({
      where: { id },
      data: { timeZone: data.timeZone, workdays: [...new Set(data.workdays)].sort(), opensAtMinute: minuteOfDay(data.opensAt), closesAtMinute: minuteOfDay(data.closesAt), autoCloseBusinessDays: data.autoCloseBusinessDays },
    });
    await tx.calendarHoliday.deleteMany({ where: { calendarId: id } });
    await tx.calendarHoliday.createMany({ data: data.holidays.map((h) => ({ calendarId: id, date: new Date(`${h.date}T00:00:00Z`), name: h.name })) });
    const after = await readSupportCalendar(tx);
    await recordAuditEvent(tx, actor, { entity: "SupportCalendar", entityId: id, action: "update", before, after: { timeZone: after.timeZone, workdays: after.workdays, opensAt: after.opensAt, closesAt: after.closesAt, holidays: after.holidays, autoCloseBusinessDays: after.autoCloseBusinessDays } });
    return { ...after, name };
  });
}
