import type { Prisma } from "./generated/client";
import { processDatabase } from "./client";

/**
 * Runs one SQL statement on the driver under Prisma (the same pool, or the same PGlite), without Prisma's
 * query pipeline: for the routing hot paths that are a single statement (intake, claim). Prisma's raw
 * path costs about 180 µs of CPU per call, more than the rest of a claim; profiled in bench:routing.
 * A single statement is atomic on its own, so no transaction is needed around it.
 *
 * Dates in `query` are sent as UTC instants; results come as the driver reads them (build JSON in the
 * statement for anything richer than numbers, text and booleans).
 */
export async function queryStatement<T>(query: Prisma.Sql): Promise<T[]> {
  const values = query.values.map((value) => (value instanceof Date ? value.toISOString() : value));
  return (await processDatabase().connection.query(query.text, values)) as T[];
}
