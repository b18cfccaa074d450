// npm run bench:backup: backup, restore and move of an embedded database with 100,000 tickets (issue 21).
//
// A measurement, not a test. Loads an embedded database (a temporary directory) with the demo data and
// BENCH_TICKETS open tickets with their decision log (the loader of bench:pages), and BENCH_FILES attachment
// files of 64 KB; then, alternating for BENCH_ROUNDS rounds, the app's backup (lib/backup/create-backup.ts:
// one transaction, checksums, COPY batches, tar.gz, each file checked against its SHA-256) and the raw floor
// (COPY of every table, nothing else, in one transaction); then one restore into a new directory (migrations,
// COPY in, checks) and one move into a throw-away PostgreSQL database (BENCH_DATABASE_URL's server), each with
// its own raw floor (COPY in of the same batches; INSERT … SELECT of the same JSON batches). Prints medians,
// sizes and ratios, PASS/MISS against the targets below, and removes everything it made.
//
//   BENCH_TICKETS   open tickets (default 100,000)
//   BENCH_FILES     attachment files (default 200)
//   BENCH_ROUNDS    alternating backup rounds (default 3)
import { randomBytes, createHash, randomUUID } from "node:crypto";
import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { createBackup } from "../lib/backup/create-backup";
import { listTables, quoteIdent } from "../lib/backup/catalog";
import { moveToPostgres } from "../lib/backup/move-to-postgres";
import { restoreBackup } from "../lib/backup/restore-backup";
import { storedFilePath } from "../lib/attachments/directory-store";
import { createDatabase, useDatabase as installProcessDatabase, type OpenedDatabase } from "../lib/db/client";
import { applyMigrations } from "../lib/db/migrate";
import { seedDemoData } from "../lib/seed/demo-data";
import { bulkLoad, insertUsers, loadFixtures } from "./bench-open-tickets";
import { throwAwayDatabase } from "./bench-database";
import { runBenchmark } from "./bench-run";
import { fmt } from "./bench-figures";

const TICKETS = Number(process.env.BENCH_TICKETS ?? 100_000);
const FILES = Number(process.env.BENCH_FILES ?? 200);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
/** Targets on this 2-core machine: a backup of 100,000 tickets under a minute, restore and move under two. */
const TARGET = { backupMs: 60_000, restoreMs: 120_000, moveMs: 120_000 };

const postgres = throwAwayDatabase("t_bench_backup");
let root = "";
let opened: OpenedDatabase | undefined;
let created = false;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const mb = (bytes: number) => `${fmt(bytes / 1024 / 1024, 1)} MB`;
const verdict = (ms: number, target: number) => (ms <= target ? "PASS" : "MISS");

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await fn();
  return [result, performance.now() - started];
}

async function main(): Promise<void> {
  console.log(`bench:backup on ${os.cpus().length} cores, load average ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}`);
  root = await mkdtemp(path.join(os.tmpdir(), "tierdesk-bench-backup-"));
  process.env.ATTACHMENTS_DIR = path.join(root, "files");
  const dataDir = path.join(root, "db");
  opened = createDatabase({ kind: "pglite", dataDir });
  await applyMigrations(opened.connection.factory);
  await seedDemoData(opened.db);
  const pool = { query: async (text: string, values?: unknown[]) => ({ rows: await opened!.connection.query(text, values ?? []) }) } as never;
  const [, loadMs] = await timed(async () => {
    const fixtures = await loadFixtures(pool);
    await bulkLoad(pool, fixtures, await insertUsers(pool, fixtures), new Date(), TICKETS);
  });
  const uploader = await opened.db.user.findUniqueOrThrow({ where: { userId: "C1001" } });
  const firstTicket = await opened.db.ticket.findFirstOrThrow({ orderBy: { id: "asc" } });
  for (let i = 0; i < FILES; i++) {
    const bytes = randomBytes(64 * 1024);
    const storageKey = randomUUID();
    await mkdir(path.dirname(storedFilePath(process.env.ATTACHMENTS_DIR, storageKey)), { recursive: true });
    await writeFile(storedFilePath(process.env.ATTACHMENTS_DIR, storageKey), bytes);
    await opened.db.attachment.create({
      data: { ticketId: firstTicket.id + i, uploaderId: uploader.id, fileName: `file-${i}.bin`, contentType: "application/octet-stream", size: bytes.length, storageKey, sha256: createHash("sha256").update(bytes).digest("hex"), createdAt: new Date() },
    });
  }
  console.log(`Loaded ${fmt(TICKETS)} tickets and ${FILES} files of 64 KB in ${fmt(loadMs / 1000, 1)} s.`);
  installProcessDatabase(opened);

  const backupMs: number[] = [];
  const rawMs: number[] = [];
  let archiveBytes = 0;
  const archive = path.join(root, "backup.tar.gz");
  for (let round = 0; round < ROUNDS; round++) {
    const [summary, ms] = await timed(() => createBackup(archive));
    backupMs.push(ms);
    archiveBytes = summary.bytes;
    const [, raw] = await timed(() =>
      opened!.connection.embedded!.transaction(async (tx) => {
        const sql = async (text: string, values?: unknown[]) => (await tx.query<Record<string, unknown>>(text, values)).rows;
        for (const table of await listTables(sql)) await tx.query(`COPY ${quoteIdent(table.name)} TO '/dev/blob'`);
      }),
    );
    rawMs.push(raw);
  }
  installProcessDatabase(undefined);
  await opened.close();
  opened = undefined;

  process.env.ATTACHMENTS_DIR = path.join(root, "restored-files");
  const [, restoreMs] = await timed(() => restoreBackup(archive, { kind: "pglite", dataDir: path.join(root, "restored") }));
  await postgres.admin(`CREATE DATABASE "${postgres.name}"`);
  created = true;
  const [, moveMs] = await timed(() => moveToPostgres({ kind: "pglite", dataDir }, postgres.url));

  const backup = median(backupMs);
  const raw = median(rawMs);
  console.log("");
  console.log(`| measure (${fmt(TICKETS)} tickets, ${FILES} files) | time | raw floor | ratio | target | |`);
  console.log("|---|---|---|---|---|---|");
  console.log(`| backup (median of ${ROUNDS}), archive ${mb(archiveBytes)} | ${fmt(backup / 1000, 1)} s | ${fmt(raw / 1000, 1)} s (COPY of every table) | ${fmt(backup / raw, 1)} | ≤ ${TARGET.backupMs / 1000} s | ${verdict(backup, TARGET.backupMs)} |`);
  console.log(`| restore into a new directory | ${fmt(restoreMs / 1000, 1)} s | | | ≤ ${TARGET.restoreMs / 1000} s | ${verdict(restoreMs, TARGET.restoreMs)} |`);
  console.log(`| move to PostgreSQL | ${fmt(moveMs / 1000, 1)} s | | | ≤ ${TARGET.moveMs / 1000} s | ${verdict(moveMs, TARGET.moveMs)} |`);
  console.log(`Backup rounds: ${backupMs.map((m) => fmt(m / 1000, 1)).join(", ")} s; raw: ${rawMs.map((m) => fmt(m / 1000, 1)).join(", ")} s. Load average at the end ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}.`);
}

async function cleanup(): Promise<string> {
  installProcessDatabase(undefined);
  await opened?.close().catch(() => {});
  if (created) await postgres.admin(`DROP DATABASE IF EXISTS "${postgres.name}" WITH (FORCE)`);
  if (root) await rm(root, { recursive: true, force: true });
  return `removed ${root}${created ? ` and dropped ${postgres.name}` : ""}`;
}

await runBenchmark(main, cleanup);
