import { expect, it } from "vitest";
import { Prisma } from "@/lib/db/generated/client";
import type { TicketType } from "@/lib/db/generated/enums";
import { formatTicketNumber, NUMBER_SEQUENCE } from "@/lib/tickets/ticket-number";
import { nextTicketNumberSql } from "@/lib/tickets/ticket-number.sql";
import { describeEachDatabase } from "../fixtures/test-database";

// Intake draws a ticket's number inside its one statement (nextTicketNumberSql); formatTicketNumber is the
// same rule in TypeScript. Both must write the same number for every sequence value, past six digits too.

describeEachDatabase("a ticket number drawn in SQL", (current) => {
  it("is the number formatTicketNumber makes of the value drawn, for both types and past 999999", async () => {
    const { db } = current();
    for (const type of ["INCIDENT", "SERVICE_REQUEST"] as TicketType[]) {
      for (const value of [1, 42, 999_999, 1_000_000, 123_456_789]) {
        // setval(…, false): the next nextval() returns `value` itself.
        await db.$queryRaw`SELECT setval(${NUMBER_SEQUENCE[type]}::regclass, ${value}::bigint, false)`;
        const [row] = await db.$queryRaw<[{ number: string }]>(Prisma.sql`SELECT ${nextTicketNumberSql(type)} AS "number"`);
        expect(row.number).toBe(formatTicketNumber(type, value));
      }
    }
  });
});
