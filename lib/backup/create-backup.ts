// A consistent backup of the database and its attachment files in one tar.gz archive, while the app runs.
//
// Embedded: the rows are copied out (COPY … TO) inside one transaction of the process's PGlite, which has one
// connection: the app's statements wait until the copy is done (seconds for 100,000 tickets; README, "Backups").
// PostgreSQL: pg_dump, on a snapshot exported by a transaction that also counts the rows, so the manifest's
// figures are those of the very data pg_dump writes; the app goes on meanwhile.
// Then the attachment files the snapshot names. The archive is written under a temporary name and renamed
// when complete: a failed or interrupted backup leaves no archive that looks whole.
import { spawn } from "node:child_process";
import { createReadStream, createWriteStream, readFileSync } from "node:fs";
import { mkdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { createGzip } from "node:zlib";
import pg from "pg";
import { resolveAttachmentStore } from "@/lib/attachments/store-config";
import { processDatabase } from "@/lib/db/client";
import { appliedMigrations, CANONICAL_TEXT_SETTINGS, listSequences, listTables, tableFigures, type Sql, type TableFigures, type TableInfo } from "./catalog";
import { checkedFileBytes, missingFiles, namedFiles, type NamedFile } from "./attachment-files";
import { copyOut } from "./embedded-data";
import { attachmentEntryName, BACKUP_FORMAT, BACKUP_FORMAT_VERSION, dataEntryName, MANIFEST_ENTRY, PG_DUMP_ENTRY, type BackupManifest } from "./manifest";
import { TarWriter } from "./tar";

export interface BackupSummary {
  file: string;
  bytes: number;
  durationMs: number;
  tables: number;
  rows: number;
  tickets: number;
  attachments: number;
  /** Attachment files the database names that the store does not have: the backup is incomplete. */
  missing: string[];
  attachmentsIncluded: boolean;
}

export function appVersion(): string {
  try {
    return String(JSON.parse(readFileSync(path.join(/*turbopackIgnore: true*/ process.cwd(), "package.json"), "utf8")).version);
  } catch {
    return "unknown";
  }
}

/** Writes a backup of the process's database (and its directory of attachments) to `file`. */
export async function createBackup(file: string, now = new Date()): Promise<BackupSummary> {
  const started = performance.now();
  const target = path.resolve(file);
  const partial = `${target}.partial-${process.pid}`;
  await mkdir(path.dirname(target), { recursive: true });
  const store = resolveAttachmentStore(process.env);
  const gzip = createGzip({ level: 6 });
  const written = pipeline(gzip, createWriteStream(partial, { mode: 0o600 }));
  const tar = new TarWriter(gzip);
  try {
    const manifest = await writeDatabase(tar, store.kind === "directory" ? store.dir : null, now, path.dirname(target));
    if (store.kind === "directory") {
      for (const f of manifest.attachments.files) {
        if (manifest.attachments.missing.includes(f.storageKey)) continue;
        await tar.addStream(attachmentEntryName(f.storageKey), f.size, checkedFileBytes(store.dir, f as NamedFile));
      }
    }
    await tar.finish();
    gzip.end();
    await written;
    await rename(partial, target);
    const tickets = manifest.database.tables.find((t) => t.name === "Ticket")?.rows ?? 0;
    return {
      file: target,
      bytes: (await stat(target)).size,
      durationMs: Math.round(performance.now() - started),
      tables: manifest.database.tables.length,
      rows: manifest.database.tables.reduce((sum, t) => sum + t.rows, 0),
      tickets,
      attachments: manifest.attachments.files.length,
      missing: manifest.attachments.missing,
      attachmentsIncluded: manifest.attachments.included,
    };
  } catch (error) {
    gzip.destroy();
    await written.catch(() => {});
    await rm(partial, { force: true });
    throw error;
  }
}

interface Snapshot {
  tables: TableInfo[];
  figures: TableFigures[];
  files: NamedFile[];
}

function manifestOf(kind: "pglite" | "postgres", serverVersion: string, migrations: string[], snapshot: Snapshot, sequences: BackupManifest["database"]["sequences"], missing: string[], attachmentsDir: string | null, now: Date): BackupManifest {
  return {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    appVersion: appVersion(),
    createdAt: now.toISOString(),
    database: {
      kind,
      data: kind === "pglite" ? "copy" : "pg_dump",
      serverVersion,
      migrations,
      tables: snapshot.tables.map((t, i) => ({ name: t.name, columns: t.columns, rows: snapshot.figures[i]!.rows, checksum: snapshot.figures[i]!.checksum })),
      sequences,
    },
    attachments: { store: attachmentsDir === null ? "s3" : "directory", included: attachmentsDir !== null, files: snapshot.files, missing },
  };
}

async function readSnapshot(sql: Sql): Promise<Snapshot & { migrations: string[]; serverVersion: string }> {
  for (const setting of CANONICAL_TEXT_SETTINGS) await sql(setting);
  const tables = await listTables(sql);
  return {
    tables,
    figures: await tableFigures(sql, tables),
    files: await namedFiles(sql),
    migrations: await appliedMigrations(sql),
    serverVersion: String((await sql(`SHOW server_version`))[0]!.server_version),
  };
}

/** The manifest and the rows; returns the manifest. `tempDir` takes pg_dump's file until it is archived. */
async function writeDatabase(tar: TarWriter, attachmentsDir: string | null, now: Date, tempDir: string): Promise<BackupManifest> {
  const { connection } = processDatabase();
  const pglite = connection.embedded;
  if (pglite) {
    return pglite.transaction(async (tx) => {
      const sql: Sql = async (text, values) => (await tx.query<Record<string, unknown>>(text, values)).rows;
      await sql(`SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY`);
      const snapshot = await readSnapshot(sql);
      const missing = attachmentsDir === null ? [] : await missingFiles(attachmentsDir, snapshot.files);
      const manifest = manifestOf("pglite", snapshot.serverVersion, snapshot.migrations, snapshot, await listSequences(sql), missing, attachmentsDir, now);
      await tar.addBuffer(MANIFEST_ENTRY, Buffer.from(JSON.stringify(manifest, null, 1)));
      for (const [position, table] of snapshot.tables.entries()) {
        let batch = 0;
        for await (const bytes of copyOut(tx, table, snapshot.figures[position]!.rows)) await tar.addBuffer(dataEntryName(position, table.name, ++batch), bytes);
      }
      return manifest;
    });
  }
  if (connection.target.kind !== "postgres") throw new Error("Nothing to back up: the database is in memory.");
  return dumpPostgres(connection.target.url, tar, attachmentsDir, now, tempDir);
}

async function dumpPostgres(url: string, tar: TarWriter, attachmentsDir: string | null, now: Date, tempDir: string): Promise<BackupManifest> {
  const client = new pg.Client({ connectionString: url, application_name: "tierdesk-backup" });
  await client.connect();
  const sqlFile = path.join(tempDir, `.tierdesk-dump-${process.pid}-${now.getTime()}.sql`);
  try {
    const sql: Sql = async (text, values) => (await client.query(text, values)).rows;
    await sql(`BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY`);
    const [{ snapshot: snapshotId }] = (await sql(`SELECT pg_export_snapshot() AS snapshot`)) as [{ snapshot: string }];
    const snapshot = await readSnapshot(sql);
    const missing = attachmentsDir === null ? [] : await missingFiles(attachmentsDir, snapshot.files);
    // pg_dump's SQL sets the sequences itself.
    const manifest = manifestOf("postgres", snapshot.serverVersion, snapshot.migrations, snapshot, [], missing, attachmentsDir, now);
    await runPgDump(url, snapshotId, sqlFile);
    await sql(`COMMIT`);
    await tar.addBuffer(MANIFEST_ENTRY, Buffer.from(JSON.stringify(manifest, null, 1)));
    await tar.addStream(PG_DUMP_ENTRY, (await stat(sqlFile)).size, createReadStream(sqlFile));
    return manifest;
  } finally {
    await client.end().catch(() => {});
    await rm(sqlFile, { force: true });
  }
}

/** pg_dump's plain SQL of the exported snapshot into `file`; a missing pg_dump is named as such. */
function runPgDump(url: string, snapshot: string, file: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.env.PG_DUMP_PATH || "pg_dump", ["--format=plain", "--no-owner", "--no-privileges", `--snapshot=${snapshot}`, `--file=${file}`, `--dbname=${url}`], {
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    child.once("error", (error: NodeJS.ErrnoException) =>
      reject(error.code === "ENOENT" ? new Error("pg_dump is not installed: install PostgreSQL's client tools (pg_dump and psql, of the server's major version) or set PG_DUMP_PATH.") : error),
    );
    child.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`pg_dump failed (exit ${code}): ${stderr.trim()}`))));
  });
}
