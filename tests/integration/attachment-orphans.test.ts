import { mkdir, mkdtemp, readdir, rm, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Actor } from "@/lib/actor";
import { getAttachmentFile } from "@/lib/attachments/get-attachment-file";
import { storeBytes } from "@/lib/attachments/store";
import { sweepOrphanFiles } from "@/lib/attachments/sweep-orphan-files";
import { seedDemoData } from "@/lib/seed/demo-data";
import { openTicketWithAttachments } from "@/lib/tickets/open-ticket-with-attachments";
import { replyWithAttachments } from "@/lib/tickets/reply-with-attachments";
import { actorFor } from "../fixtures/actors";
import { describeEachDatabase } from "../fixtures/test-database";

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
const LOG = new TextEncoder().encode("2026-11-27T10:00:01Z ERROR export worker timed out\n");
const valid = { type: "INCIDENT", title: "Export worker times out", description: "See the log attached.", category: "data" };
const file = (bytes: Uint8Array<ArrayBuffer>, name: string) => new File([bytes], name, { type: "application/octet-stream" });
const TWO_HOURS = 2 * 60 * 60 * 1000;

const roots: string[] = [];
afterAll(async () => {
  delete process.env.ATTACHMENTS_DIR;
  await Promise.all(roots.map((d) => rm(d, { recursive: true, force: true })));
});

describeEachDatabase("orphan attachment files", (database) => {
  let dir: string;
  let acme: Actor;

  /** Every stored key on disk (the store's own layout: <dir>/<first two characters>/<key>). */
  const keysOnDisk = async () =>
    new Set((await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile() && /^[0-9a-f-]{36}$/.test(e.name)).map((e) => e.name));
  const keysInRows = async () => new Set((await database().db.attachment.findMany({ select: { storageKey: true } })).map((r) => r.storageKey));
  const age = (keys: string[], ms = TWO_HOURS) => {
    const then = new Date(Date.now() - ms);
    return Promise.all(keys.map((k) => utimes(path.join(dir, k.slice(0, 2), k), then, then)));
  };

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "tierdesk-orphans-"));
    roots.push(dir);
    process.env.ATTACHMENTS_DIR = dir;
    await seedDemoData(database().db);
    acme = await actorFor(database().db, "C1001");
  });

  it("a row always names a ticket, so only files can be orphans", async () => {
    await expect(
      database().db.$executeRawUnsafe(
        `INSERT INTO "Attachment" ("id", "ticketId", "uploaderId", "fileName", "contentType", "size", "storageKey", "sha256", "createdAt")
         VALUES ('00000000-0000-4000-8000-000000000001', NULL, $1, 'x.log', 'text/plain', 1, '00000000-0000-4000-8000-000000000001', 'x', now())`,
        acme.id,
      ),
    ).rejects.toThrow(/null value in column "ticketId"|ticketId/);
  });

  it("a refused intake, a replayed submit and a refused reply remove the files they stored at once", async () => {
    const onDisk = async () => [...(await keysOnDisk())].sort();
    const before = await onDisk();
    // The category is checked inside the intake, after the files were stored.
    await expect(openTicketWithAttachments(acme, { ...valid, category: "no-such-category" }, [file(PNG, "a.png")])).rejects.toMatchObject({ status: 400 });
    expect(await onDisk()).toEqual(before);

    const input = { ...valid, idempotencyKey: "orphan-double-submit-1" };
    const first = await openTicketWithAttachments(acme, input, [file(LOG, "first.log")]);
    const withFirst = await onDisk();
    expect(withFirst).toHaveLength(before.length + 1);
    const again = await openTicketWithAttachments(acme, input, [file(LOG, "again.log")]);
    expect(again).toMatchObject({ created: false, ticket: { number: first.ticket.number } });
    expect(again.attachments.map((a) => a.fileName)).toEqual(["first.log"]);
    expect(await onDisk()).toEqual(withFirst);

    // A customer may not write internal notes: refused by the comment service, after the file was stored.
    await expect(replyWithAttachments(acme, first.ticket.number, { body: "psst", visibility: "INTERNAL" }, [file(LOG, "c.log")])).rejects.toMatchObject({ status: 403 });
    expect(await onDisk()).toEqual(withFirst);
    expect(await onDisk()).toEqual([...(await keysInRows())].sort());
  });

  it("keeps linked and fresh files; removes old files no row names (what a crash between file and row leaves)", async () => {
    // Linked: a ticket's file and a reply's file, both old.
    const opened = await openTicketWithAttachments(acme, valid, [file(PNG, "screen.png")]);
    const replied = await replyWithAttachments(acme, opened.ticket.number, { body: "The log.", visibility: "PUBLIC" }, [file(LOG, "today.log")]);
    const linked = [...(await keysInRows())];
    await age(linked);

    // Files on disk without a row, as a crash between the write and the row leaves them: two old, one fresh
    // (a fresh one may be an upload still in flight: it stays).
    const old = await Promise.all([storeBytes(LOG, new Date()), storeBytes(PNG, new Date())]).then((s) => s.map((x) => x.storageKey));
    await age(old);
    const fresh = (await storeBytes(PNG, new Date())).storageKey;
    // Names the store never writes are not its files: left alone.
    await mkdir(path.join(dir, "zz"), { recursive: true });
    await writeFile(path.join(dir, "zz", "notes.txt"), "an operator's note");
    await writeFile(path.join(dir, "README"), "not ours");
    const then = new Date(Date.now() - TWO_HOURS);
    await utimes(path.join(dir, "zz", "notes.txt"), then, then);

    const onDiskBefore = await keysOnDisk();
    const result = await sweepOrphanFiles();
    expect(result).toEqual({ scanned: onDiskBefore.size, removed: 2 });

    const onDisk = await keysOnDisk();
    expect([...onDisk].sort()).toEqual([...(await keysInRows()), fresh].sort());
    for (const gone of old) expect(onDisk.has(gone), gone).toBe(false);
    expect(await readdir(path.join(dir, "zz"))).toEqual(["notes.txt"]);
    // Linked files still download.
    const png = await getAttachmentFile(acme, opened.ticket.number, opened.attachments[0]!.id);
    expect(Buffer.from(await new Response(png.body).arrayBuffer())).toEqual(Buffer.from(PNG));
    expect(replied.attachments).toHaveLength(1);

    // A second run finds nothing left; once the fresh orphan is old, it goes too.
    expect(await sweepOrphanFiles()).toMatchObject({ removed: 0 });
    await age([fresh]);
    expect(await sweepOrphanFiles()).toMatchObject({ removed: 1 });
    expect([...(await keysOnDisk())].sort()).toEqual([...(await keysInRows())].sort());
  });

  it("two instances sweeping at once remove each orphan once, without an error", async () => {
    const orphans = await Promise.all([storeBytes(LOG, new Date()), storeBytes(PNG, new Date()), storeBytes(LOG, new Date())]);
    await age(orphans.map((o) => o.storageKey));
    const [a, b] = await Promise.all([sweepOrphanFiles(), sweepOrphanFiles()]);
    expect(a.removed + b.removed).toBe(3);
    expect([...(await keysOnDisk())].sort()).toEqual([...(await keysInRows())].sort());
  });

  it("a missing directory is an empty store", async () => {
    process.env.ATTACHMENTS_DIR = path.join(dir, "not-created-yet");
    try {
      expect(await sweepOrphanFiles()).toEqual({ scanned: 0, removed: 0 });
    } finally {
      process.env.ATTACHMENTS_DIR = dir;
    }
  });
});
