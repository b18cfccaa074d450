import { Prisma } from "@/lib/db/generated/client";
import type { TicketType } from "@/lib/db/generated/enums";

export const TICKET_PREFIX: Record<TicketType, string> = { INCIDENT: "INC", SERVICE_REQUEST: "REQ" };

export function formatTicketNumber(type: TicketType, sequence: number): string {
  return `${TICKET_PREFIX[type]}-${String(sequence).padStart(6, "0")}`;
}

/** The PostgreSQL sequence each type takes its numbers from (migration ticket_number_sequences). */
export const NUMBER_SEQUENCE: Record<TicketType, string> = {
  INCIDENT: "ticket_number_incident",
  SERVICE_REQUEST: "ticket_number_service_request",
};

/** The next number of `type`, drawn and formatted inside a statement: `formatTicketNumber` in SQL. */
export function nextTicketNumberSql(type: TicketType): Prisma.Sql {
  return Prisma.sql`(SELECT ${TICKET_PREFIX[type]} || '-' || CASE WHEN n < 1000000 THEN lpad(n::text, 6, '0') ELSE n::text END
    FROM (SELECT nextval(${NUMBER_SEQUENCE[type]}::regclass) AS n) AS seq)`;
}
