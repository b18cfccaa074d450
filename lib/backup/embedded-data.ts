// An embedded database's rows in and out of a backup: PostgreSQL's COPY text format, a batch of at most
// BATCH_ROWS rows per archive entry (batches split on the primary key, so no table is whole in memory).
import type { Transaction } from "@electric-sql/pglite";
import { quoteIdent, type Sql, type TableInfo } from "./catalog";

export const BATCH_ROWS = 50_000;

/** The WHERE clauses that cut `table` into batches of `batchRows` rows by primary key, in key order. */
export async function batchConditions(sql: Sql, table: TableInfo, rows: number, batchRows = BATCH_ROWS): Promise<string[]> {
  if (rows <= batchRows || table.primaryKey.length === 0) return ["TRUE"];
  const key = table.primaryKey.map(quoteIdent).join(", ");
  // Boundaries as SQL literals (COPY takes no parameters); quote_literal makes them safe.
  const bounds = await sql(
    `SELECT 'ROW(' || concat_ws(', ', ${table.primaryKey.map((c) => `quote_literal(${quoteIdent(c)})`).join(", ")}) || ')' AS bound
       FROM (SELECT ${key}, row_number() OVER (ORDER BY ${key}) AS n FROM ${quoteIdent(table.name)}) s
      WHERE n % ${batchRows} = 0 ORDER BY n`,
  );
  const limits = bounds.map((b) => String(b.bound));
  return [...limits.map((bound, i) => (i === 0 ? `ROW(${key}) <= ${bound}` : `ROW(${key}) > ${limits[i - 1]} AND ROW(${key}) <= ${bound}`)), `ROW(${key}) > ${limits.at(-1)}`];
}

/** The table's rows, batch by batch, as COPY text. */
export async function* copyOut(tx: Transaction, table: TableInfo, rows: number): AsyncGenerator<Uint8Array> {
  const sql: Sql = async (text, values) => (await tx.query<Record<string, unknown>>(text, values)).rows;
  const columns = table.columns.map(quoteIdent).join(", ");
  for (const condition of await batchConditions(sql, table, rows)) {
    const result = await tx.query(`COPY (SELECT ${columns} FROM ${quoteIdent(table.name)} WHERE ${condition}) TO '/dev/blob'`);
    // No rows, no blob.
    yield result.blob ? new Uint8Array(await result.blob.arrayBuffer()) : new Uint8Array();
  }
}

/** Loads one batch of COPY text into the table (its columns as the backup lists them). */
export async function copyIn(tx: Transaction, table: string, columns: string[], bytes: Uint8Array): Promise<void> {
  await tx.query(`COPY ${quoteIdent(table)} (${columns.map(quoteIdent).join(", ")}) FROM '/dev/blob'`, [], { blob: new Blob([bytes as Uint8Array<ArrayBuffer>]) });
}
