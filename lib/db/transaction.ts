import type { Prisma } from "./generated/client";
import { processDatabase } from "./client";

/** Statements inside `driverTransaction`. */
export interface SqlTransaction {
  /** The rows of one statement (timestamps as instants, jsonb parsed, bigint as the driver gives it: cast counts to int). */
  query<T>(sql: Prisma.Sql): Promise<T[]>;
  /** Runs one statement; the number of rows its command wrote (a WITH statement's top-level command). */
  execute(sql: Prisma.Sql): Promise<number>;
}

/**
 * Runs `work` in one transaction on the driver under Prisma (the same pool, or the same PGlite), without
 * Prisma's query pipeline: for set-based jobs whose statements carry large parameters (the SLA sweep),
 * where Prisma's query compiler and parameter handling cost more than the statements themselves.
 * Committed when `work` resolves, rolled back when it throws.
 *
 * Dates in values (also inside arrays) are sent as UTC instants. Arrays of an enum type reach PGlite only
 * as text: write `${values}::text[]::"Tier"[]`.
 */
export function driverTransaction<T>(work: (tx: SqlTransaction) => Promise<T>): Promise<T> {
  return processDatabase().connection.transaction((run) => {
    const send = (sql: Prisma.Sql) => run(sql.text, sql.values.map(toDriver));
    return work({
      query: async <R>(sql: Prisma.Sql) => (await send(sql)).rows as R[],
      execute: async (sql) => (await send(sql)).count,
    });
  });
}

function toDriver(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(toDriver);
  return value;
}
