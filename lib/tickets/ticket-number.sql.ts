import { Prisma } from "@/lib/db/generated/client";
import type { TicketType } from "@/lib/db/generated/enums";
import { NUMBER_SEQUENCE, TICKET_PREFIX } from "./ticket-number";

/** The next number of `type`, drawn and formatted inside a statement: `formatTicketNumber` in SQL. */
export function nextTicketNumberSql(type: TicketType): Prisma.Sql {
  return Prisma.sql`(SELECT ${TICKET_PREFIX[type]} || '-' || CASE WHEN n < 1000000 THEN lpad(n::text, 6, '0') ELSE n::text END
    FROM (SELECT nextval(${NUMBER_SEQUENCE[type]}::regclass) AS n) AS seq)`;
}
