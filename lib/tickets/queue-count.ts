// The queue's counts stop at a cap: past it a view says "10,000+" instead of walking its whole backlog on every
// page and every refresh (six views over some 70,000 open L1 tickets were the read floor of bench:load).
import { Prisma } from "@/lib/db/generated/client";

/** A view holding more tickets than this shows the cap with a "+": the count reads at most one ticket past it. */
export const QUEUE_COUNT_CAP = 10_000;

/** How many tickets of "Ticket" t match `where`, counting at most QUEUE_COUNT_CAP + 1 of them (an int). */
export function cappedCountSql(where: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(SELECT count(*)::int FROM (SELECT 1 FROM "Ticket" t WHERE ${where} LIMIT ${Prisma.raw(String(QUEUE_COUNT_CAP + 1))}) AS capped)`;
}

/** A count as read by cappedCountSql: the number to show, and whether there are more than that. */
export function cappedCount(counted: number): { count: number; capped: boolean } {
  return counted > QUEUE_COUNT_CAP ? { count: QUEUE_COUNT_CAP, capped: true } : { count: counted, capped: false };
}

/** What a person reads: "42", "1,234", or "10,000+" for a capped count. */
export function queueCountLabel(count: number, capped: boolean): string {
  return `${count.toLocaleString("en-US")}${capped ? "+" : ""}`;
}
