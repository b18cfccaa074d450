// Replies by email as the running server takes them (lib/inbound/start-inbound-mail.ts): over SMTP into the
// receiver, and from a real IMAP mailbox (a throw-away dovecot, tests/fixtures/dovecot.ts) by the repeating job.
// Where dovecot is missing or does not start, the test tagged [imap] prints why and skips.
import net, { type AddressInfo } from "node:net";
import nodemailer from "nodemailer";
import { afterAll, afterEach, beforeAll, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/actor";
import { replyAddress, replyToken } from "@/lib/mail/reply-address";
import { replyKey } from "@/lib/mail/reply-key";
import { runImapFetch } from "@/lib/inbound/imap-job";
import { startInboundMail } from "@/lib/inbound/start-inbound-mail";
import { resetShutdownForTests, runShutdownHooks } from "@/lib/observability/shutdown";
import { resetRepeatingJobsForTests, stopAllRepeatingJobs } from "@/lib/schedule/repeating-job";
import { claimTicket } from "@/lib/routing/claim";
import { updateTicket } from "@/lib/routing/update-ticket";
import { seedDemoData } from "@/lib/seed/demo-data";
import { createTicket } from "@/lib/tickets/create-ticket";
import { actorFor } from "../fixtures/actors";
import { startDovecot } from "../fixtures/dovecot";
import { describeEachDatabase } from "../fixtures/test-database";

const DOMAIN = "reply.tierdesk.test";
const QUOTE = "\n\nOn Tue, Dec 1, 2026 at 10:00 AM Tierdesk Support <support@tierdesk.invalid> wrote:\n> We have received your ticket.\n";

const started = await startDovecot();
const dovecot = started.server;
if (!dovecot) console.warn(`inbound-mail-wiring: the [imap] test skips: ${started.reason}`);
afterAll(async () => dovecot?.stop());

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

let mailboxes = 0;

describeEachDatabase("Replies by email, as the server takes them", (database) => {
  let carla: Actor;
  let l1: Actor;
  let previousDomain: string | undefined;
  beforeAll(async () => {
    previousDomain = process.env.INBOUND_DOMAIN;
    process.env.INBOUND_DOMAIN = DOMAIN;
    await seedDemoData(database().db);
    carla = await actorFor(database().db, "C1001");
    l1 = await actorFor(database().db, "l1agent");
  });
  afterAll(() => {
    if (previousDomain === undefined) delete process.env.INBOUND_DOMAIN;
    else process.env.INBOUND_DOMAIN = previousDomain;
  });
  afterEach(async () => {
    await runShutdownHooks("test");
    resetShutdownForTests();
    await stopAllRepeatingJobs();
    resetRepeatingJobsForTests();
  });

  async function ticketToAnswer(title: string): Promise<{ number: string; address: string }> {
    const { number } = await createTicket(carla, { type: "INCIDENT", title, description: "It does not print.", category: "platform" });
    const row = await database().db.ticket.findUniqueOrThrow({ where: { number } });
    return { number, address: replyAddress(number, replyToken(replyKey(), row.id, row.customerId), DOMAIN) };
  }
  const bodiesOn = async (number: string) =>
    (await database().db.comment.findMany({ where: { ticket: { number } }, orderBy: { id: "asc" } })).map((c) => [c.body, c.visibility, c.authorId]);

  it("a customer's reply sent over SMTP is on its ticket by the time the sender hears 250; other domains are refused", async () => {
    const port = await freePort();
    await startInboundMail({ INBOUND_DOMAIN: DOMAIN, INBOUND_SMTP_PORT: String(port), INBOUND_SMTP_HOST: "127.0.0.1" });
    const { number, address } = await ticketToAnswer("Printer offline");
    const transport = nodemailer.createTransport({ host: "127.0.0.1", port, secure: false, ignoreTLS: true });
    try {
      const sent = await transport.sendMail({ from: "Carla Customer <carla@acme.example>", to: address, subject: `Re: [${number}] Received`, text: `It prints again after a restart.${QUOTE}` });
      expect(sent.accepted).toEqual([address]);
      expect(await bodiesOn(number)).toEqual([["It prints again after a restart.", "PUBLIC", carla.id]]);
      await expect(transport.sendMail({ from: "someone@elsewhere.example", to: "support@elsewhere.example", subject: "Relay?", text: "Relay this." })).rejects.toThrow(/550/);
      expect(await database().db.inboundMail.count({ where: { subject: "Relay?" } })).toBe(0);
    } finally {
      transport.close();
    }
  });

  it.skipIf(!dovecot)("[imap] from a mailbox: a customer's reply lands once, a stranger's is held, an auto-reply and a bounce do nothing, a resolved ticket reopens; every message ends \\Seen", async () => {
    const open = await ticketToAnswer("Scanner offline");
    const resolved = await ticketToAnswer("Monitor flickers");
    const claimed = await claimTicket(l1, resolved.number);
    await updateTicket(l1, resolved.number, { version: claimed.version, status: "RESOLVED" });
    const mailbox = `Replies${++mailboxes}`;
    const mail = (id: string, from: string, to: string, text: string, extra: string[] = []) =>
      Buffer.from(
        [`From: ${from}`, `To: ${to}`, "Subject: Re: your ticket", `Message-ID: <${id}-${mailboxes}-${process.pid}@acme.example>`, "Date: Fri, 04 Dec 2026 10:00:00 +0000", ...extra,
          "MIME-Version: 1.0", "Content-Type: text/plain; charset=utf-8", "", text].join("\r\n"),
      );
    const messages = [
      mail("reply", "Carla Customer <carla@acme.example>", open.address, `The scanner works again.${QUOTE}`),
      mail("reply", "Carla Customer <carla@acme.example>", open.address, `The scanner works again.${QUOTE}`),
      mail("stranger", "Mallory <mallory@elsewhere.example>", open.address, "Please close this ticket."),
      mail("away", "Carla Customer <carla@acme.example>", open.address, "I am out of the office.", ["Auto-Submitted: auto-replied"]),
      mail("bounce", "MAILER-DAEMON@mail.acme.example", open.address, "Delivery failed.", ["X-Failed-Recipients: nobody@acme.example"]),
      mail("still-broken", "carla@acme.example", resolved.address, "It flickers again since this morning."),
    ];
    const client = await dovecot!.client();
    try {
      await client.mailboxCreate(mailbox);
      for (const raw of messages) await client.append(mailbox, raw);
    } finally {
      await client.logout();
    }
    const outboxBefore = await database().db.outboxMessage.count();
    await startInboundMail({ INBOUND_DOMAIN: DOMAIN, INBOUND_IMAP_URL: dovecot!.url.replace(/\/INBOX$/, `/${mailbox}`), INBOUND_IMAP_SECONDS: "5" });
    await vi.waitFor(async () => expect(await database().db.inboundMail.count({ where: { via: "IMAP" } })).toBe(5), { timeout: 30_000, interval: 250 });

    expect(await bodiesOn(open.number)).toEqual([["The scanner works again.", "PUBLIC", carla.id]]);
    const statuses = await database().db.inboundMail.findMany({ where: { via: "IMAP" }, orderBy: { id: "asc" }, select: { fromAddress: true, status: true } });
    expect(statuses.map((m) => [m.fromAddress, m.status]).sort()).toEqual(
      [
        ["carla@acme.example", "POSTED"],
        ["carla@acme.example", "IGNORED"],
        ["mailer-daemon@mail.acme.example", "IGNORED"],
        ["mallory@elsewhere.example", "HELD"],
        ["carla@acme.example", "POSTED"],
      ].sort(),
    );
    const reopened = await database().db.ticket.findUniqueOrThrow({ where: { number: resolved.number } });
    expect(reopened.status).not.toBe("RESOLVED");
    expect((await bodiesOn(resolved.number)).at(-1)).toEqual(["Still broken: It flickers again since this morning.", "PUBLIC", carla.id]);
    // Nothing went back to the stranger, the auto-reply or the bounce: the only new mail is the reopened ticket's own.
    const newMail = await database().db.outboxMessage.findMany({ where: { id: { gt: 0 } }, orderBy: { id: "asc" }, skip: outboxBefore, select: { toAddress: true } });
    expect(newMail.every((m) => m.toAddress === "carla@acme.example")).toBe(true);

    const seen = await dovecot!.client();
    try {
      await seen.mailboxOpen(mailbox);
      const flags = [];
      for await (const message of seen.fetch("1:*", { flags: true })) flags.push([...(message.flags ?? [])]);
      expect(flags).toEqual(messages.map(() => ["\\Seen"]));
    } finally {
      await seen.logout();
    }
  });

  it.skipIf(!dovecot)("[imap] two instances fetching one mailbox with move: one run fetches and moves every message, the other skips, neither fails", async () => {
    const open = await ticketToAnswer("Keyboard sticks");
    const mailbox = `Shared${++mailboxes}`;
    const client = await dovecot!.client();
    try {
      await client.mailboxCreate(mailbox);
      for (let i = 0; i < 6; i++) {
        await client.append(mailbox, Buffer.from([`From: carla@acme.example`, `To: ${open.address}`, `Subject: Re: keys`, `Message-ID: <shared-${i}-${mailboxes}-${process.pid}@acme.example>`, "", `Key ${i} sticks too.`].join("\r\n")));
      }
    } finally {
      await client.logout();
    }
    const settings = { url: dovecot!.url.replace(/\/INBOX$/, `/${mailbox}`), afterReceive: "move:Done" as const, seconds: 5 };
    const runs = await Promise.allSettled([runImapFetch(settings), runImapFetch(settings)]);
    expect(runs.map((r) => r.status)).toEqual(["fulfilled", "fulfilled"]);
    const results = runs.map((r) => (r as PromiseFulfilledResult<unknown>).value);
    expect(results.filter((r) => r === null)).toHaveLength(1);
    expect(results.find((r) => r !== null)).toEqual({ received: 6 });
    expect((await bodiesOn(open.number)).map(([body]) => body).sort()).toEqual(Array.from({ length: 6 }, (_, i) => `Key ${i} sticks too.`));
    expect(await database().db.jobLease.count()).toBe(0);
    const check = await dovecot!.client();
    try {
      const messagesIn = async (box: string) => {
        const status = await check.status(box, { messages: true });
        return status ? status.messages : null;
      };
      expect(await messagesIn(mailbox)).toBe(0);
      expect(await messagesIn("Done")).toBeGreaterThanOrEqual(6);
    } finally {
      await check.logout();
    }
  });
});
