import { beforeAll, expect, it } from "vitest";
import type { z } from "zod";
import type { Actor } from "@/lib/actor";
import { addTicketAttachments } from "@/lib/attachments/add-ticket-attachments";
import { getAttachmentFile } from "@/lib/attachments/get-attachment-file";
import { listTicketAttachments } from "@/lib/attachments/list-attachments";
import { seedDemoData } from "@/lib/seed/demo-data";
import { openTicketWithAttachments } from "@/lib/tickets/open-ticket-with-attachments";
import { replyWithAttachments } from "@/lib/tickets/reply-with-attachments";
import type { ZCreateTicket } from "@/lib/validation/ticket";
import { actorFor } from "../fixtures/actors";
import { describeEachStoreAndDatabase } from "../fixtures/attachment-stores";

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
const LOG = new TextEncoder().encode("2026-11-27T10:00:01Z ERROR export worker timed out\n");
const valid = { type: "INCIDENT", title: "Export worker times out", description: "See the log attached.", category: "data" } satisfies z.input<typeof ZCreateTicket>;
const file = (bytes: Uint8Array<ArrayBuffer>, name: string, type = "application/octet-stream") => new File([bytes], name, { type });
const text = async (body: ReadableStream<Uint8Array>) => Buffer.from(await new Response(body).arrayBuffer());

// Every case runs on the directory store and on S3 (s3rver), on every database, each pair fresh.
describeEachStoreAndDatabase("attachments", (store, database) => {
  /** Files the store holds, as the orphan sweep lists them. */
  const storedFiles = async () => (await store().keys()).size;

  let acme: Actor;
  let globex: Actor;
  let agent: Actor;

  beforeAll(async () => {
    await seedDemoData(database().db);
    acme = await actorFor(database().db, "C1001");
    globex = await actorFor(database().db, "C1002");
    agent = await actorFor(database().db, "l1agent");
  });

  it("opens a ticket with files: types detected from the bytes, names sanitized, bytes kept outside the web root", async () => {
    const { ticket, created, attachments } = await openTicketWithAttachments(acme, valid, [
      file(PNG, "../../screen.png", "text/html"),
      file(LOG, "worker.log"),
    ]);
    expect(created).toBe(true);
    expect(attachments).toEqual([
      expect.objectContaining({ fileName: "screen.png", contentType: "image/png", size: PNG.length, url: expect.stringMatching(new RegExp(`^/api/v1/tickets/${ticket.number}/attachments/[0-9a-f-]{36}$`)) }),
      expect.objectContaining({ fileName: "worker.log", contentType: "text/plain", size: LOG.length }),
    ]);
    const rows = await database().db.attachment.findMany({ where: { ticket: { number: ticket.number } } });
    expect(rows.every((r) => r.uploaderId === acme.id && /^[0-9a-f]{64}$/.test(r.sha256) && r.commentId === null)).toBe(true);

    const png = await getAttachmentFile(acme, ticket.number, attachments[0]!.id);
    expect(png).toMatchObject({ fileName: "screen.png", contentType: "image/png", size: PNG.length });
    expect(await text(png.body)).toEqual(Buffer.from(PNG));
    // Staff see the customer's files too.
    expect((await text((await getAttachmentFile(agent, ticket.number, attachments[1]!.id)).body)).toString()).toContain("timed out");
    expect(await listTicketAttachments(acme, ticket.number)).toEqual(attachments);
  });

  it("another customer gets 404 for the file, an empty list, and cannot attach to the ticket", async () => {
    const { ticket, attachments } = await openTicketWithAttachments(acme, valid, [file(LOG, "worker.log")]);
    await expect(getAttachmentFile(globex, ticket.number, attachments[0]!.id)).rejects.toMatchObject({ status: 404 });
    expect(await listTicketAttachments(globex, ticket.number)).toEqual([]);
    await expect(addTicketAttachments(globex, ticket.number, [file(LOG, "x.log")])).rejects.toMatchObject({ status: 404 });
    // The right file id under the wrong ticket number is not found either.
    const other = await openTicketWithAttachments(globex, valid, []);
    await expect(getAttachmentFile(globex, other.ticket.number, attachments[0]!.id)).rejects.toMatchObject({ status: 404 });
    await expect(getAttachmentFile(acme, ticket.number, "not-an-id")).rejects.toMatchObject({ status: 404 });
  });

  it("refuses a file of another type (415) or over 10 MB (413) before anything is written", async () => {
    const ticketsBefore = await database().db.ticket.count();
    const filesBefore = await storedFiles();
    const exe = file(new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0]), "setup.png", "image/png");
    await expect(openTicketWithAttachments(acme, valid, [file(PNG, "ok.png"), exe])).rejects.toMatchObject({ status: 415, fields: { attachments: expect.any(Array) } });
    const big = file(new Uint8Array(10 * 1024 * 1024 + 1).fill(0x41), "big.log");
    await expect(openTicketWithAttachments(acme, valid, [big])).rejects.toMatchObject({ status: 413 });
    const six = Array.from({ length: 6 }, (_, i) => file(LOG, `${i}.log`));
    await expect(openTicketWithAttachments(acme, valid, six)).rejects.toMatchObject({ status: 400 });
    // Bad ticket fields are refused before the files are stored too.
    await expect(openTicketWithAttachments(acme, { ...valid, title: "" }, [file(PNG, "ok.png")])).rejects.toMatchObject({ status: 400 });
    expect(await database().db.ticket.count()).toBe(ticketsBefore);
    expect(await storedFiles()).toBe(filesBefore);
    // Exactly 10 MB is fine.
    const limit = await openTicketWithAttachments(acme, valid, [file(new Uint8Array(10 * 1024 * 1024).fill(0x41), "big.log")]);
    expect(limit.attachments[0]!.size).toBe(10 * 1024 * 1024);
  });

  it("a failed intake leaves no attachment rows", async () => {
    const rowsBefore = await database().db.attachment.count();
    await expect(openTicketWithAttachments(acme, { ...valid, category: "no-such-category" }, [file(PNG, "ok.png")])).rejects.toMatchObject({ status: 400 });
    expect(await database().db.attachment.count()).toBe(rowsBefore);
  });

  it("a replayed submit returns the first ticket and its files, adding none", async () => {
    const input = { ...valid, idempotencyKey: "attach-double-submit-1" };
    const first = await openTicketWithAttachments(acme, input, [file(PNG, "a.png")]);
    const again = await openTicketWithAttachments(acme, input, [file(PNG, "a.png")]);
    expect(again.created).toBe(false);
    expect(again.ticket.number).toBe(first.ticket.number);
    expect(again.attachments).toEqual(first.attachments);
    expect(await database().db.attachment.count({ where: { ticket: { number: first.ticket.number } } })).toBe(1);
  });

  it("hides files of an internal note from the customer, and lets staff attach later", async () => {
    const { ticket } = await openTicketWithAttachments(acme, valid, []);
    const row = await database().db.ticket.findUniqueOrThrow({ where: { number: ticket.number } });
    const note = await database().db.comment.create({ data: { ticketId: row.id, authorId: agent.id, visibility: "INTERNAL", body: "vendor log", createdAt: new Date() } });
    const [added] = await addTicketAttachments(agent, ticket.number, [file(LOG, "vendor.log")]);
    await database().db.attachment.update({ where: { id: added!.id }, data: { commentId: note.id } });
    await expect(getAttachmentFile(acme, ticket.number, added!.id)).rejects.toMatchObject({ status: 404 });
    expect(await listTicketAttachments(acme, ticket.number)).toEqual([]);
    expect(await listTicketAttachments(agent, ticket.number)).toHaveLength(1);
  });

  it("takes files with a customer's reply: linked to the reply, listed for the customer, 404 for another; a refused file writes no reply", async () => {
    const { ticket } = await openTicketWithAttachments(acme, { ...valid, title: "Reply with a log" }, []);
    const { comment, attachments } = await replyWithAttachments(acme, ticket.number, { body: "Here is the log from today.", visibility: "PUBLIC" }, [file(LOG, "today.log")]);
    expect(attachments).toHaveLength(1);
    const row = await database().db.attachment.findUniqueOrThrow({ where: { id: attachments[0]!.id } });
    expect(row.commentId).toBe(comment.id);
    expect((await listTicketAttachments(acme, ticket.number)).map((a) => a.fileName)).toEqual(["today.log"]);
    await expect(replyWithAttachments(globex, ticket.number, { body: "Not mine.", visibility: "PUBLIC" }, [file(LOG, "x.log")])).rejects.toMatchObject({ code: "NOT_FOUND" });

    const comments = await database().db.comment.count({ where: { ticket: { number: ticket.number } } });
    await expect(replyWithAttachments(acme, ticket.number, { body: "An executable.", visibility: "PUBLIC" }, [file(new Uint8Array([0x4d, 0x5a, 0x90, 0x00]), "tool.exe")])).rejects.toBeTruthy();
    expect(await database().db.comment.count({ where: { ticket: { number: ticket.number } } })).toBe(comments);
  });
});
