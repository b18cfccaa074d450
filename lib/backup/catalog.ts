// What a backup, a restore and a move read from PostgreSQL's catalog, the same on PGlite and on a server: the
// application's tables (schema public, Prisma's own migrations table apart), their columns, keys, references
// and sequences, and a count and checksum of each table's rows.
import { dependencyOrder, type TableEdge } from "./table-order";

/** One statement on some connection (a PGlite transaction, a pg client): rows as objects. */
export type Sql = (text: string, values?: unknown[]) => Promise<Record<string, unknown>[]>;

export const MIGRATIONS_TABLE = "_prisma_migrations";

export interface TableInfo {
  name: string;
  columns: string[];
  primaryKey: string[];
}

export interface TableFigures {
  name: string;
  rows: number;
  /** The sum of the first 60 bits of each row's MD5, as decimal text: independent of row order. */
  checksum: string;
}

export interface SequenceValue {
  name: string;
  lastValue: string;
  isCalled: boolean;
}

export const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** The application's tables in dependency order (referenced tables first), with columns and primary key. */
export async function listTables(sql: Sql): Promise<TableInfo[]> {
  const tables = await sql(
    `SELECT c.relname::text AS name,
            (SELECT array_agg(a.attname::text ORDER BY a.attnum) FROM pg_attribute a
              WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = '') AS columns,
            (SELECT array_agg(a.attname::text ORDER BY k.ord) FROM pg_index i
               CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
               JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
              WHERE i.indrelid = c.oid AND i.indisprimary) AS "primaryKey"
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND c.relname <> $1`,
    [MIGRATIONS_TABLE],
  );
  const edges = (await sql(
    `SELECT ch.relname::text AS child, pa.relname::text AS parent
       FROM pg_constraint co JOIN pg_class ch ON ch.oid = co.conrelid JOIN pg_class pa ON pa.oid = co.confrelid
       JOIN pg_namespace n ON n.oid = ch.relnamespace
      WHERE co.contype = 'f' AND n.nspname = 'public'`,
  )) as unknown as TableEdge[];
  const byName = new Map(
    tables.map((t) => [t.name as string, { name: t.name as string, columns: (t.columns as string[]) ?? [], primaryKey: (t.primaryKey as string[] | null) ?? [] }]),
  );
  return dependencyOrder([...byName.keys()], edges).map((name) => byName.get(name)!);
}

/** Row count and order-independent checksum of each table, as this connection sees them (its snapshot). */
export async function tableFigures(sql: Sql, tables: TableInfo[]): Promise<TableFigures[]> {
  const figures: TableFigures[] = [];
  for (const table of tables) {
    // The row's text form is the same on PGlite and on a PostgreSQL server with ISO dates (set by the callers).
    const [row] = await sql(
      `SELECT count(*)::text AS rows, coalesce(sum(('x' || substr(md5(t::text), 1, 15))::bit(60)::bigint), 0)::text AS checksum
         FROM ${quoteIdent(table.name)} AS t`,
    );
    figures.push({ name: table.name, rows: Number(row!.rows), checksum: String(row!.checksum) });
  }
  return figures;
}

/** Settings under which a row's text form (the checksum's input) is the same everywhere; SET LOCAL: this transaction only. */
export const CANONICAL_TEXT_SETTINGS = ["SET LOCAL DateStyle = 'ISO, MDY'", "SET LOCAL IntervalStyle = 'postgres'", "SET LOCAL extra_float_digits = 1", "SET LOCAL TimeZone = 'UTC'"];

export async function listSequences(sql: Sql): Promise<SequenceValue[]> {
  const names = await sql(
    `SELECT c.relname::text AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind = 'S' ORDER BY c.relname`,
  );
  const values: SequenceValue[] = [];
  for (const { name } of names) {
    const [row] = await sql(`SELECT last_value::text AS "lastValue", is_called AS "isCalled" FROM ${quoteIdent(String(name))}`);
    values.push({ name: String(name), lastValue: String(row!.lastValue), isCalled: Boolean(row!.isCalled) });
  }
  return values;
}

export async function setSequences(sql: Sql, sequences: SequenceValue[]): Promise<void> {
  for (const s of sequences) await sql(`SELECT setval($1::regclass, $2::bigint, $3)`, [quoteIdent(s.name), s.lastValue, s.isCalled]);
}

/** The migrations applied to the database, by name, in order (finished ones only). */
export async function appliedMigrations(sql: Sql): Promise<string[]> {
  const exists = await sql(`SELECT to_regclass($1) IS NOT NULL AS present`, [`public.${MIGRATIONS_TABLE}`]);
  if (!exists[0]?.present) return [];
  const rows = await sql(`SELECT migration_name AS name FROM ${quoteIdent(MIGRATIONS_TABLE)} WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`);
  return rows.map((r) => String(r.name));
}

/** Tables of schema public that hold at least one row ("empty" is a database none of whose tables does). */
export async function nonEmptyTables(sql: Sql): Promise<string[]> {
  const names = await sql(`SELECT c.relname::text AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') ORDER BY 1`);
  const full: string[] = [];
  for (const { name } of names) {
    if (name === MIGRATIONS_TABLE) continue;
    const [row] = await sql(`SELECT EXISTS (SELECT 1 FROM ${quoteIdent(String(name))}) AS any`);
    if (row?.any) full.push(String(name));
  }
  return full;
}

/** Drops everything in schema public (restore --force, a failed move's target): the schema is made anew. */
export async function emptySchema(sql: Sql): Promise<void> {
  await sql(`DROP SCHEMA IF EXISTS public CASCADE`);
  await sql(`CREATE SCHEMA public`);
}

/** Empties the tables in one statement: migrations insert rows of their own (the routing stamp), the copy brings them. */
export async function truncateAll(sql: Sql, tables: string[]): Promise<void> {
  if (tables.length) await sql(`TRUNCATE ${tables.map(quoteIdent).join(", ")}`);
}
