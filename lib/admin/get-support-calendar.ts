import type { Actor } from "@/lib/actor";
import type { Transaction } from "@/lib/db/client";
import { db } from "@/lib/db/client";
import { timeOfDay, type SupportCalendarInput } from "@/lib/validation/support-calendar";
import { requireAdminRead } from "./authorize";

/** The calendar the current matrix version runs on, in the editor's shape (with its id). */
export async function readSupportCalendar(tx: Transaction): Promise<SupportCalendarInput & { id: string; name: string; autoCloseBusinessDays: number }> {
  const current = await tx.priorityMatrixVersion.findFirstOrThrow({
    orderBy: { version: "desc" },
    select: { calendar: { include: { holidays: { orderBy: { date: "asc" } } } } },
  });
  const c = current.calendar;
  return {
    id: c.id,
    name: c.name,
    timeZone: c.timeZone,
    workdays: [...c.workdays].sort(),
    opensAt: timeOfDay(c.opensAtMinute),
    closesAt: timeOfDay(c.closesAtMinute),
    holidays: c.holidays.map((h) => ({ date: h.date.toISOString().slice(0, 10), name: h.name })),
    autoCloseBusinessDays: c.autoCloseBusinessDays,
  };
}

export async function getSupportCalendar(actor: Actor) {
  requireAdminRead(actor);
  return readSupportCalendar(db());
}
