import { Prisma } from "@/lib/db/generated/client";

/** Every scalar column of Ticket, as Prisma knows them (a database-only column such as a search vector stays out). */
const TICKET_COLUMNS = Prisma.raw(
  Object.values(Prisma.TicketScalarFieldEnum)
    .map((column) => `t."${column}"`)
    .join(", "),
);

/**
 * SELECTs, from `source` (a table or a CTE holding Ticket rows), each row in the `TicketRow` shape that
 * `toTicketJson` reads: the ticket's columns and its category, customer, group and assignee. Lets a
 * write return the ticket in the same statement instead of reading it again.
 */
export function selectTicketRowsSql(source: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    SELECT ${TICKET_COLUMNS},
      jsonb_build_object('slug', c."slug", 'name', c."name") AS "category",
      jsonb_build_object('userId', cu."userId", 'name', cu."name",
        'organization', CASE WHEN o."id" IS NULL THEN NULL ELSE jsonb_build_object('slug', o."slug", 'name', o."name") END) AS "customer",
      jsonb_build_object('slug', g."slug", 'name', g."name", 'tier', g."tier") AS "group",
      CASE WHEN a."id" IS NULL THEN NULL ELSE jsonb_build_object('userId', a."userId", 'name', a."name") END AS "assignee"
    FROM ${source} t
    JOIN "Category" c ON c."id" = t."categoryId"
    JOIN "User" cu ON cu."id" = t."customerId"
    LEFT JOIN "Organization" o ON o."id" = cu."organizationId"
    JOIN "SupportGroup" g ON g."id" = t."groupId"
    LEFT JOIN "User" a ON a."id" = t."assigneeId"`;
}

