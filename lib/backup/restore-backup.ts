// Restores a backup archive into an empty database (DATABASE_URL's) and the attachment store, then checks that
// every table holds the rows the manifest counted, with the same checksum, and every file its SHA-256.
//
// Nothing changes until the archive has been read through once (its entries, every file's SHA-256), and nothing
// the target held is replaced by rows that fail the manifest's counts and checksums:
// - Embedded: the restore is made in a new directory beside the target's: the project's migrations make the
//   schema up to the backup's level, the rows are copied in with triggers off (session_replication_role =
//   replica: no notification, webhook or live-update trigger fires again, no counter counts twice), sequences
//   are set, the figures are checked before the transaction commits, the later migrations run, the files are
//   written; only then does the new directory's content replace the target's (whose lock is held throughout).
// - PostgreSQL: psql runs, in one transaction, the emptying of schema public, pg_dump's SQL (which makes its
//   triggers after loading the rows) and the check of the figures, which raises an error on any difference.
import { spawn } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { createReadStream, existsSync } from "node:fs";
import { readdir, rename, rm } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { createGunzip } from "node:zlib";
import type { AttachmentStore } from "@/lib/attachments/attachment-store";
import { attachmentStore } from "@/lib/attachments/store";
import { lockPurpose } from "@/lib/db/adapter";
import { createDatabase, type OpenedDatabase } from "@/lib/db/client";
import { holdDataDir } from "@/lib/db/data-dir-lock";
import type { DatabaseTarget } from "@/lib/db/database-url";
import { applyMigrations } from "@/lib/db/migrate";
import { LOCK_FILE } from "@/lib/db/lock-holder";
import { readMigrationsList } from "@/lib/db/schema-engine";
import { CANONICAL_TEXT_SETTINGS, emptySchema, truncateAll, listTables, nonEmptyTables, quoteIdent, setSequences, tableFigures, type Sql, type TableFigures } from "./catalog";
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
  // Nothing is changed before the whole archive has been read once: its manifest, the order of its entries, and
  // every attachment against its SHA-256. The rows are checked against the manifest's counts and checksums where
  // they are loaded, before anything replaces what the target holds.
  const manifest = await verifyArchive(file);
  const known = readMigrationsList().migrationDirectories.map((m) => m.path);
  const unknown = manifest.database.migrations.filter((m) => !known.includes(m));
  if (unknown.length) throw new Error(`The backup was made by a newer version (migrations ${unknown.join(", ")} are unknown here): restore it with that version.`);
  if (manifest.database.data === "copy" && target.kind === "postgres") {
    throw new Error("This is a backup of an embedded database: restore it into an embedded directory (DATABASE_URL=file:<dir>), then move that with npm run db:move -- postgres://…");
  }
  if (manifest.database.data === "pg_dump" && target.kind !== "postgres") throw new Error("This is a backup of a PostgreSQL database: restore it into PostgreSQL (DATABASE_URL=postgres://…).");

  const entries = readTar(createReadStream(file).pipe(createGunzip()))[Symbol.asyncIterator]();
  await entries.next(); // the manifest, read above
  const force = options.force ?? false;
  let restored: { laterMigrations: string[]; files: number };
  if (target.kind === "pglite") restored = await restoreIntoDirectory(target.dataDir, manifest, entries, force, log);
  else restored = await restoreInPlace(target, manifest, entries, force, log);
  return {
    tables: manifest.database.tables.length,
    rows: manifest.database.tables.reduce((sum, t) => sum + t.rows, 0),
    ...restored,
    durationMs: Math.round(performance.now() - started),
  };
}

/** Reads the archive once without changing anything; returns its manifest, or throws saying what is wrong with it. */
async function verifyArchive(file: string): Promise<BackupManifest> {
  const entries = readTar(createReadStream(file).pipe(createGunzip()))[Symbol.asyncIterator]();
  const first = await entries.next();
  if (first.done || first.value.name !== MANIFEST_ENTRY) throw new Error(`${file} is not a Tierdesk backup (no ${MANIFEST_ENTRY} first).`);
  const manifest = parseManifest(await readWhole(first.value));
  const expected = new Map(manifest.attachments.files.map((f) => [f.storageKey, f]));
  let phase: "data" | "attachments" = "data";
  let files = 0;
  let dump = false;
  for (let next = await entries.next(); !next.done; next = await entries.next()) {
    const { name } = next.value;
    if (phase === "data" && manifest.database.data === "copy" && name.startsWith(DATA_DIR_ENTRY)) {
      const position = Number(name.slice(DATA_DIR_ENTRY.length, DATA_DIR_ENTRY.length + 3));
      if (!manifest.database.tables[position]) throw new Error(`The archive's entry ${name} names no table of its manifest.`);
      continue;
    }
    if (phase === "data" && manifest.database.data === "pg_dump" && name === PG_DUMP_ENTRY && !dump) {
      dump = true;
      continue;
    }
    phase = "attachments";
    if (!name.startsWith(ATTACHMENTS_ENTRY) || !manifest.attachments.included) throw new Error(`Unexpected entry in the archive: ${name}`);
    const storageKey = name.split("/").at(-1)!;
    const wanted = expected.get(storageKey);
    if (!wanted) throw new Error(`The archive's file ${storageKey} is not in its manifest.`);
    const hash = createHash("sha256");
    for await (const chunk of next.value.body) hash.update(chunk);
    if (hash.digest("hex") !== wanted.sha256) throw new Error(`Attachment ${storageKey} in the archive does not match its SHA-256: the archive is damaged.`);
    files++;
  }
  if (manifest.database.data === "pg_dump" && !dump) throw new Error(`The archive has no ${PG_DUMP_ENTRY} after its manifest.`);
  const wanted = manifest.attachments.included ? manifest.attachments.files.length - manifest.attachments.missing.length : 0;
  if (files !== wanted) throw new Error(`The archive holds ${files} of its ${wanted} attachment files: it is incomplete.`);
  return manifest;
}

/** Whether a directory holds a database (PGlite's cluster) already. */
const holdsCluster = (dir: string) => existsSync(path.join(dir, "PG_VERSION"));

/**
 * An embedded directory: the restore is made in a new directory beside it, checked, and only then put in the
 * target's place (with the target's lock held throughout), so a refused or failed restore leaves it as it was.
 */
async function restoreIntoDirectory(dataDir: string, manifest: BackupManifest, entries: AsyncIterator<TarEntry>, force: boolean, log: (line: string) => void) {
  const dir = path.resolve(dataDir);
  const release = holdDataDir(dir, { purpose: lockPurpose() });
  const staging = `${dir}.restoring-${process.pid}-${randomBytes(3).toString("hex")}`;
  try {
    if (holdsCluster(dir)) {
      const current = createDatabase({ kind: "pglite", dataDir: dir });
      try {
        await refuseUnlessEmpty((text, values) => current.connection.query(text, values ?? []), force);
      } finally {
        await current.close();
      }
    }
    const opened = createDatabase({ kind: "pglite", dataDir: staging });
    let laterMigrations: string[];
    let next: IteratorResult<TarEntry>;
    try {
      next = await restoreEmbedded(opened, manifest, entries, log);
      laterMigrations = await applyMigrations(opened.connection.factory);
      if (laterMigrations.length) log(`Applied this version's later migrations: ${laterMigrations.join(", ")}.`);
    } finally {
      await opened.close();
    }
    const files = await restoreFiles(manifest, next, entries, force, log);
    // Checked: the restored cluster takes the place of the directory's (whose lock file this process holds).
    const keep = new Set([LOCK_FILE, "tierdesk.sock"]);
    for (const name of await readdir(dir)) if (!keep.has(name)) await rm(path.join(dir, name), { recursive: true, force: true });
    for (const name of await readdir(staging)) if (!keep.has(name)) await rename(path.join(staging, name), path.join(dir, name));
    return { laterMigrations, files };
  } finally {
    await rm(staging, { recursive: true, force: true });
    release();
  }
}

/** PostgreSQL (one transaction: replaced and checked, or left as it was), or an in-memory database (tests). */
async function restoreInPlace(target: DatabaseTarget, manifest: BackupManifest, entries: AsyncIterator<TarEntry>, force: boolean, log: (line: string) => void) {
  const opened = createDatabase(target);
  try {
    const sql: Sql = (text, values) => opened.connection.query(text, values ?? []);
    await refuseUnlessEmpty(sql, force);
    const hasSchema = (await listTables(sql)).length > 0;
    let next: IteratorResult<TarEntry>;
    if (manifest.database.data === "copy") {
      if (hasSchema) await emptySchema(sql);
      next = await restoreEmbedded(opened, manifest, entries, log);
    } else next = await restorePostgres((target as { url: string }).url, hasSchema, manifest, entries, log);

    const laterMigrations = await applyMigrations(opened.connection.factory);
    if (laterMigrations.length) log(`Applied this version's later migrations: ${laterMigrations.join(", ")}.`);
    const files = await restoreFiles(manifest, next, entries, force, log);
    return { laterMigrations, files };
  } finally {
    await opened.close();
  }
}

async function refuseUnlessEmpty(sql: Sql, force: boolean): Promise<void> {
  const full = await nonEmptyTables(sql);
  if (full.length && !force) throw new Error(`The database is not empty (${full.slice(0, 5).join(", ")}${full.length > 5 ? " …" : ""} hold rows): restore into an empty one, or add --force to replace its content.`);
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

const REFUSED = "The restored rows differ from the backup's: ";

/**
 * psql runs, in one transaction: emptying schema public (when the target has tables), pg_dump's SQL, then a check
 * of every table's count and checksum against the manifest that raises an error on a difference, so a refused
 * restore rolls back whole and leaves the database as it was.
 */
async function restorePostgres(url: string, hasSchema: boolean, manifest: BackupManifest, entries: AsyncIterator<TarEntry>, log: (line: string) => void): Promise<IteratorResult<TarEntry>> {
  const entry = await entries.next();
  if (entry.done || entry.value.name !== PG_DUMP_ENTRY) throw new Error(`The archive has no ${PG_DUMP_ENTRY} after its manifest.`);
  const before = hasSchema ? "DROP SCHEMA IF EXISTS public CASCADE;\nCREATE SCHEMA public;\n" : "";
  const body = entry.value.body;
  async function* script() {
    yield Buffer.from(before);
    yield* body;
    yield Buffer.from(`\n${figuresCheck(manifest.database.tables)}`);
  }
  await runPsql(url, script());
  log(`Rows restored by psql and checked: ${manifest.database.tables.length} tables.`);
  return entries.next();
}

const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;

/** SQL that raises REFUSED naming every table whose count or checksum is not the manifest's (the sum as in tableFigures). */
function figuresCheck(tables: BackupManifest["database"]["tables"]): string {
  const tag = `$check_${randomBytes(6).toString("hex")}$`;
  const checks = tables.map((t) => {
    const relation = `public.${quoteIdent(t.name)}`;
    return `  IF to_regclass(${literal(relation)}) IS NULL THEN wrong := wrong || ${literal(`; ${t.name} (backup ${t.rows} rows, restored no table)`)};
  ELSE
    EXECUTE ${literal(`SELECT count(*)::bigint, coalesce(sum(('x' || substr(md5(t::text), 1, 15))::bit(60)::bigint), 0)::text FROM ${relation} AS t`)} INTO n, sum;
    IF n <> ${t.rows} OR sum <> ${literal(t.checksum)} THEN
      wrong := wrong || ${literal(`; ${t.name} (backup ${t.rows} rows, restored `)} || n || CASE WHEN n = ${t.rows} THEN ', other content)' ELSE ')' END;
    END IF;
  END IF;`;
  });
  return [
    ...CANONICAL_TEXT_SETTINGS.map((s) => `${s};`),
    `DO ${tag}
DECLARE wrong text := ''; n bigint; sum text;
BEGIN
${checks.join("\n")}
  IF wrong <> '' THEN RAISE EXCEPTION '%', ${literal(REFUSED)} || substr(wrong, 3) || '.'; END IF;
END ${tag};`,
    "",
  ].join("\n");
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
    child.once("exit", (code) => {
      if (code === 0) return resolve();
      const refused = stderr.split("\n").find((line) => line.includes(REFUSED));
      if (refused) return reject(new Error(refused.slice(refused.indexOf(REFUSED))));
      reject(new Error(`psql failed (exit ${code}): ${stderr.trim().split("\n").slice(0, 5).join(" ")}`));
    });
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
