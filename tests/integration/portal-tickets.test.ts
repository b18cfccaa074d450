import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/actor";
import { escalateTicket } from "@/lib/routing/escalate";
import { claimTicket } from "@/lib/routing/claim";
import { updateTicket } from "@/lib/routing/update-ticket";
import { seedDemoData } from "@/lib/seed/demo-data";
import { addComment } from "@/lib/tickets/add-comment";
import { createTicket } from "@/lib/tickets/create-ticket";
import { getCustomerConversation } from "@/lib/tickets/customer-conversation";
import { confirmResolved, reopenTicket } from "@/lib/tickets/customer-actions";
import { getCustomerTicket, listCustomerTickets } from "@/lib/tickets/customer-tickets";
import { requestEscalation } from "@/lib/tickets/escalation-request";
import { getTicket } from "@/lib/tickets/core/get-ticket";
import { listEvents } from "@/lib/tickets/list-events";
import { rateTicket, ratingSummary } from "@/lib/tickets/rate-ticket";
import { unchecked } from "@/lib/validation/unchecked";
import { actorFor } from "../fixtures/actors";
import { stage } from "../fixtures/journey";
import { describeEachDatabase } from "../fixtures/test-database";

const minutesAfter = (start: string) => (minutes: number) => new Date(Date.parse(start) + minutes * 60_000);
const NOT_FOUND = { code: "NOT_FOUND", status: 404 };

describeEachDatabase("Customer portal tickets", (database) => {
  let acme: Actor;
  let globex: Actor;
  let l1: Actor;
  let l2: Actor;
  let manager: Actor;
  // Tuesday 2026-12-01 10:00 UTC; HIGH × HIGH → P1 (24×7, updates every 30 min).
  const at = minutesAfter("2026-12-01T10:00:00Z");

  beforeAll(async () => {
    const db = database().db;
    await seedDemoData(db);
    acme = await actorFor(db, "C1001");
    globex = await actorFor(db, "C1002");
    l1 = await actorFor(db, "l1agent");
    l2 = await actorFor(db, "l2agent");
    manager = await actorFor(db, "manager");
  });

  const outbox = () => database().db.outboxMessage.findMany({ orderBy: { id: "asc" } });

  /** A P1 for Acme, claimed by l1agent, answered publicly and resolved at L1. */
  async function resolvedTicket(start: number, title: string): Promise<string> {
    const { number } = await createTicket(acme, { type: "INCIDENT", title, description: "Nothing loads.", category: "platform", impact: "HIGH", urgency: "HIGH" }, at(start));
    const claimed = await claimTicket(l1, number, at(start + 1));
    await addComment(l1, number, { body: "Cleared the cache on our side.", visibility: "PUBLIC" }, at(start + 2));
    await updateTicket(l1, number, { version: claimed.version + 1, status: "RESOLVED" }, at(start + 3));
    return number;
  }

  describe("the customer's view", () => {
    it("names the support level, priority and status in plain words, with the update promise, and nothing internal", async () => {
      const { number } = await createTicket(acme, { type: "INCIDENT", title: "Checkout down", description: "All payments fail.", category: "platform", impact: "HIGH", urgency: "HIGH" }, at(0));
      await claimTicket(l1, number, at(1));
      const view = await getCustomerTicket(acme, number);
      expect(view).toMatchObject({ number, statusLabel: "Assigned to an agent", priorityLabel: "Critical", supportLevel: "Level 1 support", rating: null });
      expect(view.nextUpdateAt).not.toBeNull();
      const text = JSON.stringify(view);
      for (const internal of ["service-desk", "Service Desk", "l1agent", "Lena", "P1", "L1", "clocks", "externalReference"]) expect(text).not.toContain(internal);

      const staff = await getTicket(l1, number);
      expect(staff.group.slug).toBe("service-desk");
    });

    it("names the level the ticket moved to, and lists own tickets only, filtered open or resolved", async () => {
      const resolved = await resolvedTicket(10, "Slow dashboard");
      const open = await createTicket(acme, { type: "INCIDENT", title: "Vendor outage", description: "Storage errors.", category: "platform", impact: "HIGH", urgency: "HIGH" }, at(20));
      await claimTicket(l1, open.number, at(21));
      await escalateTicket(l1, open.number, { reason: "Needs L2", summary: "Logs attached" }, at(22));
      const l2ticket = await getTicket(l2, open.number);
      expect(l2ticket.tier).toBe("L2");
      expect((await getCustomerTicket(acme, open.number)).supportLevel).toBe("Level 2 support");
      await createTicket(globex, { type: "INCIDENT", title: "Globex only", description: "x", category: "platform" }, at(23));

      const all = (await listCustomerTickets(acme, {})).tickets.map((t) => t.number);
      const openOnly = (await listCustomerTickets(acme, { filter: "open" })).tickets.map((t) => t.number);
      const resolvedOnly = (await listCustomerTickets(acme, { filter: "resolved" })).tickets.map((t) => t.number);
      expect(all).toContain(open.number);
      expect(all).toContain(resolved);
      expect(openOnly).toContain(open.number);
      expect(openOnly).not.toContain(resolved);
      expect(resolvedOnly).toEqual([resolved]);
      expect((await listCustomerTickets(globex, {})).tickets.map((t) => t.title)).toEqual(["Globex only"]);
      await expect(listCustomerTickets(acme, unchecked({ filter: "everything" }))).rejects.toMatchObject({ code: "VALIDATION", fields: { filter: expect.any(Array) } });
      await expect(listCustomerTickets(l1, {})).rejects.toMatchObject({ status: 403 });
    });
  });

  describe("confirm, reopen, rate", () => {
    it("follows one resolved ticket: its mails, 'Still broken' reopening it, 'Resolved for me' closing it, and its rating", async () => {
      // One ticket's timeline: each stage starts where the one before left the ticket and the clock.
      const before = (await outbox()).length;
      const number = await resolvedTicket(100, "Reports empty");

      await stage("mails the staff public reply and the resolution to the customer, with the claim's held status folded into the reply, never an internal note", async () => {
        await addComment(l1, number, { body: "Internal only: check the ETL.", visibility: "INTERNAL" }, at(104));
        const mails = (await outbox()).slice(before);
        expect(mails.map((m) => [m.toAddress, m.subject, m.status])).toEqual([
          ["carla@acme.example", `[${number}] Received: Reports empty`, "PENDING"],
          ["carla@acme.example", `[${number}] New reply: Reports empty`, "PENDING"],
          ["carla@acme.example", `[${number}] Resolved: Reports empty`, "PENDING"],
        ]);
        expect(mails[1]!.body).toContain("Cleared the cache on our side.");
        expect(mails[1]!.body).toContain("Status: Assigned to an agent");
        // Claiming again changes nothing, so it mails nothing.
        await claimTicket(l1, number, at(105));
        expect(await outbox()).toHaveLength(before + mails.length);
        expect(mails.some((m) => m.body.includes("Internal only"))).toBe(false);
      });

      await stage("'Still broken' reopens at the tier, group and agent that resolved it, with the clocks running again", async () => {
        const resolved = await getCustomerTicket(acme, number);
        await expect(reopenTicket(acme, number, { version: resolved.version - 1, reason: "Still empty" }, at(110))).rejects.toMatchObject({ status: 409 });
        await expect(reopenTicket(acme, number, { version: resolved.version, reason: " " }, at(110))).rejects.toMatchObject({ status: 400, fields: { reason: expect.any(Array) } });
        const reopened = await reopenTicket(acme, number, { version: resolved.version, reason: "Reports are still empty." }, at(110));
        expect(reopened).toMatchObject({ status: "IN_PROGRESS", supportLevel: "Level 1 support", resolvedAt: null });
        const staff = await getTicket(l1, number);
        expect({ tier: staff.tier, group: staff.group.slug, assignee: staff.assignee?.userId, running: staff.clocks.customerClockRunning }).toEqual({
          tier: "L1",
          group: "service-desk",
          assignee: "l1agent",
          running: true,
        });
        const [comment, status] = (await listEvents(manager, number)).slice(-2);
        expect(comment).toMatchObject({ type: "COMMENTED", details: { rule: "comment.customer-reopened" } });
        expect(status).toMatchObject({ type: "STATUS_CHANGED", details: { rule: "status.customer-reopened", inputs: { from: "RESOLVED", to: "IN_PROGRESS", resolvedAtTier: "L1" } } });
        const { replies, history } = await getCustomerConversation(acme, number);
        expect(replies.at(-1)).toMatchObject({ author: "You", fromSupport: false, body: "Still broken: Reports are still empty." });
        expect(history.at(-1)).toMatchObject({ explanation: "Status: In progress." });
        // Not resolved now: nothing to confirm or rate.
        await expect(confirmResolved(acme, number, { version: reopened.version }, at(111))).rejects.toMatchObject({ status: 409 });
        await expect(rateTicket(acme, number, { score: 5 }, at(111))).rejects.toMatchObject({ status: 409 });
      });

      await stage("'Resolved for me' closes a resolved ticket, and the rating (1–5) is kept, shown and counted for managers", async () => {
        const t = await getTicket(l1, number);
        await updateTicket(l1, number, { version: t.version, status: "RESOLVED" }, at(120));
        const closed = await confirmResolved(acme, number, { version: t.version + 1 }, at(121));
        expect(closed).toMatchObject({ status: "CLOSED", statusLabel: "Closed" });
        expect((await listEvents(manager, number)).at(-1)).toMatchObject({ details: { rule: "status.customer-confirmed" } });
        expect((await outbox()).at(-1)).toMatchObject({ subject: `[${number}] Closed: Reports empty` });

        await expect(rateTicket(acme, number, { score: 6 }, at(122))).rejects.toMatchObject({ status: 400, fields: { score: expect.any(Array) } });
        expect((await rateTicket(acme, number, { score: 2, comment: "Took two tries." }, at(122))).rating).toMatchObject({ score: 2, comment: "Took two tries." });
        expect((await rateTicket(acme, number, { score: 4 }, at(123))).rating).toMatchObject({ score: 4, comment: "" });
        expect((await listEvents(acme, number)).at(-1)).toMatchObject({ type: "RATED", explanation: "Rated 4 of 5." });
        expect(await ratingSummary(manager)).toEqual({ count: 1, average: 4, byScore: { 1: 0, 2: 0, 3: 0, 4: 1, 5: 0 } });
        await expect(ratingSummary(l1)).rejects.toMatchObject({ status: 403 });
      });
    });
  });

  describe("escalation request", () => {
    it("alerts the assignee, the group's leads and (on a P1) the managers with the reason, changes no tier, and refuses a resolved ticket", async () => {
      const { number } = await createTicket(acme, { type: "INCIDENT", title: "Invoices wrong", description: "Totals off.", category: "billing", impact: "HIGH", urgency: "HIGH" }, at(200));
      const claimed = await claimTicket(l1, number, at(201));
      await escalateTicket(l1, number, { reason: "Needs L2", summary: "Checked totals" }, at(202));
      const before = await getCustomerTicket(acme, number);
      await expect(requestEscalation(acme, number, { version: before.version, reason: "" }, at(203))).rejects.toMatchObject({ status: 400, fields: { reason: expect.any(Array) } });
      const after = await requestEscalation(acme, number, { version: before.version, reason: "Month-end close is tomorrow." }, at(203));
      expect(after.supportLevel).toBe("Level 2 support");
      expect(after.version).toBe(before.version + 1);
      expect((await listEvents(manager, number)).at(-1)).toMatchObject({
        type: "ALERT",
        fromTier: "L2",
        toTier: "L2",
        details: { rule: "customer.escalation-request", inputs: { reason: "Month-end close is tomorrow.", notify: { leads: true, managers: true } } },
      });
      expect((await listEvents(acme, number)).at(-1)).toMatchObject({ type: "ALERT", explanation: "You asked for escalation: support has been alerted.", details: null });
      expect(claimed.tier).toBe("L1");
      await expect(requestEscalation(acme, number, { version: before.version, reason: "again" }, at(204))).rejects.toMatchObject({ status: 409 });

      // Asking again at the same level, on the current version, is refused and changes nothing (no new alert).
      const events = (await listEvents(manager, number)).length;
      await expect(requestEscalation(acme, number, { version: after.version, reason: "Still waiting!" }, at(230))).rejects.toMatchObject({
        status: 409,
        message: expect.stringContaining("You asked for escalation on 1 Dec, 13:23 UTC"),
      });
      expect(await listEvents(manager, number)).toHaveLength(events);
      expect((await getCustomerTicket(acme, number)).version).toBe(after.version);
      // Once the ticket moved to another level, a new request is taken.
      await escalateTicket(l2, number, { reason: "Needs L3", summary: "Totals come from the ledger service" }, at(240));
      const moved = await getCustomerTicket(acme, number);
      expect((await requestEscalation(acme, number, { version: moved.version, reason: "Close is in two hours." }, at(241))).supportLevel).toBe("Level 3 support");
    });
  });

  describe("another customer", () => {
    it("gets 404 from every portal read and verb on Acme's ticket, and changes nothing", async () => {
      const number = await resolvedTicket(300, "Acme private");
      const t = await getCustomerTicket(acme, number);
      const attempts = [
        () => getCustomerTicket(globex, number),
        () => getCustomerConversation(globex, number),
        () => addComment(globex, number, { body: "hello", visibility: "PUBLIC" }, at(310)),
        () => confirmResolved(globex, number, { version: t.version }, at(310)),
        () => reopenTicket(globex, number, { version: t.version, reason: "mine?" }, at(310)),
        () => requestEscalation(globex, number, { version: t.version, reason: "mine?" }, at(310)),
        () => rateTicket(globex, number, { score: 1 }, at(310)),
      ];
      for (const attempt of attempts) await expect(attempt()).rejects.toMatchObject(NOT_FOUND);
      expect((await getCustomerTicket(acme, number)).version).toBe(t.version);
      // Staff do not use the customer verbs.
      await expect(confirmResolved(l1, number, { version: t.version }, at(311))).rejects.toMatchObject({ status: 403 });
    });
  });
});
