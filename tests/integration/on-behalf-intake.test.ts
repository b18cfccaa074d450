import { beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import type { Actor } from "@/lib/actor";
import { TicketChannel } from "@/lib/db/generated/enums";
import { searchCustomers } from "@/lib/customers/search-customers";
import { getEscalationMetrics } from "@/lib/metrics/get-escalation-metrics";
import { seedDemoData } from "@/lib/seed/demo-data";
import { openTicket } from "@/lib/tickets/create-ticket";
import { getCustomerTicket } from "@/lib/tickets/customer-tickets";
import { listEvents } from "@/lib/tickets/list-events";
import { openTicketFor } from "@/lib/tickets/ticket-for-actor";
import type { ZCreateTicket } from "@/lib/validation/ticket";
import { actorFor } from "../fixtures/actors";
import { describeEachDatabase } from "../fixtures/test-database";

const call = { type: "INCIDENT", title: "VPN drops every 10 minutes", description: "Caller says since this morning.", category: "platform" } satisfies z.input<typeof ZCreateTicket>;
const NOW = new Date("2026-11-27T10:00:00.000Z");

describeEachDatabase("on-behalf intake: staff log a contact for a customer", (database) => {
  let carla: Actor;
  let gus: Actor;
  let lena: Actor;
  let leo: Actor;
  let priya: Actor;
  let mia: Actor;

  beforeAll(async () => {
    const { db } = database();
    await seedDemoData(db);
    carla = await actorFor(db, "C1001");
    gus = await actorFor(db, "C1002");
    lena = await actorFor(db, "l1agent");
    leo = await actorFor(db, "l1agent2");
    priya = await actorFor(db, "l2agent");
    mia = await actorFor(db, "manager");
  });

  const ticketRow = (number: string) =>
    database().db.ticket.findUniqueOrThrow({ where: { number }, include: { events: { orderBy: { id: "asc" } }, customer: true } });

  describe("who may", () => {
    it("customers cannot name a customer, a staff channel, a claim or a resolution (400 naming each field), and nothing is written", async () => {
      const before = await database().db.ticket.count();
      await expect(openTicketFor(carla, { ...call, customer: "C1002" })).rejects.toMatchObject({ status: 400, fields: { customer: expect.any(Array) } });
      await expect(openTicketFor(carla, { ...call, channel: "PHONE" })).rejects.toMatchObject({ status: 400, fields: { channel: expect.any(Array) } });
      await expect(openTicketFor(carla, { ...call, claim: true, resolution: "done" })).rejects.toMatchObject({
        status: 400,
        fields: { claim: expect.any(Array), resolution: expect.any(Array) },
      });
      // The portal's own channel through the API is refused too: a customer's channel is where the ticket came in.
      await expect(openTicketFor(carla, { ...call, channel: "PORTAL" })).rejects.toMatchObject({ status: 400, fields: { channel: expect.any(Array) } });
      expect(await database().db.ticket.count()).toBe(before);
    });

    it("a customer's own ticket records where it came in: API through the API, PORTAL from the portal form", async () => {
      const viaApi = await openTicketFor(carla, call, NOW);
      const viaPortal = await openTicket(carla, { ...call, channel: "PORTAL" }, NOW, "PORTAL");
      expect((await ticketRow(viaApi.ticket.number)).channel).toBe("API");
      expect((await ticketRow(viaPortal.ticket.number)).channel).toBe("PORTAL");
      expect((await ticketRow(viaApi.ticket.number)).openedById).toBeNull();
      expect((await getCustomerTicket(carla, viaApi.ticket.number)).openedBy).toBeNull();
    });

    it("staff must name an active customer and a staff channel: 400 on the field otherwise", async () => {
      await expect(openTicket(lena, { ...call, channel: "PHONE" })).rejects.toMatchObject({ status: 400, fields: { customer: expect.any(Array) } });
      await expect(openTicket(lena, { ...call, customer: "C1001" })).rejects.toMatchObject({ status: 400, fields: { channel: expect.any(Array) } });
      await expect(openTicket(lena, { ...call, customer: "C1001", channel: "PORTAL" })).rejects.toMatchObject({ status: 400, fields: { channel: expect.any(Array) } });
      await expect(openTicket(lena, { ...call, customer: "NOBODY", channel: "PHONE" })).rejects.toMatchObject({
        status: 400,
        fields: { customer: ["No active customer has the user ID NOBODY."] },
      });
      // Staff are not customers.
      await expect(openTicket(lena, { ...call, customer: "l1agent2", channel: "PHONE" })).rejects.toMatchObject({ status: 400, fields: { customer: expect.any(Array) } });
      await expect(openTicket(lena, { ...call, customer: "C1\u0000001", channel: "PHONE" })).rejects.toMatchObject({ status: 400, fields: { customer: expect.any(Array) } });
      await expect(openTicket(lena, { ...call, customer: "C1001", channel: "PHONE", resolution: "Fixed." })).rejects.toMatchObject({
        status: 400,
        fields: { resolution: expect.any(Array) },
      });
    });

    it("only L1 agents take the new ticket (403 for L2 and managers), though any staff may log the contact", async () => {
      await expect(openTicket(priya, { ...call, customer: "C1001", channel: "CHAT", claim: true })).rejects.toMatchObject({ status: 403 });
      await expect(openTicket(mia, { ...call, customer: "C1001", channel: "CHAT", claim: true })).rejects.toMatchObject({ status: 403 });
      const { ticket } = await openTicket(priya, { ...call, customer: "C1001", channel: "CHAT" }, NOW);
      expect(ticket).toMatchObject({ tier: "L1", status: "NEW", assignee: null, customer: { userId: "C1001" } });
      const manager = await openTicket(mia, { ...call, customer: "C1002", channel: "WALK_IN" }, NOW);
      expect(manager.ticket).toMatchObject({ tier: "L1", customer: { userId: "C1002" } });
    });

    it("a deactivated customer cannot be named", async () => {
      const { db } = database();
      await db.user.create({ data: { userId: "C9OLD", name: "Old Customer", role: "CUSTOMER", active: false, secretHash: "x" } });
      await expect(openTicket(lena, { ...call, customer: "C9OLD", channel: "PHONE" })).rejects.toMatchObject({ status: 400, fields: { customer: expect.any(Array) } });
    });
  });

  describe("a logged phone call", () => {
    /** Lena logs a phone call for Carla: each test logs its own. */
    const logPhoneCall = () => openTicket(lena, { ...call, customer: "C1001", channel: "PHONE" }, NOW);

    it("enters L1 on the matrix for the customer, with the channel and who opened it recorded", async () => {
      const { ticket, created } = await logPhoneCall();
      expect(created).toBe(true);
      const number = ticket.number;
      expect(ticket).toMatchObject({ tier: "L1", priority: "P2", group: { slug: "service-desk" }, customer: { userId: "C1001" } });
      const row = await ticketRow(number);
      expect(row).toMatchObject({ channel: "PHONE", openedById: lena.id, customerId: carla.id, organizationId: carla.organizationId });
    });

    it("the CREATED event says who opened it, for whom and by which channel", async () => {
      const { number } = (await logPhoneCall()).ticket;
      const [created] = (await ticketRow(number)).events;
      expect(created).toMatchObject({
        type: "CREATED",
        actorId: lena.id,
        rule: "intake.l1",
        inputs: expect.objectContaining({ channel: "PHONE", openedBy: "l1agent", customer: "C1001" }),
      });
      expect(created!.reason).toMatch(/^Opened by Lena First \(l1agent\) for C1001 \(Acme[^)]*\) by phone; entered L1 at Service Desk/);
    });

    it("the customer's acknowledgement mail is queued to the customer", async () => {
      const { number } = (await logPhoneCall()).ticket;
      const mail = await database().db.outboxMessage.findMany({ where: { ticket: { number } } });
      expect(mail).toHaveLength(1);
      expect(mail[0]).toMatchObject({ toAddress: "carla@acme.example", dedupeKey: expect.stringMatching(/^received:/) });
      expect(mail[0]!.subject).toContain(number);
    });

    it("the customer sees it opened for them by Service Desk: no agent name or id anywhere in their view", async () => {
      const { number } = (await logPhoneCall()).ticket;
      const view = await getCustomerTicket(carla, number);
      expect(view.openedBy).toBe("Service Desk");
      const history = await listEvents(carla, number);
      expect(history[0]).toMatchObject({ type: "CREATED", explanation: "Ticket opened for you by Service Desk.", actor: null });
      const text = JSON.stringify({ view, history });
      for (const staff of [lena.id, lena.userId, lena.name, "Lena"]) expect(text, staff).not.toContain(staff);
      // Another customer cannot see it.
      await expect(getCustomerTicket(gus, number)).rejects.toMatchObject({ status: 404 });
    });
  });

  describe("I'm handling it, resolved on first contact", () => {
    it("claims in the same statement: assigned to the agent, a CLAIMED event with its reason, no placement", async () => {
      const { ticket } = await openTicket(lena, { ...call, customer: "C1002", channel: "EMAIL", claim: true }, NOW);
      expect(ticket).toMatchObject({ status: "ASSIGNED", assignee: { userId: "l1agent" } });
      const events = (await ticketRow(ticket.number)).events;
      expect(events.map((e) => e.type)).toEqual(["CREATED", "CLASSIFIED", "CLAIMED"]);
      expect(events[2]).toMatchObject({
        actorId: lena.id,
        toAssignee: "l1agent",
        rule: "claim.first-contact",
        reason: "Claimed by Lena First on first contact: they logged the email contact and are handling it.",
      });
      // The ticket and its claim share one timestamp and one statement: there is no moment when it was unassigned.
      expect(events[2]!.createdAt).toEqual(events[0]!.createdAt);
    });

    it("resolves on the spot: the note reaches the customer as a reply and the ticket is resolved", async () => {
      const { ticket } = await openTicket(lena, { ...call, customer: "C1001", channel: "PHONE", claim: true, resolution: "Reset the VPN profile; it holds now." }, NOW);
      expect(ticket).toMatchObject({ status: "RESOLVED", assignee: { userId: "l1agent" }, tier: "L1" });
      const row = await ticketRow(ticket.number);
      expect(row.events.map((e) => e.type)).toEqual(["CREATED", "CLASSIFIED", "CLAIMED", "COMMENTED", "STATUS_CHANGED"]);
      expect(row.resolvedAt).toEqual(NOW);
      const view = await getCustomerTicket(carla, ticket.number);
      expect(view).toMatchObject({ status: "RESOLVED", openedBy: "Service Desk" });
      const mails = await database().db.outboxMessage.findMany({ where: { ticketId: row.id }, orderBy: { id: "asc" } });
      expect(mails[0]!.dedupeKey).toMatch(/^received:/);
      expect(mails.every((m) => m.toAddress === "carla@acme.example")).toBe(true);
    });

    it("a replayed submit (same idempotency key) returns the first ticket and writes nothing", async () => {
      const input = { ...call, customer: "C1002", channel: "PHONE", idempotencyKey: "on-behalf-replay-1" };
      const first = await openTicket(leo, input, NOW);
      const again = await openTicket(leo, input, NOW);
      expect([first.created, again.created]).toEqual([true, false]);
      expect(again.ticket.number).toBe(first.ticket.number);
    });

    it("50 on-behalf intakes at once, half claimed, all succeed with distinct numbers and one claim each", async () => {
      const results = await Promise.allSettled(
        Array.from({ length: 50 }, (_, i) =>
          openTicket(i % 2 ? lena : leo, { ...call, title: `Parallel call ${i}`, customer: i % 3 ? "C1001" : "C1002", channel: "PHONE", claim: i % 4 === 0 }, NOW),
        ),
      );
      const failures = results.filter((r) => r.status === "rejected");
      expect(failures).toEqual([]);
      const tickets = results.map((r) => (r as PromiseFulfilledResult<Awaited<ReturnType<typeof openTicket>>>).value.ticket);
      expect(new Set(tickets.map((t) => t.number)).size).toBe(50);
      const rows = await database().db.ticket.findMany({
        where: { title: { startsWith: "Parallel call " } },
        include: { events: { where: { type: "CLAIMED" } }, outboxMessages: true },
      });
      expect(rows).toHaveLength(50);
      for (const row of rows) {
        const i = Number(row.title.slice("Parallel call ".length));
        expect(row.events).toHaveLength(i % 4 === 0 ? 1 : 0);
        expect(row.outboxMessages).toHaveLength(1);
        expect(row.openedById).toBe((i % 2 ? lena : leo).id);
      }
    });
  });

  describe("dashboard by channel", () => {
    // A day of its own, so the tickets the other tests open at NOW stay out of its figures.
    const DAY = new Date("2026-11-26T10:00:00.000Z");

    it("splits the funnel and first-contact resolution by channel: the call resolved on the spot counts for Phone", async () => {
      await openTicket(priya, { ...call, customer: "C1001", channel: "CHAT" }, DAY);
      await openTicket(lena, { ...call, customer: "C1002", channel: "PHONE" }, DAY);
      await openTicket(leo, { ...call, customer: "C1002", channel: "EMAIL", claim: true }, DAY);
      await openTicket(lena, { ...call, customer: "C1001", channel: "PHONE", claim: true, resolution: "Reset the VPN profile; it holds now." }, DAY);
      const metrics = await getEscalationMetrics(mia, { period: "custom", from: "2026-11-26", to: "2026-11-26" }, new Date("2026-11-27T00:00:00.000Z"));
      const by = Object.fromEntries(metrics.byChannel.map((c) => [c.channel, c]));
      // Every channel has its row, even one no ticket came through.
      expect(Object.keys(by).sort()).toEqual(Object.values(TicketChannel).sort());
      const rows = await database().db.ticket.groupBy({ by: ["channel"], where: { createdAt: DAY }, _count: true });
      for (const row of rows) expect(by[row.channel]!.opened, row.channel).toBe(row._count);
      expect(by.PHONE!.firstContactResolved).toBe(1);
      expect(by.PHONE!.firstContactResolution).toBeCloseTo(1 / by.PHONE!.opened);
      expect(by.CHAT).toMatchObject({ opened: 1, firstContactResolved: 0 });
      // The split adds up to the funnel.
      expect(metrics.byChannel.reduce((n, c) => n + c.opened, 0)).toBe(metrics.funnel.opened);
      expect(metrics.byChannel.reduce((n, c) => n + c.firstContactResolved, 0)).toBe(metrics.funnel.firstContactResolved);
    });
  });

  describe("customer typeahead", () => {
    it("finds active customers by user ID, name, email or organization, any case; never staff or the deactivated", async () => {
      expect((await searchCustomers(lena, { q: "c100" })).map((c) => c.userId)).toEqual(["C1001", "C1002"]);
      expect(await searchCustomers(lena, { q: "carla" })).toEqual([{ userId: "C1001", name: "Carla Customer", email: "carla@acme.example", organization: expect.any(String) }]);
      expect((await searchCustomers(lena, { q: "GLOBEX.EX" })).map((c) => c.userId)).toEqual(["C1002"]);
      const acme = (await searchCustomers(lena, { q: "acme" })).map((c) => c.userId);
      expect(acme).toContain("C1001");
      expect((await searchCustomers(mia, { q: "first" })).map((c) => c.userId)).toEqual([]);
      expect((await searchCustomers(mia, { q: "Old Customer" })).map((c) => c.userId)).toEqual([]);
      // A typed % or _ is a letter, not a wildcard.
      expect(await searchCustomers(lena, { q: "%" })).toEqual([]);
    });

    it("is for staff only (403 for customers) and refuses an empty or NUL query (400)", async () => {
      await expect(searchCustomers(carla, { q: "C1" })).rejects.toMatchObject({ status: 403 });
      await expect(searchCustomers(lena, { q: "" })).rejects.toMatchObject({ status: 400, fields: { q: expect.any(Array) } });
      await expect(searchCustomers(lena, { q: "a\u0000" })).rejects.toMatchObject({ status: 400, fields: { q: expect.any(Array) } });
      expect(await searchCustomers(lena, { q: "مرحبا 👋" })).toEqual([]);
    });
  });
});
