import { Prisma } from "@/lib/db/generated/client";

/** A timestamp(3) column (kept in UTC) as `Date.toISOString()` writes it; NULL stays null. */
const isoSql = (column: string) => Prisma.raw(`to_char(t."${column}", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);

/**
 * SELECTs, from `source` (a table or a CTE holding Ticket rows), one "ticket" column per row, already in
 * the `TicketJson` shape that `toTicketJson` gives a Prisma read (tests/integration/ticket-json.sql.test.ts
 * holds the two to the same answer). A write returns its ticket in the same statement, built by
 * PostgreSQL: one JSON value to parse instead of some forty columns for the driver to convert (about a
 * tenth of a claim's time).
 */
export function selectTicketJsonSql(source: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    SELECT json_build_object(
      'number', t."number", 'type', t."type", 'title', t."title", 'description', t."description",
      'status', t."status", 'tier', t."tier", 'priority', t."priority", 'impact', t."impact", 'urgency', t."urgency",
      'category', json_build_object('slug', c."slug", 'name', c."name"),
      'customer', json_build_object('userId', cu."userId", 'name', cu."name",
        'organization', CASE WHEN o."id" IS NULL THEN NULL ELSE json_build_object('slug', o."slug", 'name', o."name") END),
      'group', json_build_object('slug', g."slug", 'name', g."name", 'tier', g."tier"),
      'assignee', CASE WHEN a."id" IS NULL THEN NULL ELSE json_build_object('userId', a."userId", 'name', a."name") END,
      'externalReference', t."externalReference", 'version', t."version",
      'createdAt', ${isoSql("createdAt")}, 'updatedAt', ${isoSql("updatedAt")},
      'due', json_build_object('firstResponseAt', ${isoSql("firstResponseDueAt")}, 'resolutionAt', ${isoSql("resolutionDueAt")},
        'nextUpdateAt', ${isoSql("nextUpdateDueAt")}, 'tierBudgetEndsAt', ${isoSql("tierBudgetEndsAt")}),
      'clocks', json_build_object('customerClockRunning', t."slaClockSince" IS NOT NULL, 'customerSecondsUsed', t."slaSecondsUsed",
        'tierSecondsUsed', json_build_object('L1', t."l1SecondsUsed", 'L2', t."l2SecondsUsed", 'L3', t."l3SecondsUsed"),
        'vendorSecondsUsed', t."vendorSecondsUsed", 'vendorClockRunning', t."vendorClockSince" IS NOT NULL),
      'firstRespondedAt', ${isoSql("firstRespondedAt")}, 'resolvedAt', ${isoSql("resolvedAt")}
    ) AS "ticket"
    FROM ${source} t
    JOIN "Category" c ON c."id" = t."categoryId"
    JOIN "User" cu ON cu."id" = t."customerId"
    LEFT JOIN "Organization" o ON o."id" = cu."organizationId"
    JOIN "SupportGroup" g ON g."id" = t."groupId"
    LEFT JOIN "User" a ON a."id" = t."assigneeId"`;
}
