import type { Transaction } from "@/lib/db/client";
import type { CalendarData } from "@/lib/calendar/business-hours";
import { Prisma } from "@/lib/db/generated/client";
import type { Priority } from "@/lib/db/generated/enums";
import type { ReplaySetting } from "@/lib/routing/what-if";
import { calendarJsonSql } from "@/lib/routing/current-matrix.sql";
import type { ReplayHistory } from "@/lib/routing/replay";
import { replayHistoryOf, type ReplayEventRow, type ReplayTicketRow } from "@/lib/routing/replay-history";
import { REPLAY_BATCH, replayEventsSql, replayTicketsSql, type ReplayCursor } from "./replay-histories.sql";

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
