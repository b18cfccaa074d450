import type { Transaction } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import type { CalendarData } from "@/lib/calendar/business-hours";
import type { Priority } from "@/lib/db/generated/enums";
import type { ReplaySetting } from "@/lib/routing/what-if";
import { calendarJsonSql } from "@/lib/routing/matrix-store";
import type { ReplayHistory } from "@/lib/routing/replay";
import { replayHistoryOf, type ReplayEventRow, type ReplayTicketRow } from "@/lib/routing/replay-history";

/** Tickets per batch: one keyset read of tickets and one of their events. */
export const REPLAY_BATCH = 5_000;

/** The events a replay reads (on the alias `e`): moves, status changes, reclassifications, vendor responses, and the staff's public replies. */
export const REPLAYED_EVENTS = Prisma.sql`(e."type" IN ('CREATED', 'STATUS_CHANGED', 'ESCALATED', 'RETURNED', 'ASSIGNED', 'AUTO_ESCALATED', 'RECLASSIFIED', 'VENDOR_RESPONDED')
  OR (e."type" = 'COMMENTED' AND e."rule" = 'comment.customer-update'))`;

/** A ticket's columns the replay reads, on `t` (and its category's L2 group on `l2`). */
export const REPLAY_TICKET_COLUMNS = Prisma.sql`t."id", t."number", t."createdAt", t."impact", t."urgency", t."organizationId", l2."slug" AS "categoryL2Group"`;
export const REPLAY_TICKET_JOINS = Prisma.sql`JOIN "Category" c ON c."id" = t."categoryId" LEFT JOIN "SupportGroup" l2 ON l2."id" = c."l2GroupId"`;

/** An event's columns the replay reads, on `e`: only what its type needs from the inputs. */
export const REPLAY_EVENT_COLUMNS = Prisma.sql`e."type", e."createdAt", e."fromTier", e."toTier", e."toGroup",
  CASE WHEN e."type" = 'STATUS_CHANGED' THEN e."inputs"->>'to' END AS "toStatus",
  CASE WHEN e."type" = 'RECLASSIFIED' THEN e."inputs"->'from'->>'impact' END AS "fromImpact",
  CASE WHEN e."type" = 'RECLASSIFIED' THEN e."inputs"->'from'->>'urgency' END AS "fromUrgency",
  CASE WHEN e."type" = 'RECLASSIFIED' THEN e."inputs"->'to'->>'impact' END AS "toImpact",
  CASE WHEN e."type" = 'RECLASSIFIED' THEN e."inputs"->'to'->>'urgency' END AS "toUrgency",
  CASE WHEN e."type" = 'AUTO_ESCALATED' THEN e."inputs"->>'budgetEndedAt' END AS "budgetEndedAt",
  CASE WHEN e."type" = 'VENDOR_RESPONDED' THEN e."inputs"->>'respondedAt' END AS "respondedAt"`;

/** One batch's tickets: created in [from, to) after `cursor`, oldest first. */
export function replayTicketsSql(from: Date, to: Date, cursor: ReplayCursor | null, limit = REPLAY_BATCH): Prisma.Sql {
  const after = cursor ? Prisma.sql`AND (t."createdAt", t."id") > (${cursor.createdAt}::timestamp(3), ${cursor.id}::int)` : Prisma.empty;
  return Prisma.sql`
    SELECT ${REPLAY_TICKET_COLUMNS}
    FROM "Ticket" t ${REPLAY_TICKET_JOINS}
    WHERE t."createdAt" >= ${from}::timestamp(3) AND t."createdAt" < ${to}::timestamp(3) ${after}
    ORDER BY t."createdAt", t."id"
    LIMIT ${limit}::int`;
}

/** The replayed events of the batch's tickets, in each ticket's order. */
export function replayEventsSql(ticketIds: number[]): Prisma.Sql {
  return Prisma.sql`
    SELECT e."ticketId", ${REPLAY_EVENT_COLUMNS}
    FROM "TicketEvent" e
    WHERE e."ticketId" = ANY(${ticketIds}::int[]) AND ${REPLAYED_EVENTS}
    ORDER BY e."ticketId", e."id"`;
}

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
  const tickets = await tx.$queryRaw<ReplayTicketRow[]>(replayTicketsSql(from, to, cursor, limit));
  if (!tickets.length) return [];
  const events = await tx.$queryRaw<(ReplayEventRow & { ticketId: number })[]>(replayEventsSql(tickets.map((t) => t.id)));
  const byTicket = new Map<number, ReplayEventRow[]>();
  for (const { ticketId, ...event } of events) {
    const list = byTicket.get(ticketId);
    if (list) list.push(event);
    else byTicket.set(ticketId, [event]);
  }
  return tickets.map((t) => replayHistoryOf(t, byTicket.get(t.id) ?? []));
}

/** The calendars the rules run on as they are now: each named by its slug, the hours of its newest version. */
export async function loadReplaySetting(tx: Transaction): Promise<ReplaySetting> {
  const rows = await tx.$queryRaw<
    { kind: "fallback" | "organization" | "group" | "vendor"; key: string; priority: Priority | null; responseMinutes: number | null; resolutionMinutes: number | null; slug: string; calendar: CalendarData }[]
  >`
    WITH refs AS (
      SELECT 'fallback' AS kind, '' AS key, NULL::text AS priority, NULL::int AS "responseMinutes", NULL::int AS "resolutionMinutes", v."calendarId"
      FROM "PriorityMatrixVersion" v WHERE v."version" = (SELECT max("version") FROM "PriorityMatrixVersion")
      UNION ALL
      SELECT 'organization', o."id", NULL, NULL, NULL, o."calendarId" FROM "Organization" o WHERE o."calendarId" IS NOT NULL
      UNION ALL
      SELECT 'group', g."slug", NULL, NULL, NULL, g."calendarId" FROM "SupportGroup" g WHERE g."calendarId" IS NOT NULL
      UNION ALL
      SELECT 'vendor', g."slug", t."priority"::text, t."responseMinutes", t."resolutionMinutes", t."calendarId" FROM "VendorTarget" t JOIN "SupportGroup" g ON g."id" = t."groupId"
    ), calendars AS (
      SELECT k."id", k."slug", ${calendarJsonSql(Prisma.sql`k."id"`)} AS calendar FROM "SupportCalendar" k WHERE k."id" IN (SELECT "calendarId" FROM refs)
    )
    SELECT r.kind, r.key, r.priority, r."responseMinutes", r."resolutionMinutes", c."slug", c.calendar FROM refs r JOIN calendars c ON c."id" = r."calendarId"`;
  const setting: ReplaySetting = { calendars: new Map(), fallback: "", organizations: new Map(), groups: new Map(), vendorTargets: new Map() };
  for (const row of rows) {
    setting.calendars.set(row.slug, row.calendar);
    if (row.kind === "fallback") setting.fallback = row.slug;
    else if (row.kind === "organization") setting.organizations.set(row.key, row.slug);
    else if (row.kind === "group") setting.groups.set(row.key, row.slug);
    else {
      if (!setting.vendorTargets.has(row.key)) setting.vendorTargets.set(row.key, new Map());
      setting.vendorTargets.get(row.key)!.set(row.priority!, { priority: row.priority!, responseMinutes: row.responseMinutes!, resolutionMinutes: row.resolutionMinutes!, calendar: row.slug });
    }
  }
  return setting;
}
