// npm run db:move: an embedded database copied into an empty PostgreSQL database (README, "Moving to PostgreSQL").
//
// The schema comes from the project's migrations, as on any PostgreSQL install; then the rows, table by table
// in dependency order, in one transaction on the target with session_replication_role = replica, which turns
// off every trigger: the rows arrive as they are, and nothing fires again (no live-update NOTIFY, no webhook
// delivery or notification enqueued, no agent-load counter counted twice, no search vector recomputed).
// Sequences are set to the source's values, so ticket numbers and ids continue. Before it commits, every
// table's row count and checksum on the target must equal the source's; otherwise nothing is kept.
import type { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { createDatabase } from "@/lib/db/client";
import type { DatabaseTarget } from "@/lib/db/database-url";
import { applyMigrations } from "@/lib/db/migrate";
import { readMigrationsList } from "@/lib/db/schema-engine";
import { appliedMigrations, CANONICAL_TEXT_SETTINGS, emptySchema, listSequences, listTables, quoteIdent, setSequences, tableFigures, truncateAll, type Sql, type TableFigures } from "./catalog";
import { batchConditions } from "./embedded-data";
import { compareFigures } from "./restore-backup";

/** Rows per INSERT: a batch travels as one JSON text. */
const MOVE_BATCH_ROWS = 10_000;

export interface MoveSummary {
  tables: TableFigures[];
  sequences: number;
  durationMs: number;
}

/** Relations in the target's schema public: a target with any is not empty. */
async function targetRelations(client: pg.Client): Promise<string[]> {
  const rows = await client.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'S') ORDER BY 1 LIMIT 6`,
  );
  return rows.rows.map((r) => r.name);
}

export async function moveToPostgres(source: Extract<DatabaseTarget, { kind: "pglite" }>, url: string, log: (line: string) => void = () => {}): Promise<MoveSummary> {
  const started = performance.now();
  const check = new pg.Client({ connectionString: url, application_name: "tierdesk-move" });
  await check.connect();
  try {
    const present = await targetRelations(check);
    if (present.length) throw new Error(`The target database is not empty (${present.slice(0, 5).join(", ")}${present.length > 5 ? " …" : ""}): move into an empty database.`);
  } finally {
    await check.end();
  }

  const from = createDatabase(source);
  try {
    const sourceSql: Sql = (text, values) => from.connection.query(text, values ?? []);
    const known = readMigrationsList().migrationDirectories.map((m) => m.path);
    const unknown = (await appliedMigrations(sourceSql)).filter((m) => !known.includes(m));
    if (unknown.length) throw new Error(`The embedded database was migrated by a newer version (${unknown.join(", ")}): move it with that version.`);
    const caughtUp = await applyMigrations(from.connection.factory);
    if (caughtUp.length) log(`Brought the embedded database up to date first: ${caughtUp.join(", ")}.`);

    const to = createDatabase({ kind: "postgres", url });
    try {
      log(`Schema on PostgreSQL by the migrations: ${(await applyMigrations(to.connection.factory)).length} applied.`);
      return await copyRows(from.connection.embedded!, url, log, started);
    } catch (error) {
      // The target was empty: leave it so, and a second try finds it empty again.
      await emptySchema((text, values) => to.connection.query(text, values ?? [])).catch(() => {});
      throw error;
    } finally {
      await to.close();
    }
  } finally {
    await from.close();
  }
}

async function copyRows(source: PGlite, url: string, log: (line: string) => void, started: number): Promise<MoveSummary> {
  const client = new pg.Client({ connectionString: url, application_name: "tierdesk-move" });
  await client.connect();
  try {
    const targetSql: Sql = async (text, values) => (await client.query(text, values)).rows;
    await targetSql("BEGIN");
    try {
      await targetSql("SET LOCAL session_replication_role = replica");
    } catch (error) {
      throw new Error(
        `PostgreSQL refused to turn triggers off for the copy (${(error as Error).message}). Run the move as a superuser, or on PostgreSQL 15+ first: GRANT SET ON PARAMETER session_replication_role TO <user>.`,
      );
    }
    for (const setting of CANONICAL_TEXT_SETTINGS) await targetSql(setting);
    const summary = await source.transaction(async (tx) => {
      const sql: Sql = async (text, values) => (await tx.query<Record<string, unknown>>(text, values)).rows;
      await sql(`SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY`);
      for (const setting of CANONICAL_TEXT_SETTINGS) await sql(setting);
      const tables = await listTables(sql);
      const figures = await tableFigures(sql, tables);
      await truncateAll(targetSql, tables.map((t) => t.name));
      for (const [i, table] of tables.entries()) {
        const columns = table.columns.map(quoteIdent).join(", ");
        for (const condition of await batchConditions(sql, table, figures[i]!.rows, MOVE_BATCH_ROWS)) {
          // As text, so no value passes through a JavaScript number on its way (bigints, timestamps stay exact).
          const [batch] = await sql(`SELECT json_agg(t)::text AS rows FROM (SELECT ${columns} FROM ${quoteIdent(table.name)} WHERE ${condition}) t`);
          if (batch?.rows === null || batch?.rows === undefined) continue;
          await targetSql(`INSERT INTO ${quoteIdent(table.name)} (${columns}) SELECT ${columns} FROM json_populate_recordset(NULL::${quoteIdent(table.name)}, $1::json)`, [batch.rows]);
        }
        log(`  ${table.name}: ${figures[i]!.rows.toLocaleString("en")} rows`);
      }
      const sequences = await listSequences(sql);
      await setSequences(targetSql, sequences);
      compareFigures(figures, await tableFigures(targetSql, tables));
      return { tables: figures, sequences: sequences.length };
    });
    await targetSql("COMMIT");
    return { ...summary, durationMs: Math.round(performance.now() - started) };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}
