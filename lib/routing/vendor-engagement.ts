// Starting an L4 engagement: the group's target for the ticket's priority, with its calendar, fixes the
// vendor's due times for this stint. Ending one is the end_vendor_engagement trigger's (migration vendor_targets).
import type { Transaction } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import type { Priority } from "@/lib/db/generated/enums";
import type { CalendarData } from "@/lib/calendar/business-hours";
import { calendarJsonSql } from "./current-matrix.sql";
import { nextVendorAlertAt, vendorDueTimes, type VendorDueTimes } from "./vendor-targets";

export interface EngagementStart {
  ticketId: number;
  groupId: string;
  /** The group the coordinator works in (the L3 group handing off). */
  coordinatorGroupId: string | null;
  priority: Priority;
}

export interface StartedEngagement extends VendorDueTimes {
  id: number;
  calendarLabel: string | null;
}

/** Opens the ticket's engagement with `groupId` at `now`, due times on the group's target for the priority (none: nothing measured). */
export async function startVendorEngagement(tx: Transaction, start: EngagementStart, now: Date): Promise<StartedEngagement> {
  const [target] = await tx.$queryRaw<{ responseMinutes: number; resolutionMinutes: number; calendar: CalendarData }[]>(Prisma.sql`
    SELECT t."responseMinutes", t."resolutionMinutes", ${calendarJsonSql(Prisma.sql`t."calendarId"`)} AS calendar
    FROM "VendorTarget" t WHERE t."groupId" = ${start.groupId} AND t."priority" = ${start.priority}::"Priority"`);
  const due = vendorDueTimes(now, target ? { priority: start.priority, ...target } : null);
  const calendarLabel = target && "label" in target.calendar ? (target.calendar.label ?? null) : null;
  const row = await tx.vendorEngagement.create({
    data: { ...start, startedAt: now, ...due, calendarLabel, nextAlertAt: nextVendorAlertAt(due, 0, null) },
    select: { id: true },
  });
  return { id: row.id, calendarLabel, ...due };
}

/** A ticket reopened at L4 goes back to its vendor: a new engagement with fresh due times, coordinated as the last one was. */
export async function restartVendorEngagement(tx: Transaction, ticket: { id: number; groupId: string; priority: Priority }, now: Date): Promise<StartedEngagement> {
  const last = await tx.vendorEngagement.findFirst({ where: { ticketId: ticket.id }, orderBy: { id: "desc" }, select: { coordinatorGroupId: true } });
  return startVendorEngagement(tx, { ticketId: ticket.id, groupId: ticket.groupId, coordinatorGroupId: last?.coordinatorGroupId ?? null, priority: ticket.priority }, now);
}
