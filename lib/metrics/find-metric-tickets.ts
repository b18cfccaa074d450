import type { Actor } from "@/lib/actor";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import type { Priority, TicketStatus, Tier } from "@/lib/db/generated/enums";
import { forbidden } from "@/lib/errors";
import { can } from "@/lib/permissions";
import { parseInput } from "@/lib/validation/parse";
import type { VerbInput } from "@/lib/validation/unchecked";
import { VENDOR_TARGET_METRICS, ZMetricTicketsQuery, type MetricTicketsQuery, type VendorTargetMetric } from "@/lib/validation/dashboard";
import { backlogCondition, cohortCondition, filterConditions, flagExists, periodCondition, ts, VENDOR_CONDITION } from "./conditions.sql";
import { resolvePeriod, type MetricsRange } from "./period";
import { engagementScope, resolutionOutcome, responseOutcome } from "./vendor-targets.sql";

/** The engagement condition behind each L4 figure (vendor-targets.sql.ts), on the engagement alias `e`. */
function vendorTargetOutcome(metric: VendorTargetMetric, now: Date): Prisma.Sql {
  switch (metric) {
    case "vendor-engagements":
      return Prisma.sql`TRUE`;
    case "vendor-response-met":
      return responseOutcome("met", now);
    case "vendor-response-missed":
      return responseOutcome("missed", now);
    case "vendor-response-pending":
      return responseOutcome("pending", now);
    case "vendor-resolution-met":
      return resolutionOutcome("met", now);
    case "vendor-resolution-missed":
      return resolutionOutcome("missed", now);
    case "vendor-resolution-pending":
      return resolutionOutcome("pending", now);
    case "vendor-no-target":
      return Prisma.sql`e."responseDueAt" IS NULL`;
    case "vendor-ended":
      return Prisma.sql`e."endedAt" IS NOT NULL`;
    case "vendor-open":
      return Prisma.sql`e."endedAt" IS NULL`;
  }
}

export const METRIC_TICKETS_PAGE_SIZE = 50;

export interface MetricTicketRow {
  number: string;
  title: string;
  customer: string;
  organization: string | null;
  priority: Priority;
  tier: Tier;
  status: TicketStatus;
  category: string;
  group: string;
  createdAt: string;
}

export interface MetricTicketsPage {
  query: Omit<MetricTicketsQuery, "cursor">;
  range: { from: string; to: string };
  rows: MetricTicketRow[];
  nextCursor: string | null;
}

const isVendorTargetMetric = (metric: MetricTicketsQuery["metric"]): metric is VendorTargetMetric => (VENDOR_TARGET_METRICS as readonly string[]).includes(metric);

function metricCondition(query: MetricTicketsQuery, range: MetricsRange, now: Date): Prisma.Sql {
  if (isVendorTargetMetric(query.metric)) {
    // A ticket with an engagement that counts: a ticket with two such engagements is listed once.
    return Prisma.sql`EXISTS (SELECT 1 FROM "VendorEngagement" e WHERE e."ticketId" = t."id" AND ${engagementScope(range, query, query.group)} AND ${vendorTargetOutcome(query.metric, now)})`;
  }
  switch (query.metric) {
    case "backlog":
      return Prisma.join([backlogCondition(now, query.tier, query.age), ...filterConditions(query)], " AND ");
    case "vendor":
      return Prisma.join([VENDOR_CONDITION, ...filterConditions(query)], " AND ");
    case "assigned":
      return Prisma.join([backlogCondition(now), Prisma.sql`t."assigneeId" = (SELECT u."id" FROM "User" u WHERE u."userId" = ${query.agent ?? ""})`], " AND ");
    case "group-resolved":
      return Prisma.join(
        [
          Prisma.sql`t."resolvedAt" >= ${ts(range.from)} AND t."resolvedAt" < ${ts(range.to)}`,
          Prisma.sql`t."groupId" = (SELECT sg."id" FROM "SupportGroup" sg WHERE sg."slug" = ${query.group ?? ""})`,
          ...filterConditions(query),
        ],
        " AND ",
      );
    case "group-escalated-in":
      return Prisma.join(
        [
          Prisma.sql`EXISTS (SELECT 1 FROM "TicketEvent" e WHERE e."ticketId" = t."id" AND e."type" IN ('ESCALATED', 'AUTO_ESCALATED')
            AND e."toGroup" = ${query.group ?? ""} AND e."createdAt" >= ${ts(range.from)} AND e."createdAt" < ${ts(range.to)})`,
          ...filterConditions(query),
        ],
        " AND ",
      );
    case "alerts-raised":
    case "alerts-acknowledged": {
      const acknowledged = query.metric === "alerts-acknowledged" ? Prisma.sql`AND a."acknowledgedAt" IS NOT NULL` : Prisma.empty;
      return Prisma.join(
        [Prisma.sql`EXISTS (SELECT 1 FROM "Alert" a WHERE a."ticketId" = t."id" AND a."raisedAt" >= ${ts(range.from)} AND a."raisedAt" < ${ts(range.to)} ${acknowledged})`, ...filterConditions(query)],
        " AND ",
      );
    }
    default:
      return Prisma.sql`${cohortCondition(range, query)} AND ${periodCondition(query.metric, flagExists, now)}`;
  }
}

/**
 * The tickets behind one dashboard figure, for the same period and filters, by the same SQL definition
 * the figure counts with (conditions.ts); newest first, keyset-paginated on the ticket id.
 */
export async function findMetricTickets(actor: Actor, input: VerbInput<typeof ZMetricTicketsQuery>, now = new Date()): Promise<MetricTicketsPage> {
  if (!can(actor, "metrics:read")) throw forbidden("Only managers and admins see the dashboard.");
  const { cursor, ...query } = parseInput(ZMetricTicketsQuery, input);
  const range = resolvePeriod(query, now);
  const after = cursor ? Prisma.sql`AND t."id" < ${Number(cursor)}` : Prisma.empty;
  const rows = await db().$queryRaw<(MetricTicketRow & { id: number })[]>`
    SELECT t."id", t."number", t."title", t."priority"::text AS "priority", t."tier"::text AS "tier", t."status"::text AS "status",
           u."name" AS "customer", o."name" AS "organization", c."name" AS "category", g."name" AS "group",
           to_char(t."createdAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "createdAt"
    FROM "Ticket" t JOIN "Category" c ON c."id" = t."categoryId" JOIN "SupportGroup" g ON g."id" = t."groupId"
      JOIN "User" u ON u."id" = t."customerId" LEFT JOIN "Organization" o ON o."id" = t."organizationId"
    WHERE ${metricCondition({ ...query, cursor }, range, now)} ${after}
    ORDER BY t."id" DESC LIMIT ${METRIC_TICKETS_PAGE_SIZE + 1}`;
  const page = rows.slice(0, METRIC_TICKETS_PAGE_SIZE);
  return {
    query,
    range: { from: range.from.toISOString(), to: range.to.toISOString() },
    rows: page.map((row) => ({ number: row.number, title: row.title, customer: row.customer, organization: row.organization, priority: row.priority, tier: row.tier, status: row.status, category: row.category, group: row.group, createdAt: row.createdAt })),
    nextCursor: rows.length > METRIC_TICKETS_PAGE_SIZE ? String(page[page.length - 1]!.id) : null,
  };
}
