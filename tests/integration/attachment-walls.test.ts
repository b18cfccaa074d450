import { randomUUID } from "node:crypto";
import { beforeAll, expect, it } from "vitest";
import type { z } from "zod";
import type { Actor } from "@/lib/actor";
import { addTicketAttachments } from "@/lib/attachments/add-ticket-attachments";
import { MAX_BYTES_PER_TICKET, MAX_FILES_PER_TICKET } from "@/lib/attachments/attachment-quota";
import { seedDemoData } from "@/lib/seed/demo-data";
import { openTicketWithAttachments } from "@/lib/tickets/open-ticket-with-attachments";
import { replyWithAttachments } from "@/lib/tickets/reply-with-attachments";
import type { ZCreateTicket } from "@/lib/validation/ticket";
import { actorFor } from "../fixtures/actors";
import { describeEachStoreAndDatabase } from "../fixtures/attachment-stores";

// Who may upload, and how much a ticket holds: the same wall as commenting, and a quota parallel uploads
// cannot pass together.

const NOW = new Date("2031-03-04T10:00:00Z");
const LOG = new TextEncoder().encode("2031-03-04T10:00:01Z ERROR export worker timed out\n");
const log = (name = "worker.log") => new File([LOG], name, { type: "text/plain" });
const valid = { type: "INCIDENT", title: "Export worker times out", description: "See the log attached.", category: "data" } satisfies z.input<typeof ZCreateTicket>;

// Every case runs on the directory store and on S3 (s3rver), on every database, each pair fresh.
describeEachStoreAndDatabase("attachment walls", (store, database) => {
  /** Files the store holds, as the orphan sweep lists them. */
  const storedFiles = async () => (await store().keys()).size;

  let acme: Actor;
  let l1: Actor;
  let l2: Actor;
  let manager: Actor;

  beforeAll(async () => {
    await seedDemoData(database().db);
    acme = await actorFor(database().db, "C1001");
    l1 = await actorFor(database().db, "l1agent");
    l2 = await actorFor(database().db, "l2agent");
    manager = await actorFor(database().db, "manager");
  });

  const openTicket = async () => (await openTicketWithAttachments(acme, valid, [], NOW)).ticket.number;
  const ticketId = async (number: string) => (await database().db.ticket.findUniqueOrThrow({ where: { number } })).id;
  /** Rows as if earlier uploads had filled the ticket (their bytes are not needed to count them). */
  const fillWith = async (number: string, sizes: number[]) => {
    const id = await ticketId(number);
    await database().db.attachment.createMany({
      data: sizes.map((size, i) => ({ ticketId: id, uploaderId: acme.id, fileName: `earlier-${i}.log`, contentType: "text/plain", size, storageKey: randomUUID(), sha256: "0".repeat(64), createdAt: NOW })),
    });
  };
  const attachmentCount = async (number: string) => database().db.attachment.count({ where: { ticket: { number } } });

  it("staff upload as they comment: the owning tier's agents and managers, not another tier's agents", async () => {
    const number = await openTicket();
    const files = await storedFiles();
    await expect(addTicketAttachments(l2, number, [log()], NOW)).rejects.toMatchObject({ status: 403 });
    expect(await storedFiles()).toBe(files);
    await expect(addTicketAttachments(l1, number, [log()], NOW)).resolves.toHaveLength(1);
    await expect(addTicketAttachments(manager, number, [log()], NOW)).resolves.toHaveLength(1);
    expect(await attachmentCount(number)).toBe(2);
  });

  it("nobody uploads to a closed ticket, not even its customer, and a refused reply with files writes nothing", async () => {
    const number = await openTicket();
    await database().db.ticket.update({ where: { number }, data: { status: "CLOSED" } });
    const files = await storedFiles();
    await expect(addTicketAttachments(acme, number, [log()], NOW)).rejects.toMatchObject({ status: 409 });
    await expect(addTicketAttachments(manager, number, [log()], NOW)).rejects.toMatchObject({ status: 409 });
    await expect(replyWithAttachments(acme, number, { body: "One more log.", visibility: "PUBLIC" }, [log()], NOW)).rejects.toMatchObject({ status: 409 });
    expect(await storedFiles()).toBe(files);
    expect(await attachmentCount(number)).toBe(0);
  });

  it(`a ticket holds at most ${MAX_FILES_PER_TICKET} files: past that it is 413 and the refused files are not kept`, async () => {
    const number = await openTicket();
    await fillWith(number, Array.from({ length: MAX_FILES_PER_TICKET - 1 }, () => 10));
    const files = await storedFiles();
    await expect(addTicketAttachments(acme, number, [log("a.log"), log("b.log")], NOW)).rejects.toMatchObject({ status: 413, code: "PAYLOAD_TOO_LARGE" });
    expect(await storedFiles()).toBe(files);
    await expect(addTicketAttachments(acme, number, [log("last.log")], NOW)).resolves.toHaveLength(1);
    await expect(addTicketAttachments(acme, number, [log("one-more.log")], NOW)).rejects.toMatchObject({ status: 413 });
    expect(await attachmentCount(number)).toBe(MAX_FILES_PER_TICKET);
    expect(await storedFiles()).toBe(files + 1);
  });

  it("a ticket holds at most 200 MB: a reply whose files go past it is 413 and writes no comment", async () => {
    const number = await openTicket();
    await fillWith(number, [MAX_BYTES_PER_TICKET - LOG.length]);
    const files = await storedFiles();
    const comments = () => database().db.comment.count({ where: { ticket: { number } } });
    const before = await comments();
    await expect(replyWithAttachments(acme, number, { body: "Two logs.", visibility: "PUBLIC" }, [log("a.log"), log("b.log")], NOW)).rejects.toMatchObject({ status: 413 });
    expect(await comments()).toBe(before);
    expect(await storedFiles()).toBe(files);
    // Exactly at the limit is fine.
    await expect(replyWithAttachments(acme, number, { body: "One log.", visibility: "PUBLIC" }, [log("a.log")], NOW)).resolves.toMatchObject({ attachments: [expect.any(Object)] });
  });

  it("parallel uploads cannot together pass the quota: each waits for the ticket's lock and counts what the others recorded", async () => {
    const number = await openTicket();
    await fillWith(number, Array.from({ length: MAX_FILES_PER_TICKET - 3 }, () => 10));
    const files = await storedFiles();
    const outcomes = await Promise.allSettled(Array.from({ length: 8 }, (_, i) => addTicketAttachments(acme, number, [log(`parallel-${i}.log`)], NOW)));
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(3);
    const refused = outcomes.filter((o): o is PromiseRejectedResult => o.status === "rejected");
    expect(refused.map((o) => o.reason.status)).toEqual([413, 413, 413, 413, 413]);
    expect(await attachmentCount(number)).toBe(MAX_FILES_PER_TICKET);
    expect(await storedFiles()).toBe(files + 3);
  });
});
