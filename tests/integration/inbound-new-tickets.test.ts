import MailComposer from "nodemailer/lib/mail-composer";
import type Mail from "nodemailer/lib/mailer";
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import type { Actor } from "@/lib/actor";
import { receiveInboundMail } from "@/lib/inbound/receive-inbound-mail";
import { NO_SUBJECT } from "@/lib/inbound/new-ticket-input";
import { seedDemoData } from "@/lib/seed/demo-data";
import { actorFor } from "../fixtures/actors";
import { describeEachDatabase } from "../fixtures/test-database";

// Issue 24, "New tickets by mail stay off by default": INBOUND_NEW_TICKETS=known-customers opens a ticket for a
// mail that answers none of ours when its sender is exactly one active customer's address (L1, the category's
// defaults, channel EMAIL); anyone else's is held as before, and noise is ignored.
const DOMAIN = "reply.tierdesk.test";
const ENV = ["INBOUND_DOMAIN", "INBOUND_NEW_TICKETS", "INBOUND_NEW_TICKET_CATEGORY"] as const;
const SIGNATURE = "\n\n-- \nCarla Customer\nAcme Ltd.\n";

let sequence = 0;
async function rawMail(options: Mail.Options): Promise<Buffer> {
  return new MailComposer({ messageId: `<n${++sequence}.${Date.now()}@mail.acme.example>`, to: `support@${DOMAIN}`, subject: "Printer offline", ...options }).compile().build();
}

describeEachDatabase("New tickets by mail", (database) => {
  const saved: Record<string, string | undefined> = {};
  let carla: Actor;
  let hour = 0;
  const start = Date.parse("2026-12-02T10:00:00Z");
  const inHour = () => {
    const base = start + hour++ * 3_600_000;
    return (minutes: number) => new Date(base + minutes * 60_000);
  };
  const on = () => {
    process.env.INBOUND_NEW_TICKETS = "known-customers";
    process.env.INBOUND_NEW_TICKET_CATEGORY = "platform";
  };

  beforeAll(async () => {
    for (const name of ENV) saved[name] = process.env[name];
    process.env.INBOUND_DOMAIN = DOMAIN;
    await seedDemoData(database().db);
    carla = await actorFor(database().db, "C1001");
    const customer = { role: "CUSTOMER" as const, secretHash: "not-a-hash" };
    await database().db.user.createMany({
      data: [
        { ...customer, userId: "C2001", name: "Pat One", email: "shared@initech.example" },
        { ...customer, userId: "C2002", name: "Pat Two", email: "Shared@Initech.example" },
        { ...customer, userId: "C2003", name: "Gone Customer", email: "gone@initech.example", active: false },
      ],
    });
  });
  afterEach(() => {
    delete process.env.INBOUND_NEW_TICKETS;
    delete process.env.INBOUND_NEW_TICKET_CATEGORY;
  });
  afterAll(() => {
    for (const name of ENV) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
  });

  const ticketCount = () => database().db.ticket.count();
  const carlasTickets = () => database().db.ticket.findMany({ where: { customerId: carla.id }, orderBy: { id: "asc" } });

  it("holds a fresh mail from a known customer while new tickets by mail are off (the default)", async () => {
    const at = inHour();
    const before = await ticketCount();
    const outcome = await receiveInboundMail(await rawMail({ from: "carla@acme.example", text: "The printer is offline." }), "SMTP", at(0));
    expect(outcome).toMatchObject({ status: "HELD", ticketNumber: null, duplicate: false });
    expect(outcome.reason).toContain("answers none of our mails");
    expect(await ticketCount()).toBe(before);
  });

  it("opens one ticket for a known customer's fresh mail: at L1, the category's defaults, channel EMAIL, the stripped text; the same Message-ID again opens nothing", async () => {
    on();
    const at = inHour();
    const before = (await carlasTickets()).length;
    const mails = await database().db.outboxMessage.count();
    const raw = await rawMail({ from: "Carla Customer <Carla@Acme.example>", subject: "  Printer\toffline\n on floor 3 ", text: `The printer on floor 3 is offline.\u0000${SIGNATURE}` });
    const outcome = await receiveInboundMail(raw, "SMTP", at(0));
    expect(outcome).toMatchObject({ status: "POSTED", duplicate: false, commentId: null });
    expect(outcome.ticketNumber).toMatch(/^INC-\d{6,}$/);
    expect(outcome.reason).toContain(`opened a new ticket, ${outcome.ticketNumber}`);

    const ticket = await database().db.ticket.findUniqueOrThrow({ where: { number: outcome.ticketNumber! }, include: { category: true, group: true } });
    expect(ticket).toMatchObject({
      type: "INCIDENT",
      title: "Printer offline on floor 3",
      description: "The printer on floor 3 is offline.",
      channel: "EMAIL",
      tier: "L1",
      customerId: carla.id,
      openedById: null,
      impact: ticket.category.defaultImpact,
      urgency: ticket.category.defaultUrgency,
    });
    expect(ticket.category.slug).toBe("platform");
    expect(ticket.group!.tier).toBe("L1");
    expect(ticket.firstResponseDueAt).not.toBeNull();
    const events = await database().db.ticketEvent.findMany({ where: { ticketId: ticket.id }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.type)).toEqual(expect.arrayContaining(["CREATED", "CLASSIFIED"]));
    expect(events.find((e) => e.type === "CREATED")!.reason).toContain("by email");
    // The "received" mail goes to the customer, as for any new ticket.
    const sent = await database().db.outboxMessage.findMany({ where: { ticketId: ticket.id } });
    expect(sent).toHaveLength(1);
    expect(sent[0]!.toAddress).toBe("carla@acme.example");
    expect(await database().db.outboxMessage.count()).toBe(mails + 1);
    const row = await database().db.inboundMail.findUniqueOrThrow({ where: { id: outcome.id } });
    expect(row).toMatchObject({ status: "POSTED", ticketId: ticket.id, commentId: null });

    const again = await receiveInboundMail(raw, "IMAP", at(1));
    expect(again).toMatchObject({ duplicate: true, id: outcome.id, status: "POSTED", ticketNumber: outcome.ticketNumber });
    expect((await carlasTickets()).length).toBe(before + 1);
  });

  it("falls back to (no subject) and keeps a mail's file on the new ticket", async () => {
    on();
    const at = inHour();
    const outcome = await receiveInboundMail(
      await rawMail({ from: "carla@acme.example", subject: "", text: "See the log.", attachments: [{ filename: "printer.log", content: "paper jam\n" }] }),
      "SMTP",
      at(0),
    );
    expect(outcome.status).toBe("POSTED");
    const ticket = await database().db.ticket.findUniqueOrThrow({ where: { number: outcome.ticketNumber! } });
    expect(ticket.title).toBe(NO_SUBJECT);
    const files = await database().db.attachment.findMany({ where: { ticketId: ticket.id } });
    expect(files.map((f) => [f.fileName, f.commentId, f.uploaderId])).toEqual([["printer.log", null, carla.id]]);
  });

  it("holds mail from an address two customers share, an unknown sender and a deactivated customer, saying not which", async () => {
    on();
    const at = inHour();
    const before = await ticketCount();
    const outcomes = [];
    for (const from of ["shared@initech.example", "nobody@initech.example", "gone@initech.example"]) {
      outcomes.push(await receiveInboundMail(await rawMail({ from, text: "Please help." }), "SMTP", at(outcomes.length)));
    }
    expect(outcomes.map((o) => [o.status, o.ticketNumber])).toEqual([
      ["HELD", null],
      ["HELD", null],
      ["HELD", null],
    ]);
    expect(new Set(outcomes.map((o) => o.reason)).size).toBe(1);
    expect(outcomes[0]!.reason).toContain("not the address of exactly one active customer");
    expect(await ticketCount()).toBe(before);
  });

  it("ignores an auto-reply from a known customer, and still holds a reply with a bad token or a subject naming a ticket", async () => {
    on();
    const at = inHour();
    const before = await ticketCount();
    const away = await receiveInboundMail(await rawMail({ from: "carla@acme.example", text: "I am out of office.", headers: { "Auto-Submitted": "auto-replied" } }), "SMTP", at(0));
    expect(away.status).toBe("IGNORED");
    const forged = await receiveInboundMail(await rawMail({ from: "carla@acme.example", to: `support+INC-000001.0123456789abcdef0123@${DOMAIN}`, text: "Hello" }), "SMTP", at(1));
    expect(forged).toMatchObject({ status: "HELD", ticketNumber: null });
    // An answer to our "received" mail that lost its headers (a crude autoresponder): its subject names a ticket.
    const echo = await receiveInboundMail(await rawMail({ from: "carla@acme.example", subject: "Re: [INC-000001] Printer offline", text: "Thank you for your mail." }), "SMTP", at(2));
    expect(echo).toMatchObject({ status: "HELD", ticketNumber: null });
    expect(echo.reason).toContain("Its subject names INC-000001");
    expect(await ticketCount()).toBe(before);
  });

  it("holds the mail, saying why, when the category named does not exist", async () => {
    on();
    process.env.INBOUND_NEW_TICKET_CATEGORY = "no-such-category";
    const at = inHour();
    const before = await ticketCount();
    const outcome = await receiveInboundMail(await rawMail({ from: "carla@acme.example", text: "Help." }), "SMTP", at(0));
    expect(outcome).toMatchObject({ status: "HELD", ticketNumber: null });
    expect(outcome.reason).toContain("could not open a new ticket");
    expect(outcome.reason).toContain("category");
    expect(await ticketCount()).toBe(before);
  });

  it("holds the mail, naming the variable, when INBOUND_NEW_TICKETS makes no sense", async () => {
    process.env.INBOUND_NEW_TICKETS = "yes";
    const at = inHour();
    const outcome = await receiveInboundMail(await rawMail({ from: "carla@acme.example", text: "Help." }), "SMTP", at(0));
    expect(outcome.status).toBe("HELD");
    expect(outcome.reason).toContain("INBOUND_NEW_TICKETS");
  });
});
