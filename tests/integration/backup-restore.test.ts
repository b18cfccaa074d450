// A backup made while 8 intakes write keeps every acknowledged ticket with its events, mail and files; a restore
// into a new directory (a new PostgreSQL database) brings them back, checked against the manifest, and refuses a
// database that is not empty unless forced. On in-memory PGlite (the app's own copy path) and on PostgreSQL
// (pg_dump and psql).
import { createHash, randomBytes } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { createGunzip, createGzip } from "node:zlib";
import pg from "pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import { storedFilePath } from "@/lib/attachments/directory-store";
import { listTables, nonEmptyTables, type Sql } from "@/lib/backup/catalog";
import { createBackup } from "@/lib/backup/create-backup";
import { MANIFEST_ENTRY, type BackupManifest } from "@/lib/backup/manifest";
import { restoreBackup } from "@/lib/backup/restore-backup";
import { readTar, readWhole, TarWriter } from "@/lib/backup/tar";
import { createDatabase, useDatabase as installProcessDatabase, type Database } from "@/lib/db/client";
import type { DatabaseTarget } from "@/lib/db/database-url";
import { seedDemoData } from "@/lib/seed/demo-data";
import { createTicket } from "@/lib/tickets/create-ticket";
import { openTicketWithAttachments } from "@/lib/tickets/open-ticket-with-attachments";
import { replyWithAttachments } from "@/lib/tickets/reply-with-attachments";
import { actorFor } from "../fixtures/actors";
import { describeEachDatabase } from "../fixtures/test-database";

const INTAKES = 8;
const textFile = (text: string, name: string) => new File([new TextEncoder().encode(text)], name, { type: "text/plain" });

/** Each ticket with how many events, comments, mails and attachments it has. */
async function ticketShapes(db: Database): Promise<Map<string, string>> {
  const rows = await db.ticket.findMany({ select: { number: true, _count: { select: { events: true, comments: true, outboxMessages: true, attachments: true } } } });
  return new Map(rows.map((r) => [r.number, JSON.stringify(r._count)]));
}

/** A copy of `from` whose manifest `change` altered, every other entry as it was (what a tamperer would make). */
async function tamperedCopy(from: string, to: string, change: (manifest: BackupManifest) => void): Promise<void> {
  const gzip = createGzip();
  const written = pipeline(gzip, createWriteStream(to));
  const tar = new TarWriter(gzip);
  for await (const entry of readTar(createReadStream(from).pipe(createGunzip()))) {
    const bytes = await readWhole(entry);
    if (entry.name !== MANIFEST_ENTRY) await tar.addBuffer(entry.name, bytes, entry.mtime);
    else {
      const manifest = JSON.parse(bytes.toString("utf8")) as BackupManifest;
      change(manifest);
      await tar.addBuffer(entry.name, Buffer.from(JSON.stringify(manifest)), entry.mtime);
    }
  }
  await tar.finish();
  gzip.end();
  await written;
}

async function withAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

describeEachDatabase("backup and restore", (database) => {
  let root: string;
  const env = { dir: process.env.ATTACHMENTS_DIR };
  const dropAfter: string[] = [];

  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), "tierdesk-backup-"));
    process.env.ATTACHMENTS_DIR = path.join(root, "files");
    await seedDemoData(database().db);
  });
  afterAll(async () => {
    if (env.dir === undefined) delete process.env.ATTACHMENTS_DIR;
    else process.env.ATTACHMENTS_DIR = env.dir;
    for (const name of dropAfter) await withAdmin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    await rm(root, { recursive: true, force: true });
  });

  /** A new, empty place to restore into: a directory, or a PostgreSQL database of its own. */
  async function newTarget(): Promise<DatabaseTarget> {
    if (database().kind === "pglite") return { kind: "pglite", dataDir: path.join(root, `restored-${randomBytes(3).toString("hex")}`) };
    const name = `t_${randomBytes(6).toString("hex")}`;
    await withAdmin((c) => c.query(`CREATE DATABASE "${name}"`));
    dropAfter.push(name);
    const url = new URL(process.env.TEST_DATABASE_URL!);
    url.pathname = `/${name}`;
    return { kind: "postgres", url: url.toString() };
  }

  it("keeps every acknowledged ticket, event, mail and file when made during 8 parallel intakes", async () => {
    const { db } = database();
    const [carla, gus, agent] = [await actorFor(db, "C1001"), await actorFor(db, "C1002"), await actorFor(db, "l1agent")];
    // Tickets with files, and an agent's public reply with a file (which queues mail to the customer).
    const withFiles: string[] = [];
    for (let i = 0; i < 4; i++) {
      const { ticket } = await openTicketWithAttachments(i % 2 ? gus : carla, { type: "INCIDENT", title: `Export fails ${i}`, description: "Log attached.", category: "data" }, [
        textFile(`2026-12-03 export worker ${i} timed out\n`.repeat(50 + i), `worker-${i}.log`),
      ]);
      withFiles.push(ticket.number);
    }
    await replyWithAttachments(agent, withFiles[0]!, { body: "Here is the fix, see the attached notes.", visibility: "PUBLIC" }, [textFile("Restart the worker.\n", "fix.txt")]);

    // 8 intakes write until the backup is done; the backup starts once each has been acknowledged at least once.
    const acknowledged: string[] = [];
    let backingUp = true;
    const firstAcks: Promise<void>[] = [];
    const intakes = Array.from({ length: INTAKES }, (_, worker) => {
      let first!: () => void;
      firstAcks.push(new Promise<void>((resolve) => (first = resolve)));
      return (async () => {
        for (let n = 0; backingUp || n < 2; n++) {
          const ticket = await createTicket(worker % 2 ? gus : carla, { type: "INCIDENT", title: `Intake ${worker}-${n}`, description: "Written during the backup.", category: "data" });
          acknowledged.push(ticket.number);
          if (n === 0) first();
          // Requests come from the network: each intake lets the event loop turn (PGlite answers as microtasks,
          // so eight in-process loops would otherwise keep the backup's file I/O from ever completing).
          await new Promise((resolve) => setImmediate(resolve));
        }
      })();
    });
    await Promise.all(firstAcks);
    const ackedBefore = [...acknowledged];
    const archive = path.join(root, `backup-${database().kind}.tar.gz`);
    const summary = await createBackup(archive);
    backingUp = false;
    await Promise.all(intakes);

    expect(summary.missing).toEqual([]);
    expect(summary.attachments).toBe(5);
    expect(summary.attachmentsIncluded).toBe(true);

    const target = await newTarget();
    process.env.ATTACHMENTS_DIR = path.join(root, `restored-files-${database().kind}`);
    try {
      const restoredSummary = await restoreBackup(archive, target);
      expect(restoredSummary.files).toBe(5);
      const restored = createDatabase(target);
      try {
        const source = await ticketShapes(db);
        const copy = await ticketShapes(restored.db);
        expect(copy.size).toBe(summary.tickets);
        // Every ticket acknowledged before the backup began is there…
        for (const number of [...withFiles, ...ackedBefore]) expect(copy.has(number), number).toBe(true);
        // … and every ticket in the copy is whole: the same events, comments, mails and files as at the source.
        for (const [number, shape] of copy) expect(shape, number).toBe(source.get(number));
        expect(JSON.parse(copy.get(withFiles[0]!)!)).toMatchObject({ comments: 1, attachments: 2 });
        expect(JSON.parse(copy.get(withFiles[0]!)!).outboxMessages).toBeGreaterThan(0);

        // The files are back, byte for byte.
        const files = await restored.db.attachment.findMany();
        expect(files).toHaveLength(5);
        for (const file of files) {
          const bytes = await readFile(storedFilePath(process.env.ATTACHMENTS_DIR!, file.storageKey));
          expect(createHash("sha256").update(bytes).digest("hex")).toBe(file.sha256);
        }

        // Numbers go on after the restored ones (the sequences came along).
        installProcessDatabase(restored);
        const next = await createTicket(await actorFor(restored.db, "C1001"), { type: "INCIDENT", title: "After the restore", description: "First new ticket.", category: "data" });
        const highest = Math.max(...[...copy.keys()].filter((n) => n.startsWith("INC-")).map((n) => Number(n.slice(4))));
        expect(Number(next.number.slice(4))).toBeGreaterThan(highest);
      } finally {
        installProcessDatabase(database());
        await restored.close();
      }

      // Not into a database that holds rows, unless forced.
      await expect(restoreBackup(archive, target)).rejects.toThrow(/not empty.*--force/);
      const forced = await restoreBackup(archive, target, { force: true });
      expect(forced.rows).toBe(restoredSummary.rows);
    } finally {
      process.env.ATTACHMENTS_DIR = path.join(root, "files");
    }
    // Two restores, each migrating a new database from scratch (PGlite's schema engine takes most of it).
  }, 300_000);

  it("refuses an archive whose manifest was altered (a table's checksum), says so, and changes nothing, forced or not", async () => {
    const { db } = database();
    await openTicketWithAttachments(await actorFor(db, "C1001"), { type: "INCIDENT", title: "Tamper check", description: "A file.", category: "data" }, [textFile("bytes\n", "t.txt")]);
    const archive = path.join(root, `plain-${database().kind}.tar.gz`);
    await createBackup(archive);
    const tampered = path.join(root, `tampered-${database().kind}.tar.gz`);
    await tamperedCopy(archive, tampered, (manifest) => {
      const tickets = manifest.database.tables.find((t) => t.name === "Ticket")!;
      tickets.checksum = String(BigInt(tickets.checksum) + 1n);
    });
    const refusal = /The restored rows differ from the backup's: Ticket \(backup \d+ rows, restored \d+, other content\)/;
    const filesDir = path.join(root, `tamper-files-${database().kind}`);
    process.env.ATTACHMENTS_DIR = filesDir;
    try {
      // Into an empty database: refused, and it stays as it was (no schema, no rows, no file written).
      const empty = await newTarget();
      await expect(restoreBackup(tampered, empty)).rejects.toThrow(refusal);
      const after = createDatabase(empty);
      try {
        const sql: Sql = (text, values) => after.connection.query(text, values ?? []);
        expect(await listTables(sql)).toEqual([]);
      } finally {
        await after.close();
      }
      expect(await readdir(filesDir).catch(() => [])).toEqual([]);

      // Over a database with rows, forced: refused, and every row it held is still there.
      const full = await newTarget();
      await restoreBackup(archive, full);
      const before = createDatabase(full);
      const shapes = await ticketShapes(before.db).finally(() => before.close());
      await expect(restoreBackup(tampered, full, { force: true })).rejects.toThrow(refusal);
      const kept = createDatabase(full);
      try {
        expect(await ticketShapes(kept.db)).toEqual(shapes);
        expect(await nonEmptyTables((text, values) => kept.connection.query(text, values ?? []))).toContain("Ticket");
      } finally {
        await kept.close();
      }
    } finally {
      process.env.ATTACHMENTS_DIR = path.join(root, "files");
    }
  }, 300_000);
});
