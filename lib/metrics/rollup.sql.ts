import { Prisma } from "@/lib/db/generated/client";
import type { DashboardQuery } from "@/lib/validation/dashboard";
import { filterConditions, ts } from "./conditions.sql";
import type { MetricsRange } from "./period";

// How the dashboard reads a period: the whole UTC days inside it from the daily rollups (settled tickets,
// kept by the triggers of migration dashboard_rollups), plus, from the tickets themselves, what the rollups
// leave out: the partial days at either end of a rolling period, and the live tickets (open, or with a
// clock running), whose figures depend on the time of reading. Each statement adds both in one snapshot.

type Filters = Pick<DashboardQuery, "category" | "org" | "priority">;

/** The whole days read from the rollups ([from, to), UTC midnights; empty when from = to). */
export type RollupDays = { from: Date; to: Date };

/** A ticket the rollups leave out: the predicate of Ticket_dashboard_live_idx, word for word, so the planner uses the index. */
export const LIVE_TICKET = Prisma.sql`(t."status" NOT IN ('RESOLVED', 'CLOSED') OR t."tierClockSince" IS NOT NULL OR t."vendorClockSince" IS NOT NULL
    OR (t."firstRespondedAt" IS NULL AND t."firstResponseDueAt" IS NOT NULL))`;

/** The event types whose flags the figures read (dashboard_event_flags). */
export const COUNTED_EVENT_TYPES = Prisma.sql`('ESCALATED', 'AUTO_ESCALATED', 'RETURNED', 'STATUS_CHANGED', 'ALERT')`;

export const day = (at: Date) => Prisma.sql`CAST(${at.toISOString().slice(0, 10)} AS date)`;

const and = (conditions: Prisma.Sql[]) => (conditions.length ? Prisma.sql`AND ${Prisma.join(conditions, " AND ")}` : Prisma.empty);

/** The filters, on the alias `t` of a ticket or of a rollup row keyed by priority, category and organization. */
export const filtered = (filters: Filters) => and(filterConditions(filters));

/** The rollup rows of the whole days, on the alias `t` (a table with a "day" column). */
export const inRollupDays = (days: RollupDays) => Prisma.sql`t."day" >= ${day(days.from)} AND t."day" < ${day(days.to)}`;

/**
 * The tickets whose `column` falls in the range and that the rollups leave out, as two conditions on the
 * alias `t`: those in the partial days at either end (by the column's index), and the live ones in the
 * whole days (by the partial index).
 */
export function ticketsOutsideRollupsWhere(column: "createdAt" | "resolvedAt", range: MetricsRange, days: RollupDays, filters: Filters): [Prisma.Sql, Prisma.Sql] {
  const c = Prisma.raw(`t."${column}"`);
  return [
    Prisma.sql`((${c} >= ${ts(range.from)} AND ${c} < ${ts(days.from)}) OR (${c} >= ${ts(days.to)} AND ${c} < ${ts(range.to)})) ${filtered(filters)}`,
    Prisma.sql`${c} >= ${ts(days.from)} AND ${c} < ${ts(days.to)} AND ${LIVE_TICKET} ${filtered(filters)}`,
  ];
}

/** The ids of those tickets (ticketsOutsideRollupsWhere). */
export function ticketsOutsideRollups(column: "createdAt" | "resolvedAt", range: MetricsRange, days: RollupDays, filters: Filters): Prisma.Sql {
  const [edges, live] = ticketsOutsideRollupsWhere(column, range, days, filters);
  return Prisma.sql`SELECT t."id" FROM "Ticket" t WHERE ${edges} UNION ALL SELECT t."id" FROM "Ticket" t WHERE ${live}`;
}

/**
 * Decision-log events of the given types made in the range that the rollups leave out: those in the partial
 * days at either end (by the (type, createdAt) index), and those of live tickets in the whole days (the
 * live tickets by their partial index, then their events). Columns: the event's.
 */
export function eventsOutsideRollups(types: Prisma.Sql, range: MetricsRange, days: RollupDays, filters: Filters): Prisma.Sql {
  const at = Prisma.sql`e."createdAt"`;
  const tickets = filterConditions(filters).length ? Prisma.sql`JOIN "Ticket" t ON t."id" = e."ticketId"` : Prisma.empty;
  return Prisma.sql`
    SELECT e.* FROM "TicketEvent" e ${tickets}
    WHERE e."type" IN ${types} AND ((${at} >= ${ts(range.from)} AND ${at} < ${ts(days.from)}) OR (${at} >= ${ts(days.to)} AND ${at} < ${ts(range.to)})) ${filtered(filters)}
    UNION ALL
    SELECT e.* FROM "Ticket" t CROSS JOIN LATERAL (
      -- Each live ticket's own events (OFFSET 0 keeps this a per-ticket index scan rather than a scan of every
      -- event in the whole days joined to the few live tickets).
      SELECT e.* FROM "TicketEvent" e
      WHERE e."ticketId" = t."id" AND e."type" IN ${types} AND ${at} >= ${ts(days.from)} AND ${at} < ${ts(days.to)} OFFSET 0
    ) AS e
    WHERE ${LIVE_TICKET} ${filtered(filters)}`;
}

/** Joined to a ticket `t`: its flags from its decision log (`f.flags`) and its part in the figures at `now` (`x`, dashboard_ticket_fact). */
export function ticketFact(now: Date): Prisma.Sql {
  return Prisma.sql`
    CROSS JOIN LATERAL (
      SELECT COALESCE(bit_or("dashboard_event_flags"(e."type", e."fromTier", e."toTier", e."rule", e."inputs")), 0) AS flags
      FROM "TicketEvent" e WHERE e."ticketId" = t."id" AND e."type" IN ${COUNTED_EVENT_TYPES}
    ) AS f
    CROSS JOIN LATERAL "dashboard_ticket_fact"(t, f.flags, ${ts(now)}) AS x`;
}

/**
 * The histogram rows that hold exactly the filtered tickets, on the alias `h`: over every ticket with no
 * filter, the one dimension's with one filter, the (priority, category, organization) cells with more.
 */
export function histogramScope(filters: Filters): Prisma.Sql {
  const given = [filters.priority, filters.category, filters.org].filter(Boolean).length;
  const scope = given === 0 ? "ALL" : given > 1 ? "CELL" : filters.priority ? "PRIORITY" : filters.category ? "CATEGORY" : "ORGANIZATION";
  return Prisma.join(
    [
      Prisma.sql`h."scope" = CAST(${scope} AS "DashboardScope")`,
      ...(filters.priority ? [Prisma.sql`h."priority" = ${filters.priority}`] : []),
      ...(filters.category ? [Prisma.sql`h."categoryId" = (SELECT c."id" FROM "Category" c WHERE c."slug" = ${filters.category})`] : []),
      ...(filters.org ? [Prisma.sql`h."organizationId" = (SELECT o."id" FROM "Organization" o WHERE o."slug" = ${filters.org})`] : []),
    ],
    " AND ",
  );
}
