import type { Actor } from "@/lib/actor";
import { db } from "@/lib/db/client";
import { isUniqueConstraintViolation } from "@/lib/db/unique-violation";
import { AppError } from "@/lib/errors";
import { calendarOfInput, ZCreateCalendar } from "@/lib/validation/calendar";
import { parseInput } from "@/lib/validation/parse";
import type { VerbInput } from "@/lib/validation/unchecked";
import { requireAdminWrite } from "./authorize";
import { CALENDAR_SELECT, calendarView, type CalendarView } from "./calendar-view";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";

/** A new named calendar with its version 1 (admins); a slug already taken is a 409. Audited. */
export async function createCalendar(actor: Actor, input: VerbInput<typeof ZCreateCalendar>): Promise<CalendarView> {
  requireAdminWrite(actor);
  const data = parseInput(ZCreateCalendar, input);
  const hours = calendarOfInput(data);
  try {
    return await db().$transaction(async (tx) => {
      const row = await tx.supportCalendar.create({
        data: {
          slug: data.slug,
          name: data.name,
          versions: { create: { version: 1, timeZone: hours.timeZone, windows: hours.windows, holidays: hours.holidays, note: data.note ?? "", publishedById: actor.id } },
        },
        select: CALENDAR_SELECT,
      });
      const view = await calendarView(tx, row);
      await recordAuditEvent(tx, actor, { entity: "SupportCalendar", entityId: row.id, action: "create", before: null, after: view });
      return view;
    });
  } catch (error) {
    if (isUniqueConstraintViolation(error)) throw new AppError("CONFLICT", `A calendar with the slug ${data.slug} exists already.`, { slug: ["Taken: choose another slug."] });
    throw error;
  }
}
