import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Actor } from "@/lib/actor";
import { BACKOFF_BASE_SECONDS, deliverOutbox, MAX_ATTEMPTS } from "@/lib/mail/deliver-outbox";
import { updateTicket } from "@/lib/routing/update-ticket";
import { seedDemoData } from "@/lib/seed/demo-data";
import { addComment } from "@/lib/tickets/add-comment";
import { claimTicket } from "@/lib/routing/claim";
import { createTicket } from "@/lib/tickets/create-ticket";
import { actorFor } from "../fixtures/actors";
import { describeEachDatabase } from "../fixtures/test-database";

interface Received {
  to: string[];
  data: string;
}

/** A real SMTP server in this process on a free port: it keeps every message it accepts. */
async function startSmtpServer(): Promise<{ url: string; received: Received[]; close: () => Promise<void> }> {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), data: Buffer.concat(chunks).toString("utf8") });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return { url: `smtp://127.0.0.1:${port}`, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** A port nothing listens on: a server started and stopped again, so connecting is refused. */
async function refusedUrl(): Promise<string> {
  const smtp = await startSmtpServer();
  await smtp.close();
  return smtp.url;
}

const minutesAfter = (start: string) => (minutes: number) => new Date(Date.parse(start) + minutes * 60_000);

describeEachDatabase("Outbox delivery over SMTP", (database) => {
  let acme: Actor;
  let l1: Actor;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  const at = minutesAfter("2026-12-01T10:00:00Z");

  beforeAll(async () => {
    const db = database().db;
    await seedDemoData(db);
    acme = await actorFor(db, "C1001");
    l1 = await actorFor(db, "l1agent");
    smtp = await startSmtpServer();
  });
  afterAll(() => smtp?.close());

  const messages = () => database().db.outboxMessage.findMany({ orderBy: { id: "asc" } });

  /** Queues `count` public replies on a new ticket (each one outbox row); returns their ids. */
  async function queueReplies(start: number, count: number): Promise<number[]> {
    const { number } = await createTicket(acme, { type: "INCIDENT", title: `Mail test ${start}`, description: "x", category: "platform", impact: "HIGH", urgency: "HIGH" }, at(start));
    // The new ticket's acknowledgement goes first (to the outbox only): what each test delivers is its replies.
    await deliverOutbox({ now: at(start), smtpUrl: "" });
    const before = new Set((await messages()).map((m) => m.id));
    for (let i = 0; i < count; i++) await addComment(l1, number, { body: `Update ${i + 1} for ${number}`, visibility: "PUBLIC" }, at(start));
    return (await messages()).filter((m) => !before.has(m.id)).map((m) => m.id);
  }

  it("delivers a queued reply to the SMTP server once and marks it sent", async () => {
    const [id] = await queueReplies(0, 1);
    expect(await deliverOutbox({ now: at(1), smtpUrl: smtp.url })).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]!.to).toEqual(["carla@acme.example"]);
    expect(smtp.received[0]!.data).toContain("Update 1 for");
    expect(smtp.received[0]!.data).toContain(`<outbox-${id}@tierdesk>`);
    expect(await database().db.outboxMessage.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "SENT", deliveredVia: "smtp", attempts: 1, sentAt: at(1) });
    expect(await deliverOutbox({ now: at(2), smtpUrl: smtp.url })).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(smtp.received).toHaveLength(1);
  });

  it("keeps a message whose SMTP server refuses the connection, and delivers it on a retry after the back-off", async () => {
    smtp.received.length = 0;
    const [id] = await queueReplies(10, 1);
    expect(await deliverOutbox({ now: at(11), smtpUrl: await refusedUrl() })).toEqual({ sent: 0, retried: 1, failed: 0 });
    const failed = await database().db.outboxMessage.findUniqueOrThrow({ where: { id } });
    expect(failed).toMatchObject({ status: "PENDING", attempts: 1, nextAttemptAt: new Date(at(11).getTime() + BACKOFF_BASE_SECONDS * 1000), leasedUntil: null });
    expect(failed.lastError).toMatch(/ECONNREFUSED|connect/i);

    // Not due yet: nothing is tried before the back-off ends.
    expect(await deliverOutbox({ now: new Date(at(11).getTime() + 10_000), smtpUrl: smtp.url })).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(await deliverOutbox({ now: at(12), smtpUrl: smtp.url })).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(smtp.received).toHaveLength(1);
    expect(await database().db.outboxMessage.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "SENT", attempts: 2 });
  });

  it("sends each message once when three workers deliver at the same moment", async () => {
    smtp.received.length = 0;
    const ids = await queueReplies(20, 6);
    // On PostgreSQL each worker runs on its own pooled connection, as separate app instances would.
    const workers = [1, 2, 3].map(() => deliverOutbox({ now: at(21), smtpUrl: smtp.url }));
    const results = await Promise.all(workers);
    expect(results.reduce((sum, r) => sum + r.sent, 0)).toBe(6);
    expect(smtp.received).toHaveLength(6);
    expect(new Set(smtp.received.map((r) => r.data.match(/<outbox-(\d+)@tierdesk>/)?.[1])).size).toBe(6);
    expect((await messages()).filter((m) => ids.includes(m.id)).every((m) => m.status === "SENT" && m.attempts === 1)).toBe(true);
  });

  it("gives up after the last attempt: the message is FAILED, kept with its error, and not tried again", async () => {
    const [id] = await queueReplies(40, 1);
    await database().db.outboxMessage.update({ where: { id }, data: { attempts: MAX_ATTEMPTS - 1 } });
    expect(await deliverOutbox({ now: at(41), smtpUrl: await refusedUrl() })).toEqual({ sent: 0, retried: 0, failed: 1 });
    expect(await database().db.outboxMessage.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "FAILED", attempts: MAX_ATTEMPTS, lastError: expect.any(String) });
    expect(await deliverOutbox({ now: at(24 * 60), smtpUrl: smtp.url })).toEqual({ sent: 0, retried: 0, failed: 0 });
  });

  it("writes mail only when its change commits: a status change refused for a stale version queues nothing", async () => {
    const { number } = await createTicket(acme, { type: "INCIDENT", title: "Stale write", description: "x", category: "platform", impact: "HIGH", urgency: "HIGH" }, at(50));
    const claimed = await claimTicket(l1, number, at(50));
    const before = await messages();
    await expect(updateTicket(l1, number, { version: claimed.version - 1, status: "RESOLVED" }, at(51))).rejects.toMatchObject({ status: 409 });
    expect(await messages()).toEqual(before);
    await updateTicket(l1, number, { version: claimed.version, status: "RESOLVED" }, at(52));
    const subjects = (await messages()).filter((m) => m.subject.startsWith(`[${number}]`)).map((m) => m.subject);
    // The claim's held "Assigned to an agent" is stale once the resolution goes: the resolution takes its place.
    expect(subjects).toEqual([`[${number}] Received: Stale write`, `[${number}] Resolved: Stale write`]);
    smtp.received.length = 0;
    expect(await deliverOutbox({ now: at(53), smtpUrl: smtp.url })).toEqual({ sent: 2, retried: 0, failed: 0 });
    expect(smtp.received.map((r) => r.data.match(/^Subject: (.*)$/m)?.[1]).sort()).toEqual([
      `[${number}] Received: Stale write`,
      `[${number}] Resolved: Stale write`,
    ]);
  });

  it("without SMTP_URL marks mail delivered to the outbox only and tries no server", async () => {
    smtp.received.length = 0;
    const [id] = await queueReplies(30, 1);
    expect(await deliverOutbox({ now: at(31), smtpUrl: "" })).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(smtp.received).toHaveLength(0);
    expect(await database().db.outboxMessage.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "SENT", deliveredVia: "outbox-only" });
  });
});
