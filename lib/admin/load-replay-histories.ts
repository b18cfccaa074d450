import type { Transaction } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import type { CalendarData } from "@/lib/calendar/business-hours";
import type { Priority } from "@/lib/db/generated/enums";
import type { VendorTargetData } from "@/lib/routing/vendor-targets";
import { calendarJsonSql } from "@/lib/routing/matrix-store";
import type { ReplayHistory } from "@/lib/routing/replay";
import { replayHistoryOf, type ReplayEventRow, type ReplayTicketRow } from "@/lib/routing/replay-history";

/** Tickets per batch: one keyset read of tickets and one of their events. */
export const REPLAY_BATCH = 5_000;

/** The events a replay reads: moves, status changes, reclassifications, and the staff's public replies. */
const REPLAYED_EVENTS = Prisma.sql`e."type" IN ('CREATED', 'STATUS_CHANGED', 'ESCALATED', 'RETURNED', 'ASSIGNED', 'AUTO_ESCALATED', 'RECLASSIFIED', 'VENDOR_RESPONDED')
  OR (e."type" = 'COMMENTED' AND e."rule" = 'comment.customer-update')`;

export interface ReplayCursor {
  createdAt: Date;
  id: number;
}

/** How many tickets were created in [from, to): the progress bar's whole. */
export async function countReplayTickets(tx: Transaction, from: Date, to: Date): Promise<number> {
  const [row] = await tx.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM "Ticket" WHERE "createdAt" >= ${from}::timestamp(3) AND "createdAt" < ${to}::timestamp(3)`;
  return row!.n;
}

/** The next batch of tickets created in [from, to) after `cursor`, oldest first, each with its history. */
export async function loadReplayHistories(tx: Transaction, from: Date, to: Date, cursor: ReplayCursor | null, limit = REPLAY_BATCH): Promise<ReplayHistory[]> {
  const after = cursor ? Prisma.sql`AND (t."createdAt", t."id") > (${cursor.createdAt}::timestamp(3), ${cursor.id}::int)` : Prisma.empty;
  const tickets = await tx.$queryRaw<ReplayTicketRow[]>`
    SELECT t."id", t."number", t."createdAt", t."impact", t."urgency", t."organizationId", l2."slug" AS "categoryL2Group"
    FROM "Ticket" t
    JOIN "Category" c ON c."id" = t."categoryId"
    LEFT JOIN "SupportGroup" l2 ON l2."id" = c."l2GroupId"
    WHERE t."createdAt" >= ${from}::timestamp(3) AND t."createdAt" < ${to}::timestamp(3) ${after}
    ORDER BY t."createdAt", t."id"
    LIMIT ${limit}::int`;
  if (!tickets.length) return [];
  const events = await tx.$queryRaw<(ReplayEventRow & { ticketId: number })[]>`
    SELECT e."ticketId", e."type", e."createdAt", e."fromTier", e."toTier", e."toGroup",
      CASE WHEN e."type" = 'STATUS_CHANGED' THEN e."inputs"->>'to' END AS "toStatus",
      CASE WHEN e."type" = 'RECLASSIFIED' THEN e."inputs"->'from'->>'impact' END AS "fromImpact",
      CASE WHEN e."type" = 'RECLASSIFIED' THEN e."inputs"->'from'->>'urgency' END AS "fromUrgency",
      CASE WHEN e."type" = 'RECLASSIFIED' THEN e."inputs"->'to'->>'impact' END AS "toImpact",
      CASE WHEN e."type" = 'RECLASSIFIED' THEN e."inputs"->'to'->>'urgency' END AS "toUrgency",
      CASE WHEN e."type" = 'AUTO_ESCALATED' THEN e."inputs"->>'budgetEndedAt' END AS "budgetEndedAt",
      CASE WHEN e."type" = 'VENDOR_RESPONDED' THEN e."inputs"->>'respondedAt' END AS "respondedAt"
    FROM "TicketEvent" e
    WHERE e."ticketId" = ANY(${tickets.map((t) => t.id)}::int[]) AND (${REPLAYED_EVENTS})
    ORDER BY e."ticketId", e."id"`;
  const byTicket = new Map<number, ReplayEventRow[]>();
  for (const { ticketId, ...event } of events) {
    const list = byTicket.get(ticketId);
    if (list) list.push(event);
    else byTicket.set(ticketId, [event]);
  }
  return tickets.map((t) => replayHistoryOf(t, byTicket.get(t.id) ?? []));
}

/** Each L4 group's vendor targets per priority (by group slug), calendars shared as loadReplayCalendars shares them. */
export async function loadReplayVendorTargets(tx: Transaction): Promise<Map<string, Map<Priority, VendorTargetData>>> {
  const rows = await tx.$queryRaw<{ group: string; priority: Priority; responseMinutes: number; resolutionMinutes: number; calendarId: string; calendar: CalendarData }[]>`
    SELECT g."slug" AS "group", t."priority", t."responseMinutes", t."resolutionMinutes", t."calendarId", ${calendarJsonSql(Prisma.sql`t."calendarId"`)} AS calendar
    FROM "VendorTarget" t JOIN "SupportGroup" g ON g."id" = t."groupId"`;
  const calendars = new Map<string, CalendarData>();
  const targets = new Map<string, Map<Priority, VendorTargetData>>();
  for (const { group, calendarId, calendar, ...target } of rows) {
    if (!calendars.has(calendarId)) calendars.set(calendarId, calendar);
    if (!targets.has(group)) targets.set(group, new Map());
    targets.get(group)!.set(target.priority, { ...target, calendar: calendars.get(calendarId)! });
  }
  return targets;
}

/** The calendars of the organizations (by id) and groups (by slug) that have their own; one object per calendar. */
export async function loadReplayCalendars(tx: Transaction): Promise<{ organizations: Map<string, CalendarData>; groups: Map<string, CalendarData> }> {
  const rows = await tx.$queryRaw<{ kind: "organization" | "group"; key: string; calendarId: string; calendar: CalendarData }[]>`
    WITH refs AS (
      SELECT 'organization' AS kind, o."id" AS key, o."calendarId" FROM "Organization" o WHERE o."calendarId" IS NOT NULL
      UNION ALL
      SELECT 'group', g."slug", g."calendarId" FROM "SupportGroup" g WHERE g."calendarId" IS NOT NULL
    ), calendars AS (
      SELECT k."id", ${calendarJsonSql(Prisma.sql`k."id"`)} AS calendar FROM "SupportCalendar" k WHERE k."id" IN (SELECT "calendarId" FROM refs)
    )
    SELECT r.kind, r.key, r."calendarId", c.calendar FROM refs r JOIN calendars c ON c."id" = r."calendarId"`;
  const shared = new Map<string, CalendarData>();
  const one = (row: (typeof rows)[number]) => shared.get(row.calendarId) ?? (shared.set(row.calendarId, row.calendar), row.calendar);
  return {
    organizations: new Map(rows.filter((r) => r.kind === "organization").map((r) => [r.key, one(r)])),
    groups: new Map(rows.filter((r) => r.kind === "group").map((r) => [r.key, one(r)])),
  };
}
