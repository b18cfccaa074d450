// The floor the app's figures are read against on this machine: the queue's own SQL (its list and its view
// counts, as lib/tickets/find-queue.ts runs them) and a ticket's rows, sent raw with pg, no HTTP, no ORM.
import { performance } from "node:perf_hooks";
import type pg from "pg";
import { Prisma } from "../../lib/db/generated/client";
import { orderBy, scopeCondition, viewCondition, whereOf } from "../../lib/tickets/queue-conditions.sql";
import type { QueueScope } from "../../lib/tickets/queue-scope";
import { QUEUE_VIEWS, type QueueView } from "../../lib/validation/queue";

interface Statement {
  text: string;
  values: unknown[];
}

const pgStatement = (sql: Prisma.Sql): Statement => ({ text: sql.text, values: sql.values.map((v) => (v instanceof Date ? v.toISOString() : v)) });

/** An L1 agent's queue view: the page's ids (51, the page and one more) and every view's count, as findQueue sends them. */
export function queueStatements(agentId: string, groupId: string, view: QueueView, now: Date): Statement[] {
  const scope: QueueScope = { actorId: agentId, tiers: ["L1"], escalationTier: "L1", selected: "L1" };
  const base = scopeCondition(scope);
  const list = Prisma.sql`SELECT t."id" FROM "Ticket" t WHERE ${whereOf([base, viewCondition(view, scope, [groupId], now)])} ORDER BY ${orderBy("priority", "asc")} LIMIT 51`;
  const counts = Prisma.sql`SELECT ${Prisma.join(
    QUEUE_VIEWS.map((v) => Prisma.sql`(SELECT count(*)::int FROM "Ticket" t WHERE ${whereOf([base, viewCondition(v, scope, [groupId], now)])}) AS ${Prisma.raw(`"${v}"`)}`),
  )}`;
  return [pgStatement(list), pgStatement(counts)];
}

/** A ticket as its page reads it at the least: the row, its decision log and its comments. */
export function ticketStatements(number: string): Statement[] {
  return [
    { text: `SELECT * FROM "Ticket" WHERE "number" = $1`, values: [number] },
    { text: `SELECT e.* FROM "TicketEvent" e JOIN "Ticket" t ON t."id" = e."ticketId" WHERE t."number" = $1 ORDER BY e."id"`, values: [number] },
    { text: `SELECT c.* FROM "Comment" c JOIN "Ticket" t ON t."id" = c."ticketId" WHERE t."number" = $1 ORDER BY c."id"`, values: [number] },
  ];
}

/** Milliseconds to run the statements side by side, as the app does (one connection each). */
export async function timeStatements(pool: pg.Pool, statements: Statement[]): Promise<number> {
  const start = performance.now();
  await Promise.all(statements.map((s) => pool.query(s.text, s.values)));
  return performance.now() - start;
}
