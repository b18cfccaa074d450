import { beforeAll, expect, it } from "vitest";
import type { z } from "zod";
import type { Actor } from "@/lib/actor";
import { seedDemoData } from "@/lib/seed/demo-data";
import { createTicket, openTicket } from "@/lib/tickets/create-ticket";
import type { ZCreateTicket } from "@/lib/validation/ticket";
import { actorFor } from "../fixtures/actors";
import { describeEachDatabase } from "../fixtures/test-database";

const valid = { type: "INCIDENT", title: "Exports stop at 50 %", description: "Every export since Monday stops halfway.", category: "data" } satisfies z.input<typeof ZCreateTicket>;

describeEachDatabase("createTicket with an idempotency key", (database) => {
  let acme: Actor;
  let globex: Actor;

  beforeAll(async () => {
    await seedDemoData(database().db);
    acme = await actorFor(database().db, "C1001");
    globex = await actorFor(database().db, "C1002");
  });

  it("a repeated submit with the same key returns the first ticket, with its JSON, and writes nothing", async () => {
    const input = { ...valid, idempotencyKey: "4f1c2e0a-9a43-4c8e-bf6f-0d1b2c3d4e5f" };
    const first = await openTicket(acme, input);
    const ticketsBefore = await database().db.ticket.count();
    const eventsBefore = await database().db.ticketEvent.count();
    const mailsBefore = await database().db.outboxMessage.count();
    const second = await openTicket(acme, input);
    expect(first.created).toBe(true);
    expect(second.created).toBe(false);
    expect(second.ticket).toEqual(first.ticket);
    expect(await database().db.ticket.count()).toBe(ticketsBefore);
    expect(await database().db.ticketEvent.count()).toBe(eventsBefore);
    expect(await database().db.outboxMessage.count()).toBe(mailsBefore);
  });

  it("acknowledges the new ticket by mail with its status and first update promise, once", async () => {
    const { ticket } = await openTicket(acme, { ...valid, idempotencyKey: "ack-mail-0001" }, new Date("2026-12-01T10:00:00Z"));
    await openTicket(acme, { ...valid, idempotencyKey: "ack-mail-0001" }, new Date("2026-12-01T10:00:05Z"));
    const mails = await database().db.outboxMessage.findMany({ where: { ticket: { number: ticket.number } } });
    expect(mails.map((m) => [m.toAddress, m.subject])).toEqual([["carla@acme.example", `[${ticket.number}] Received: Exports stop at 50 %`]]);
    expect(mails[0]!.body).toContain(`We have received your ticket ${ticket.number} ("Exports stop at 50 %"). Its status: Received.`);
    // data defaults MEDIUM × MEDIUM → P3, updates every 4 business hours: 14:00 the same day.
    expect(mails[0]!.body).toContain("We will send you an update by 1 Dec, 14:00 UTC at the latest.");
    expect(mails[0]!.body).toContain(`/portal/tickets/${ticket.number}`);
  });

  it("a double submit at the same moment creates one ticket and both get it", async () => {
    const input = { ...valid, idempotencyKey: "double-click-0001" };
    const before = await database().db.ticket.count();
    const [a, b] = await Promise.all([createTicket(acme, input), createTicket(acme, input)]);
    expect(a.number).toBe(b.number);
    expect(await database().db.ticket.count()).toBe(before + 1);
  });

  it("keys belong to one customer: another customer's same key opens their own ticket", async () => {
    const key = "shared-key-12345";
    const mine = await createTicket(acme, { ...valid, idempotencyKey: key });
    const theirs = await createTicket(globex, { ...valid, idempotencyKey: key });
    expect(theirs.number).not.toBe(mine.number);
    expect(theirs.customer.userId).toBe("C1002");
  });

  it("without a key every submit is a new ticket", async () => {
    const [a, b] = await Promise.all([createTicket(acme, valid), createTicket(acme, valid)]);
    expect(a.number).not.toBe(b.number);
  });

  it("refuses a malformed key with the field at fault", async () => {
    for (const idempotencyKey of ["short", "has spaces in it", "x".repeat(101), "semi;colon-key"]) {
      await expect(createTicket(acme, { ...valid, idempotencyKey })).rejects.toMatchObject({ status: 400, fields: { idempotencyKey: expect.any(Array) } });
    }
  });
});
