import type { Actor } from "@/lib/actor";
import { db } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors";
import { ZCalendarRef } from "@/lib/validation/calendar";
import { parseInput } from "@/lib/validation/parse";
import type { VerbInput } from "@/lib/validation/unchecked";
import { requireAdminWrite } from "./authorize";
import { CALENDAR_SELECT, calendarView } from "./calendar-view";
import { calendarDeletionBlockers, deletionRefusal } from "./deletion-blockers";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";

/**
 * Deletes a calendar no clock runs on (admins), with its versions. While an organization, a group, an L4 group's
 * vendor targets or any matrix version names it, or it is the built-in 24×7, the answer is a 409 naming each, and nothing changes.
 */
export async function deleteCalendar(actor: Actor, slug: VerbInput<typeof ZCalendarRef.shape.slug>): Promise<void> {
  requireAdminWrite(actor);
  const { slug: wanted } = parseInput(ZCalendarRef, { slug });
  await db().$transaction(async (tx) => {
    // The row lock makes an organization or group being pointed at it wait for us.
    const [locked] = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "SupportCalendar" WHERE "slug" = ${wanted} FOR UPDATE`;
    if (!locked) throw notFound("Calendar");
    const row = await tx.supportCalendar.findUniqueOrThrow({
      where: { id: locked.id },
      select: {
        ...CALENDAR_SELECT,
        matrixVersions: { orderBy: { version: "asc" }, select: { version: true } },
        vendorTargets: { distinct: ["groupId"], orderBy: { group: { slug: "asc" } }, select: { group: { select: { slug: true } } } },
      },
    });
    const blockers = calendarDeletionBlockers({
      builtIn: row.builtIn,
      organizations: row.organizations.map((o) => o.slug),
      groups: row.groups.map((g) => g.slug),
      matrixVersions: row.matrixVersions.map((v) => v.version),
      vendorTargetGroups: row.vendorTargets.map((t) => t.group.slug),
    });
    if (blockers.length) throw new AppError("CONFLICT", deletionRefusal(`Calendar ${wanted}`, blockers));
    const before = await calendarView(tx, row);
    await tx.supportCalendar.delete({ where: { id: locked.id } });
    await recordAuditEvent(tx, actor, { entity: "SupportCalendar", entityId: locked.id, action: "delete", before, after: null });
  });
}
