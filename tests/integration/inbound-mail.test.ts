import { mkdtemp, rm } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import MailComposer from "nodemailer/lib/mail-composer";
import type Mail from "nodemailer/lib/mailer";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Actor } from "@/lib/actor";
import { deliverOutbox } from "@/lib/mail/deliver-outbox";
import { acceptInboundMail, discardInboundMail } from "@/lib/inbound/decide-inbound-mail";
import { listInboundMail } from "@/lib/inbound/list-inbound-mail";
import { receiveInboundMail } from "@/lib/inbound/receive-inbound-mail";
import { replyAddress, replyToken } from "@/lib/mail/reply-address";
import { replyKey } from "@/lib/mail/reply-key";
import { claimTicket } from "@/lib/routing/claim";
import { updateTicket } from "@/lib/routing/update-ticket";
import { seedDemoData } from "@/lib/seed/demo-data";
import { createTicket } from "@/lib/tickets/create-ticket";
import { getTicket } from "@/lib/tickets/core/get-ticket";
import { listTimeline } from "@/lib/tickets/ticket-timeline";
import { MAIL_TEXT_MAX } from "@/lib/inbound/reply-text";
import { COMMENT_MAX } from "@/lib/validation/routing";
import { actorFor } from "../fixtures/actors";
import { describeEachDatabase } from "../fixtures/test-database";

// Issue 24: a customer's answer by mail lands on its ticket, matched safely; noise and strangers post nothing.
const DOMAIN = "reply.tierdesk.test";
const QUOTE = "\n\nOn Tue, Dec 1, 2026 at 10:00 AM Tierdesk Support <support@tierdesk.invalid> wrote:\n> We have received your ticket.\n> Regards\n";

let sequence = 0;
async function rawMail(options: Mail.Options): Promise<Buffer> {
  return new MailComposer({ messageId: `<m${++sequence}.${Date.now()}@mail.acme.example>`, subject: "Re: your ticket", ...options }).compile().build();
}

async function startSmtpServer() {
  const received: string[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        received.push(Buffer.concat(chunks).toString("utf8"));
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return { url: `smtp://127.0.0.1:${port}`, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describeEachDatabase("Customers answer by email", (database) => {
  let carla: Actor;
  let l1: Actor;
  let previousDomain: string | undefined;
  /** Each test works in an hour of its own, so the per-sender limit is never reached by accident. */
  let hour = 0;
  const start = Date.parse("2026-12-01T10:00:00Z");
  const inHour = () => {
    const base = start + hour++ * 3_600_000;
    return (minutes: number) => new Date(base + minutes * 60_000);
  };

  let previousAttachmentsDir: string | undefined;
  let attachmentsDir: string;
  beforeAll(async () => {
    previousDomain = process.env.INBOUND_DOMAIN;
    process.env.INBOUND_DOMAIN = DOMAIN;
    previousAttachmentsDir = process.env.ATTACHMENTS_DIR;
    attachmentsDir = await mkdtemp(path.join(tmpdir(), "tierdesk-inbound-"));
    process.env.ATTACHMENTS_DIR = attachmentsDir;
    await seedDemoData(database().db);
    carla = await actorFor(database().db, "C1001");
    l1 = await actorFor(database().db, "l1agent");
  });
  afterAll(async () => {
    if (previousDomain === undefined) delete process.env.INBOUND_DOMAIN;
    else process.env.INBOUND_DOMAIN = previousDomain;
    if (previousAttachmentsDir === undefined) delete process.env.ATTACHMENTS_DIR;
    else process.env.ATTACHMENTS_DIR = previousAttachmentsDir;
    await rm(attachmentsDir, { recursive: true, force: true });
  });

  const ticketRow = (number: string) => database().db.ticket.findUniqueOrThrow({ where: { number } });
  const commentsOf = async (number: string) => database().db.comment.findMany({ where: { ticket: { number } }, orderBy: { id: "asc" } });
  const outboxCount = () => database().db.outboxMessage.count();
  async function newTicket(at: Date, title = "Printer offline"): Promise<{ number: string; address: string }> {
    const { number } = await createTicket(carla, { type: "INCIDENT", title, description: "It does not print.", category: "platform" }, at);
    const row = await ticketRow(number);
    return { number, address: replyAddress(number, replyToken(replyKey(), row.id, row.customerId), DOMAIN) };
  }

  it("sends customer mail with a Reply-To that leads back to the ticket and our Message-ID, kept on the row", async () => {
    const at = inHour();
    const smtp = await startSmtpServer();
    try {
      const { number, address } = await newTicket(at(0));
      for (;;) if ((await deliverOutbox({ now: at(1), smtpUrl: smtp.url, inboundDomain: DOMAIN })).sent === 0) break;
      const [received] = await database().db.outboxMessage.findMany({ where: { ticket: { number } } });
      expect(received!.messageId).toMatch(new RegExp(`^<outbox-${received!.id}\\.[0-9a-f]{16}@${DOMAIN.replace(/\./g, "\\.")}>$`));
      const sent = smtp.received.find((data) => data.includes(`[${number}]`))!;
      expect(sent).toContain(`Reply-To: ${address}`);
      expect(sent).toContain(`Message-ID: ${received!.messageId}`);
      // Without INBOUND_DOMAIN, mail goes out as before: no Reply-To, no Message-ID kept.
      const other = await newTicket(at(2), "Scanner offline");
      for (;;) if ((await deliverOutbox({ now: at(3), smtpUrl: smtp.url, inboundDomain: "" })).sent === 0) break;
      const plain = smtp.received.find((data) => data.includes(`[${other.number}]`))!;
      expect(plain).not.toContain("Reply-To:");
      expect(plain).toMatch(/Message-ID: <outbox-\d+@tierdesk>/);
      expect((await database().db.outboxMessage.findFirstOrThrow({ where: { ticket: { number: other.number } } })).messageId).toBeNull();
    } finally {
      await smtp.close();
    }
  });

  it("posts the customer's reply on the right ticket as a public reply, quoted text stripped, the raw mail kept", async () => {
    const at = inHour();
    const { number, address } = await newTicket(at(0));
    await newTicket(at(0), "Another one");
    const raw = await rawMail({ from: "Carla Customer <Carla@Acme.example>", to: address, text: `It prints again after a restart.${QUOTE}` });
    const outcome = await receiveInboundMail(raw, "SMTP", at(5));
    expect(outcome).toMatchObject({ status: "POSTED", duplicate: false, ticketNumber: number });
    const comments = await commentsOf(number);
    expect(comments.map((c) => [c.body, c.visibility, c.authorId])).toEqual([["It prints again after a restart.", "PUBLIC", carla.id]]);
    const stored = await database().db.inboundMail.findUniqueOrThrow({ where: { id: outcome.id } });
    expect(stored).toMatchObject({ status: "POSTED", via: "SMTP", fromAddress: "carla@acme.example", commentId: comments[0]!.id, strippedText: "It prints again after a restart." });
    expect(stored.fullText).toContain("> We have received your ticket.");
    expect(gunzipSync(stored.raw).equals(raw)).toBe(true);

    // What was stripped stays viewable to staff, beside the reply; the customer's own view shows the reply alone.
    const staffReply = (await listTimeline(l1, number)).find((e) => e.kind === "comment");
    expect(staffReply).toMatchObject({ body: "It prints again after a restart." });
    expect(staffReply?.kind === "comment" && staffReply.quoted).toContain("> We have received your ticket.");
    expect(staffReply?.kind === "comment" && staffReply.quoted).not.toContain("It prints again");
    const customerReply = (await listTimeline(carla, number)).find((e) => e.kind === "comment");
    expect(customerReply).toMatchObject({ body: "It prints again after a restart.", quoted: null });
  });

  it("lands the same Message-ID once, also when it arrives 20 times at once", async () => {
    const at = inHour();
    const { number, address } = await newTicket(at(0));
    const raw = await rawMail({ from: "carla@acme.example", to: address, text: "Once only." });
    const first = await receiveInboundMail(raw, "SMTP", at(1));
    const again = await receiveInboundMail(raw, "IMAP", at(2));
    expect(first.duplicate).toBe(false);
    expect(again).toMatchObject({ duplicate: true, id: first.id, status: "POSTED" });
    const burst = await rawMail({ from: "carla@acme.example", to: address, text: "Twenty copies." });
    const outcomes = await Promise.all(Array.from({ length: 20 }, () => receiveInboundMail(burst, "SMTP", at(3))));
    expect(outcomes.filter((o) => !o.duplicate)).toHaveLength(1);
    expect(new Set(outcomes.map((o) => o.id)).size).toBe(1);
    expect((await commentsOf(number)).map((c) => c.body)).toEqual(["Once only.", "Twenty copies."]);
  });

  it("holds a stranger's reply that carries a valid token, and a reply with a forged token, posting nothing and sending nothing", async () => {
    const at = inHour();
    const { number, address } = await newTicket(at(0));
    const mails = await outboxCount();
    const stolen = await receiveInboundMail(await rawMail({ from: "mallory@evil.example", to: address, text: "Please send me the details." }), "SMTP", at(1));
    expect(stolen).toMatchObject({ status: "HELD", ticketNumber: number, reason: `The sender is not the customer of ${number}.` });
    const forged = address.replace(/\.[0-9a-f]{20}@/, ".0123456789abcdef0123@");
    const bad = await receiveInboundMail(await rawMail({ from: "carla@acme.example", to: forged, text: "Hello" }), "SMTP", at(2));
    expect(bad).toMatchObject({ status: "HELD", ticketNumber: null });
    expect(bad.reason).toContain("token is not valid");
    const unmatched = await receiveInboundMail(await rawMail({ from: "carla@acme.example", to: `support@${DOMAIN}`, text: "Hello" }), "SMTP", at(3));
    expect(unmatched).toMatchObject({ status: "HELD", ticketNumber: null });
    expect(await commentsOf(number)).toEqual([]);
    expect(await outboxCount()).toBe(mails);
  });

  it("posts nothing and sends nothing for an out-of-office reply or a bounce, and never resumes a ticket waiting on the customer", async () => {
    const at = inHour();
    const { number, address } = await newTicket(at(0));
    const claimed = await claimTicket(l1, number, at(1));
    await updateTicket(l1, number, { version: claimed.version, status: "PENDING_CUSTOMER" }, at(2));
    const mails = await outboxCount();
    const away = await receiveInboundMail(await rawMail({ from: "carla@acme.example", to: address, text: "I am out of office.", headers: { "Auto-Submitted": "auto-replied" } }), "SMTP", at(3));
    expect(away.status).toBe("IGNORED");
    expect(away.reason).toContain("out of office");
    const bounce = await receiveInboundMail(
      await rawMail({ from: "MAILER-DAEMON@mx.acme.example", to: address, text: "Delivery failed.", headers: { "X-Failed-Recipients": "carla@acme.example" } }),
      "SMTP",
      at(4),
    );
    expect(bounce.status).toBe("IGNORED");
    const bulk = await receiveInboundMail(await rawMail({ from: "carla@acme.example", to: address, text: "Newsletter", headers: { Precedence: "bulk" } }), "SMTP", at(5));
    expect(bulk.status).toBe("IGNORED");
    expect(await commentsOf(number)).toEqual([]);
    expect(await outboxCount()).toBe(mails);
    expect((await ticketRow(number)).status).toBe("PENDING_CUSTOMER");
    // A person's reply does resume it.
    await receiveInboundMail(await rawMail({ from: "carla@acme.example", to: address, text: "Here is the log you asked for." }), "SMTP", at(6));
    expect((await ticketRow(number)).status).toBe("IN_PROGRESS");
  });

  it("reopens a resolved ticket as 'still broken' does", async () => {
    const at = inHour();
    const { number, address } = await newTicket(at(0));
    const claimed = await claimTicket(l1, number, at(1));
    await updateTicket(l1, number, { version: claimed.version, status: "RESOLVED" }, at(2));
    const outcome = await receiveInboundMail(await rawMail({ from: "carla@acme.example", to: address, text: `No, it is still offline.${QUOTE}` }), "SMTP", at(3));
    expect(outcome.status).toBe("POSTED");
    expect(outcome.reason).toContain("reopened");
    const ticket = await ticketRow(number);
    expect(ticket.status).toBe("IN_PROGRESS");
    expect(ticket.resolvedAt).toBeNull();
    expect((await commentsOf(number)).map((c) => c.body)).toEqual(["Still broken: No, it is still offline."]);
  });

  it("holds a reply to a closed ticket", async () => {
    const at = inHour();
    const { number, address } = await newTicket(at(0));
    const claimed = await claimTicket(l1, number, at(1));
    const resolved = await updateTicket(l1, number, { version: claimed.version, status: "RESOLVED" }, at(2));
    await updateTicket(l1, number, { version: resolved.version, status: "CLOSED" }, at(2));
    const outcome = await receiveInboundMail(await rawMail({ from: "carla@acme.example", to: address, text: "Thanks!" }), "SMTP", at(3));
    expect(outcome).toMatchObject({ status: "HELD", ticketNumber: number, reason: `${number} is closed.` });
  });

  it("matches by In-Reply-To when the reply address is gone, and reads HTML-only mail as text", async () => {
    const at = inHour();
    const { number } = await newTicket(at(0));
    for (;;) if ((await deliverOutbox({ now: at(1), smtpUrl: "", inboundDomain: DOMAIN })).sent === 0) break;
    const sent = await database().db.outboxMessage.findFirstOrThrow({ where: { ticket: { number } } });
    const outcome = await receiveInboundMail(
      await rawMail({ from: "carla@acme.example", to: "support@tierdesk.invalid", inReplyTo: sent.messageId!, references: sent.messageId!, html: "<p>It works <b>now</b>.</p><script>alert(1)</script>" }),
      "IMAP",
      at(2),
    );
    expect(outcome).toMatchObject({ status: "POSTED", ticketNumber: number });
    expect(outcome.reason).toContain("In-Reply-To");
    const [comment] = await commentsOf(number);
    expect(comment!.body).toContain("It works now.");
    expect(comment!.body).not.toContain("<");
  });

  it("matches by the SMTP envelope's RCPT TO, keeps a file the portal would accept and skips a refused one (20 MB, not a known type)", async () => {
    const at = inHour();
    const { number, address } = await newTicket(at(0));
    const big = Buffer.alloc(20 * 1024 * 1024, 0xff);
    const raw = await rawMail({
      from: "carla@acme.example",
      to: `support@${DOMAIN}`,
      text: "Log attached.",
      attachments: [
        { filename: "printer.log", content: "paper jam\n" },
        { filename: "dump.bin", content: big },
        { filename: "tool.exe", content: Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03]) },
      ],
    });
    const outcome = await receiveInboundMail(raw, "SMTP", at(1), { rcptTo: [address], mailFrom: "carla@acme.example" });
    expect(outcome).toMatchObject({ status: "POSTED", ticketNumber: number });
    expect(outcome.reason).toContain('Attachment skipped: "dump.bin" is over 10 MB.');
    expect(outcome.reason).toContain('Attachment skipped: "tool.exe" is not an image');
    const [comment] = await commentsOf(number);
    expect(comment!.body).toBe("Log attached.");
    const files = await database().db.attachment.findMany({ where: { ticket: { number } } });
    expect(files.map((f) => [f.fileName, f.contentType, f.size, f.commentId, f.uploaderId])).toEqual([["printer.log", "text/plain", 10, comment!.id, carla.id]]);
  });

  it("cleans text PostgreSQL cannot store, and stores even a message it cannot match", async () => {
    const at = inHour();
    const { number, address } = await newTicket(at(0));
    const nul = await receiveInboundMail(await rawMail({ from: "carla@acme.example", to: address, text: "Bad\u0000byte" }), "SMTP", at(1));
    expect(nul.status).toBe("POSTED");
    expect((await commentsOf(number)).map((c) => c.body)).toEqual(["Badbyte"]);
    // A 2 MB text is kept whole in the raw message; its text is read and kept cut, and posted cut to what a reply holds.
    const hugeText = `Printer log below.\n${"0123456789 paper jam at tray 2\n".repeat(64_000)}`;
    const huge = await receiveInboundMail(await rawMail({ from: "carla@acme.example", to: address, text: hugeText }), "SMTP", at(2));
    expect(huge.status).toBe("POSTED");
    const hugeRow = await database().db.inboundMail.findUniqueOrThrow({ where: { id: huge.id } });
    expect(hugeRow.fullText!.length).toBeLessThanOrEqual(MAIL_TEXT_MAX);
    expect(hugeRow.fullText).toContain("[…cut: the full mail is kept with the received message]");
    expect(gunzipSync(hugeRow.raw).length).toBeGreaterThan(1_900_000);
    expect((await commentsOf(number)).at(-1)!.body.length).toBeLessThanOrEqual(COMMENT_MAX);
    const garbage = Buffer.from("this is not a mail at all\u0000\r\n");
    const kept = await receiveInboundMail(garbage, "SMTP", at(3));
    expect(kept.status).toBe("HELD");
    expect(gunzipSync((await database().db.inboundMail.findUniqueOrThrow({ where: { id: kept.id } })).raw).equals(garbage)).toBe(true);
  });

  it("holds mail beyond the per-sender limit", async () => {
    const at = inHour();
    const { number, address } = await newTicket(at(0));
    const outcomes = [];
    for (let i = 0; i < 21; i++) outcomes.push(await receiveInboundMail(await rawMail({ from: "carla@acme.example", to: address, text: `Message ${i}` }), "SMTP", at(1 + i)));
    expect(outcomes.slice(0, 20).every((o) => o.status === "POSTED")).toBe(true);
    expect(outcomes[20]!.status).toBe("HELD");
    expect(outcomes[20]!.reason).toContain("in an hour");
    expect(await commentsOf(number)).toHaveLength(20);
  });

  it("holds the per-sender limit when 25 mails from one sender race at it: 20 posted, 5 held", async () => {
    hour++; // past the previous test's burst from carla
    const at = inHour();
    const { number, address } = await newTicket(at(0));
    const raws = await Promise.all(Array.from({ length: 25 }, (_, i) => rawMail({ from: "carla@acme.example", to: address, text: `Racing ${i}` })));
    const outcomes = await Promise.all(raws.map((raw) => receiveInboundMail(raw, "SMTP", at(1))));
    expect(outcomes.filter((o) => o.status === "POSTED")).toHaveLength(20);
    const held = outcomes.filter((o) => o.status === "HELD");
    expect(held).toHaveLength(5);
    expect(held.every((o) => o.reason.includes("in an hour"))).toBe(true);
    expect(await commentsOf(number)).toHaveLength(20);
  });

  it("carries a held mail's files onto the ticket when it is accepted, through the same checks", async () => {
    hour++;
    const at = inHour();
    const { number, address } = await newTicket(at(0));
    const raw = await rawMail({
      from: "boss@acme.example",
      to: address,
      text: "Screenshot of the error.",
      attachments: [
        { filename: "error.log", content: "E42 paper jam\n" },
        { filename: "tool.exe", content: Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03]) },
      ],
    });
    const held = await receiveInboundMail(raw, "SMTP", at(1));
    expect(held.status).toBe("HELD");
    expect(held.reason).toContain("1 attachment held with it: accepting it posts it with the reply.");
    expect(await database().db.attachment.count({ where: { ticket: { number } } })).toBe(0);
    const accepted = await acceptInboundMail(l1, held.id, { ticket: number }, at(2));
    expect(accepted.reason.match(/Attachment skipped: "tool.exe" is not an image/g)).toHaveLength(1);
    expect(accepted.reason).toContain("1 attachment kept with the reply.");
    const [comment] = await commentsOf(number);
    const files = await database().db.attachment.findMany({ where: { ticket: { number } } });
    expect(files.map((f) => [f.fileName, f.contentType, f.commentId, f.uploaderId])).toEqual([["error.log", "text/plain", comment!.id, carla.id]]);
  });

  it("lets staff list, accept and discard held mail: customers may not, and a mail is decided once", async () => {
    hour++; // past the previous test's burst from carla
    const at = inHour();
    const { number, address } = await newTicket(at(0));
    const fromColleague = await receiveInboundMail(await rawMail({ from: "boss@acme.example", to: address, text: `Carla's printer is down again.${QUOTE}` }), "SMTP", at(1));
    const spam = await receiveInboundMail(await rawMail({ from: "spam@evil.example", to: address, text: "Buy now" }), "SMTP", at(2));
    expect([fromColleague.status, spam.status]).toEqual(["HELD", "HELD"]);

    await expect(listInboundMail(carla, {})).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(acceptInboundMail(carla, fromColleague.id, { ticket: number }, at(3))).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(discardInboundMail(carla, spam.id, at(3))).rejects.toMatchObject({ code: "FORBIDDEN" });

    const page = await listInboundMail(l1, { limit: 1 });
    expect(page.items.map((m) => m.id)).toEqual([spam.id]);
    const next = await listInboundMail(l1, { limit: 1, cursor: page.nextCursor! });
    expect(next.items.map((m) => m.id)).toEqual([fromColleague.id]);

    const accepted = await acceptInboundMail(l1, fromColleague.id, { ticket: number }, at(4));
    expect(accepted).toMatchObject({ status: "ACCEPTED", ticketNumber: number, decidedBy: { userId: "l1agent" } });
    expect((await commentsOf(number)).map((c) => [c.body, c.authorId])).toEqual([["Carla's printer is down again.", carla.id]]);
    await expect(acceptInboundMail(l1, fromColleague.id, { ticket: number }, at(5))).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(discardInboundMail(l1, fromColleague.id, at(5))).rejects.toMatchObject({ code: "CONFLICT" });

    const discarded = await discardInboundMail(l1, spam.id, at(6));
    expect(discarded.status).toBe("DISCARDED");
    await expect(discardInboundMail(l1, spam.id, at(7))).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(discardInboundMail(l1, 2_000_000_000, at(7))).rejects.toMatchObject({ code: "NOT_FOUND" });

    const events = await database().db.ticketEvent.findMany({ where: { ticket: { number }, type: "INBOUND_MAIL" }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.rule)).toEqual(["inbound.accepted", "inbound.discarded"]);
    expect((await getTicket(l1, number)).number).toBe(number);
  });

  it("takes a held mail's decision once when 50 accepts and discards race: one reply posted, every other one refused with 409", async () => {
    hour++;
    const at = inHour();
    const { number, address } = await newTicket(at(0));
    const held = await receiveInboundMail(await rawMail({ from: "boss@acme.example", to: address, text: "Please look at this again." }), "SMTP", at(1));
    expect(held.status).toBe("HELD");
    const decisions = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) => (i % 2 ? discardInboundMail(l1, held.id, at(2)) : acceptInboundMail(l1, held.id, { ticket: number }, at(2)))),
    );
    const won = decisions.filter((d) => d.status === "fulfilled");
    const refused = decisions.filter((d): d is PromiseRejectedResult => d.status === "rejected");
    expect(won).toHaveLength(1);
    expect(refused.map((d) => (d.reason as { code?: string }).code)).toEqual(Array(49).fill("CONFLICT"));
    const decided = (won[0] as PromiseFulfilledResult<{ status: string }>).value.status;
    expect((await commentsOf(number)).map((c) => c.body)).toEqual(decided === "ACCEPTED" ? ["Please look at this again."] : []);
    expect(await database().db.ticketEvent.count({ where: { ticket: { number }, type: "INBOUND_MAIL" } })).toBe(1);
  });
});
