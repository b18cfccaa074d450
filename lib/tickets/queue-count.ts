// The queue's counts stop at a cap: past it a view says "10,000+" instead of walking its whole backlog on every
// page and every refresh (six views over some 70,000 open L1 tickets were the read floor of bench:load). Pure: the
// queue's client components read it too; the SQL is queue-conditions.ts' cappedCountSql.

/** A view holding more tickets than this shows the cap with a "+": the count reads at most one ticket past it. */
export const QUEUE_COUNT_CAP = 10_000;

/** A count as read by cappedCountSql: the number to show, and whether there are more than that. */
export function cappedCount(counted: number): { count: number; capped: boolean } {
  return counted > QUEUE_COUNT_CAP ? { count: QUEUE_COUNT_CAP, capped: true } : { count: counted, capped: false };
}

/** What a person reads: "42", "1,234", or "10,000+" for a capped count. */
export function queueCountLabel(count: number, capped: boolean): string {
  return `${count.toLocaleString("en-US")}${capped ? "+" : ""}`;
}
