import type { Actor } from "@/lib/actor";
import { db } from "@/lib/db/client";
import { parseInput } from "@/lib/validation/parse";
import type { VerbInput } from "@/lib/validation/unchecked";
import { minuteOfDay, ZSupportCalendar } from "@/lib/validation/support-calendar";
import { requireAdminWrite } from "./authorize";
import { readSupportCalendar } from "./get-support-calendar";
import { publishLocked } from "./publish-calendar-version";

/**
 * Publishes the default calendar's next version from the daily form (one window per workday), and sets its
 * auto-close days when given (admins). Business-hours due times computed from now on use it; due times already
 * stored on tickets stay until their next change.
 */
export async function updateSupportCalendar(actor: Actor, input: VerbInput<typeof ZSupportCalendar>) {
  requireAdminWrite(actor);
  const data = parseInput(ZSupportCalendar, input);
  return db().$transaction(async (tx) => {
    const { slug, name } = await readSupportCalendar(tx);
    const [opensAtMinute, closesAtMinute] = [minuteOfDay(data.opensAt), minuteOfDay(data.closesAt)];
    await publishLocked(tx, actor, slug, {
      name,
      note: "Edited as the support calendar",
      autoCloseBusinessDays: data.autoCloseBusinessDays,
      hours: {
        timeZone: data.timeZone,
        windows: [...new Set(data.workdays)].sort().map((weekday) => ({ weekday, opensAtMinute, closesAtMinute })),
        holidays: data.holidays.map((h) => ({ from: h.date, to: h.date, name: h.name })),
      },
    });
    return readSupportCalendar(tx);
  });
}
