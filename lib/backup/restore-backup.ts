// Restores a backup archive into an empty database (DATABASE_URL's) and the attachment store, then checks that
// every table holds the rows the manifest counted, with the same checksum, and every file its SHA-256.
//
// Embedded backups: the project's migrations make the schema up to the backup's level, the rows are copied in
// with triggers off (session_replication_role = replica: no notification, webhook or live-update trigger fires
// again, no counter counts twice), sequences are set, the figures are checked before the transaction commits,
// and the migrations the code has beyond the backup's level run last. PostgreSQL backups: psql runs pg_dump's
// SQL in one transaction (it makes its triggers after loading the rows), then the same checks.
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { Readable } from "node:stream";
import { createGunzip } from "node:zlib";
import pg from "pg";
import type { AttachmentStore } from "@/lib/attachments/attachment-store";
import { attachmentStore } from "@/lib/attachments/store";
import { createDatabase, type OpenedDatabase } from "@/lib/db/client";
import type { DatabaseTarget } from "@/lib/db/database-url";
import { applyMigrations } from "@/lib/db/migrate";
import { readMigrationsList } from "@/lib/db/schema-engine";
import { CANONICAL_TEXT_SETTINGS, emptySchema, truncateAll, listTables, nonEmptyTables, setSequences, tableFigures, type Sql, type TableFigures } from "./catalog";
import { copyIn } from "./embedded-data";
import { ATTACHMENTS_ENTRY, DATA_DIR_ENTRY, MANIFEST_ENTRY, parseManifest, PG_DUMP_ENTRY, type BackupManifest } from "./manifest";
import { readTar, readWhole, type TarEntry } from "./tar";

export interface RestoreSummary {
  tables: number;
  rows: number;
  files: number;
  /** Migrations of this version newer than the backup, applied after the rows were in. */
  laterMigrations: string[];
  durationMs: number;
}

export interface RestoreOptions {
  /** Empties a database that holds rows (and overwrites files that differ) instead of refusing. */
  force?: boolean;
  log?: (line: string) => void;
}

/** Compares what the database holds with what the manifest counted; throws naming every table that differs. */
export function compareFigures(expected: { name: string; rows: number; checksum: string }[], actual: TableFigures[]): void {
  const byName = new Map(actual.map((f) => [f.name, f]));
  const wrong = expected.filter((e) => byName.get(e.name)?.rows !== e.rows || byName.get(e.name)?.checksum !== e.checksum);
  if (wrong.length) {
    throw new Error(
      `The restored rows differ from the backup's: ${wrong.map((e) => `${e.name} (backup ${e.rows} rows, restored ${byName.get(e.name)?.rows ?? "no table"}${byName.get(e.name)?.rows === e.rows ? ", other content" : ""})`).join("; ")}.`,
    );
  }
}

export async function restoreBackup(file: string, target: DatabaseTarget, options: RestoreOptions = {}): Promise<RestoreSummary> {
  const started = performance.now();
  const log = options.log ?? (() => {});
  const entries = readTar(createReadStream(file).pipe(createGunzip()))[Symbol.asyncIterator]();
  const first = await entries.next();
  if (first.done || first.value.name !== MANIFEST_ENTRY) throw new Error(`${file} is not a Tierdesk backup (no ${MANIFEST_ENTRY} first).`);
  const manifest = parseManifest(await readWhole(first.value));
  const known = readMigrationsList().migrationDirectories.map((m) => m.path);
  const unknown = manifest.database.migrations.filter((m) => !known.includes(m));
  if (unknown.length) throw new Error(`The backup was made by a newer version (migrations ${unknown.join(", ")} are unknown here): restore it with that version.`);
  if (manifest.database.data === "copy" && target.kind === "postgres") {
    throw new Error("This is a backup of an embedded database: restore it into an embedded directory (DATABASE_URL=file:<dir>), then move that with npm run db:move -- postgres://…");
  }
  if (manifest.database.data === "pg_dump" && target.kind !== "postgres") throw new Error("This is a backup of a PostgreSQL database: restore it into PostgreSQL (DATABASE_URL=postgres://…).");

  const opened = createDatabase(target);
  try {
    const sql: Sql = (text, values) => opened.connection.query(text, values ?? []);
    const full = await nonEmptyTables(sql);
    if (full.length && !options.force) throw new Error(`The database is not empty (${full.slice(0, 5).join(", ")}${full.length > 5 ? " …" : ""} hold rows): restore into an empty one, or add --force to replace its content.`);
    if ((await listTables(sql)).length || full.length) await emptySchema(sql);

    let next: IteratorResult<TarEntry>;
    if (manifest.database.data === "copy") next = await restoreEmbedded(opened, manifest, entries, log);
    else next = await restorePostgres(opened, target, manifest, entries, log);

    const laterMigrations = await applyMigrations(opened.connection.factory);
    if (laterMigrations.length) log(`Applied this version's later migrations: ${laterMigrations.join(", ")}.`);
    const files = await restoreFiles(manifest, next, entries, options.force ?? false, log);
    return {
      tables: manifest.database.tables.length,
      rows: manifest.database.tables.reduce((sum, t) => sum + t.rows, 0),
      files,
      laterMigrations,
      durationMs: Math.round(performance.now() - started),
    };
  } finally {
    await opened.close();
  }
}

async function restoreEmbedded(opened: OpenedDatabase, manifest: BackupManifest, entries: AsyncIterator<TarEntry>, log: (line: string) => void): Promise<IteratorResult<TarEntry>> {
  const applied = await applyMigrations(opened.connection.factory, manifest.database.migrations);
  log(`Schema at the backup's level: ${applied.length} migration(s).`);
  const tables = manifest.database.tables;
  return opened.connection.embedded!.transaction(async (tx) => {
    const sql: Sql = async (text, values) => (await tx.query<Record<string, unknown>>(text, values)).rows;
    await sql(`SET LOCAL session_replication_role = replica`);
    for (const setting of CANONICAL_TEXT_SETTINGS) await sql(setting);
    await truncateAll(sql, tables.map((t) => t.name));
    let next = await entries.next();
    for (; !next.done && next.value.name.startsWith(DATA_DIR_ENTRY); next = await entries.next()) {
      const position = Number(next.value.name.slice(DATA_DIR_ENTRY.length, DATA_DIR_ENTRY.length + 3));
      const table = tables[position];
      if (!table) throw new Error(`The archive's entry ${next.value.name} names no table of its manifest.`);
      await copyIn(tx, table.name, table.columns, await readWhole(next.value));
    }
    await setSequences(sql, manifest.database.sequences);
    compareFigures(tables, await tableFigures(sql, await listTables(sql)));
    log(`Rows restored and checked: ${tables.length} tables.`);
    return next;
  });
}

async function restorePostgres(opened: OpenedDatabase, target: DatabaseTarget, manifest: BackupManifest, entries: AsyncIterator<TarEntry>, log: (line: string) => void): Promise<IteratorResult<TarEntry>> {
  const entry = await entries.next();
  if (entry.done || entry.value.name !== PG_DUMP_ENTRY) throw new Error(`The archive has no ${PG_DUMP_ENTRY} after its manifest.`);
  await runPsql((target as { url: string }).url, entry.value.body);
  const client = new pg.Client({ connectionString: (target as { url: string }).url });
  await client.connect();
  try {
    const sql: Sql = async (text, values) => (await client.query(text, values)).rows;
    await sql("BEGIN");
    for (const setting of CANONICAL_TEXT_SETTINGS) await sql(setting);
    compareFigures(manifest.database.tables, await tableFigures(sql, await listTables(sql)));
    await sql("COMMIT");
  } finally {
    await client.end();
  }
  void opened;
  log(`Rows restored by psql and checked: ${manifest.database.tables.length} tables.`);
  return entries.next();
}

/** psql runs the SQL in one transaction and stops at the first error. */
function runPsql(url: string, body: AsyncIterable<Buffer>): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.env.PSQL_PATH || "psql", ["--no-psqlrc", "--quiet", "--single-transaction", "--set=ON_ERROR_STOP=1", `--dbname=${url}`], {
      stdio: ["pipe", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    child.once("error", (error: NodeJS.ErrnoException) =>
      reject(error.code === "ENOENT" ? new Error("psql is not installed: install PostgreSQL's client tools (or set PSQL_PATH).") : error),
    );
    child.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`psql failed (exit ${code}): ${stderr.trim().split("\n").slice(0, 5).join(" ")}`))));
    Readable.from(body).pipe(child.stdin).on("error", () => {});
  });
}

/** Writes the archive's files to the attachment store, each checked against its SHA-256; returns how many. */
async function restoreFiles(manifest: BackupManifest, first: IteratorResult<TarEntry>, entries: AsyncIterator<TarEntry>, force: boolean, log: (line: string) => void): Promise<number> {
  if (!manifest.attachments.included) {
    log("Attachments are on object storage, backed up by its own means: none in this archive.");
    return 0;
  }
  const expected = new Map(manifest.attachments.files.map((f) => [f.storageKey, f]));
  const store = await attachmentStore();
  const now = new Date();
  let restored = 0;
  for (let next = first; !next.done; next = await entries.next()) {
    if (!next.value.name.startsWith(ATTACHMENTS_ENTRY)) throw new Error(`Unexpected entry in the archive: ${next.value.name}`);
    const storageKey = next.value.name.split("/").at(-1)!;
    const file = expected.get(storageKey);
    if (!file) throw new Error(`The archive's file ${storageKey} is not in its manifest.`);
    if (await store.writtenAt(storageKey)) {
      if ((await storedSha256(store, storageKey)) === file.sha256) {
        restored++;
        continue;
      }
      if (!force) throw new Error(`The attachment store already has a different file ${storageKey}: add --force to replace it.`);
      await store.remove(storageKey);
    }
    const hash = createHash("sha256");
    const body = next.value.body;
    async function* hashed() {
      for await (const chunk of body) {
        hash.update(chunk);
        yield chunk;
      }
    }
    await store.write(storageKey, Readable.from(hashed()), now);
    const actual = hash.digest("hex");
    if (actual !== file.sha256) {
      await store.remove(storageKey);
      throw new Error(`Attachment ${storageKey} in the archive does not match its SHA-256: the archive is damaged.`);
    }
    restored++;
  }
  const wanted = manifest.attachments.files.length - manifest.attachments.missing.length;
  if (restored !== wanted) throw new Error(`The archive holds ${restored} of its ${wanted} attachment files: it is incomplete.`);
  if (manifest.attachments.missing.length) log(`${manifest.attachments.missing.length} attachment file(s) were already missing when the backup was made: ${manifest.attachments.missing.join(", ")}.`);
  return restored;
}

async function storedSha256(store: AttachmentStore, storageKey: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of Readable.fromWeb((await store.read(storageKey)) as never)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}
