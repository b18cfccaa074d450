import { beforeAll, expect, it } from "vitest";
import type { z } from "zod";
import type { Actor } from "@/lib/actor";
import { getAttachmentFile } from "@/lib/attachments/get-attachment-file";
import { storeBytes } from "@/lib/attachments/store";
import { sweepOrphanFiles } from "@/lib/attachments/sweep-orphan-files";
import { seedDemoData } from "@/lib/seed/demo-data";
import { openTicketWithAttachments } from "@/lib/tickets/open-ticket-with-attachments";
import { replyWithAttachments } from "@/lib/tickets/reply-with-attachments";
import type { ZCreateTicket } from "@/lib/validation/ticket";
import { actorFor } from "../fixtures/actors";
import { describeEachStoreAndDatabase } from "../fixtures/attachment-stores";

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
const LOG = new TextEncoder().encode("2026-11-27T10:00:01Z ERROR export worker timed out\n");
const valid = { type: "INCIDENT", title: "Export worker times out", description: "See the log attached.", category: "data" } satisfies z.input<typeof ZCreateTicket>;
const file = (bytes: Uint8Array<ArrayBuffer>, name: string) => new File([bytes], name, { type: "application/octet-stream" });
const TWO_HOURS = 2 * 60 * 60 * 1000;

/** When the sweeps below run: two hours after the uploads, with the grace period one hour. */
const later = () => new Date(Date.now() + TWO_HOURS);

// Every case runs on the directory store and on S3 (s3rver), on every database, each pair fresh. Files are
// aged by the `now` the sweep is given, not by touching them: on S3 nobody can set a file's time.
describeEachStoreAndDatabase("orphan attachment files", (store, database) => {
  let acme: Actor;

  const storedKeys = async () => [...(await store().keys())].sort();
  const keysInRows = async () => (await database().db.attachment.findMany({ select: { storageKey: true } })).map((r) => r.storageKey).sort();

  beforeAll(async () => {
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
    const before = await storedKeys();
    // The category is checked inside the intake, after the files were stored.
    await expect(openTicketWithAttachments(acme, { ...valid, category: "no-such-category" }, [file(PNG, "a.png")])).rejects.toMatchObject({ status: 400 });
    expect(await storedKeys()).toEqual(before);

    const input = { ...valid, idempotencyKey: "orphan-double-submit-1" };
    const first = await openTicketWithAttachments(acme, input, [file(LOG, "first.log")]);
    const withFirst = await storedKeys();
    expect(withFirst).toHaveLength(before.length + 1);
    const again = await openTicketWithAttachments(acme, input, [file(LOG, "again.log")]);
    expect(again).toMatchObject({ created: false, ticket: { number: first.ticket.number } });
    expect(again.attachments.map((a) => a.fileName)).toEqual(["first.log"]);
    expect(await storedKeys()).toEqual(withFirst);

    // A customer may not write internal notes: refused by the comment service, after the file was stored.
    await expect(replyWithAttachments(acme, first.ticket.number, { body: "psst", visibility: "INTERNAL" }, [file(LOG, "c.log")])).rejects.toMatchObject({ status: 403 });
    expect(await storedKeys()).toEqual(withFirst);
    expect(await storedKeys()).toEqual(await keysInRows());
  });

  it("keeps linked and fresh files; removes old files no row names (what a crash between file and row leaves)", async () => {
    // Linked: a ticket's file and a reply's file, old by the time of the sweep.
    const opened = await openTicketWithAttachments(acme, valid, [file(PNG, "screen.png")]);
    const replied = await replyWithAttachments(acme, opened.ticket.number, { body: "The log.", visibility: "PUBLIC" }, [file(LOG, "today.log")]);

    // Files without a row, as a crash between the write and the row leaves them: two old by the time of the
    // sweep, one written at that time (a fresh one may be an upload still in flight: it stays).
    const sweptAt = later();
    const old = await Promise.all([storeBytes(LOG, new Date()), storeBytes(PNG, new Date())]).then((s) => s.map((x) => x.storageKey));
    const fresh = (await storeBytes(PNG, sweptAt)).storageKey;
    // Names the store never writes are not its files: left alone.
    await store().putForeign("zz/notes.txt", "an operator's note");
    await store().putForeign("README", "not ours");

    const before = await storedKeys();
    const result = await sweepOrphanFiles(sweptAt);
    expect(result).toEqual({ scanned: before.length, removed: 2 });

    const after = await storedKeys();
    expect(after).toEqual([...(await keysInRows()), fresh].sort());
    for (const gone of old) expect(after, gone).not.toContain(gone);
    expect(await store().readForeign("zz/notes.txt")).toBe("an operator's note");
    expect(await store().readForeign("README")).toBe("not ours");
    // Linked files still download.
    const png = await getAttachmentFile(acme, opened.ticket.number, opened.attachments[0]!.id);
    expect(Buffer.from(await new Response(png.body).arrayBuffer())).toEqual(Buffer.from(PNG));
    expect(replied.attachments).toHaveLength(1);

    // A second run finds nothing left; once the fresh orphan is old, it goes too.
    expect(await sweepOrphanFiles(sweptAt)).toMatchObject({ removed: 0 });
    expect(await sweepOrphanFiles(new Date(sweptAt.getTime() + TWO_HOURS))).toMatchObject({ removed: 1 });
    expect(await storedKeys()).toEqual(await keysInRows());
  });

  it("two instances sweeping at once remove each orphan, without an error", async () => {
    await Promise.all([storeBytes(LOG, new Date()), storeBytes(PNG, new Date()), storeBytes(LOG, new Date())]);
    const sweptAt = later();
    const [a, b] = await Promise.all([sweepOrphanFiles(sweptAt), sweepOrphanFiles(sweptAt)]);
    // The directory tells which unlink removed a file; S3 answers a DELETE alike either way, so both may count one.
    if (store().kind === "directory") expect(a.removed + b.removed).toBe(3);
    else expect(a.removed + b.removed).toBeGreaterThanOrEqual(3);
    expect(await storedKeys()).toEqual(await keysInRows());
  });

  it("an empty store (a directory not made yet, a prefix never written) is swept without an error", async () => {
    const previous = { dir: process.env.ATTACHMENTS_DIR, url: process.env.ATTACHMENTS_URL };
    try {
      if (previous.url) process.env.ATTACHMENTS_URL = `${previous.url}not-written-yet/`;
      else process.env.ATTACHMENTS_DIR = `${previous.dir}/not-created-yet`;
      expect(await sweepOrphanFiles(later())).toEqual({ scanned: 0, removed: 0 });
    } finally {
      if (previous.url) process.env.ATTACHMENTS_URL = previous.url;
      else process.env.ATTACHMENTS_DIR = previous.dir;
    }
  });
});
