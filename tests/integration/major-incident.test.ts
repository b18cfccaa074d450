import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/actor";
import { getIncidentPanel } from "@/lib/incidents/incident-panel";
import { attachChild, declareMajorIncident, detachChild } from "@/lib/incidents/major-incident";
import { updateTicket } from "@/lib/routing/update-ticket";
import { seedDemoData } from "@/lib/seed/demo-data";
import { addComment } from "@/lib/tickets/add-comment";
import { createTicket } from "@/lib/tickets/create-ticket";
import { getCustomerConversation } from "@/lib/tickets/customer-conversation";
import { listCustomerTickets } from "@/lib/tickets/customer-tickets";
import { listEvents } from "@/lib/tickets/list-events";
import { readTicketFor } from "@/lib/tickets/ticket-for-actor";
import { listTimeline } from "@/lib/tickets/ticket-timeline";
import { getTicket } from "@/lib/tickets/core/get-ticket";
import { actorFor } from "../fixtures/actors";
import { describeEachDatabase } from "../fixtures/test-database";

// Issue 15 §4: a major incident gathers customer tickets about one outage; its public updates reach every
// open child's customer exactly once; resolving it resolves the open children only.
describeEachDatabase("Major incidents", (database) => {
  const at = (minute: number) => new Date(Date.UTC(2026, 11, 1, 10, minute));
  let carla: Actor; // acme
  let gus: Actor; // globex
  let l1: Actor;
  let l1b: Actor;
  let l2: Actor;
  let manager: Actor;
  let parent: string;
  let childA: string; // Carla's
  let childB: string; // Gus's
  let childC: string; // Carla's second
  const open = (customer: Actor, title: string, minute: number) =>
    createTicket(customer, { type: "INCIDENT", title, description: "Cannot reach the platform.", category: "platform" }, at(minute)).then((t) => t.number);
  const db = () => database().db;
  const copiesOf = (number: string) => db().comment.findMany({ where: { ticket: { number }, sourceCommentId: { not: null } }, orderBy: { id: "asc" } });
  const replyMailsOf = (number: string) => db().outboxMessage.findMany({ where: { ticket: { number }, subject: { contains: "New reply" } }, orderBy: { id: "asc" } });

  beforeAll(async () => {
    await seedDemoData(db());
    carla = await actorFor(db(), "C1001");
    gus = await actorFor(db(), "C1002");
    l1 = await actorFor(db(), "l1agent");
    l1b = await actorFor(db(), "l1agent2");
    l2 = await actorFor(db(), "l2agent");
    manager = await actorFor(db(), "manager");
    parent = await open(gus, "Platform unreachable for everyone", 0);
    childA = await open(carla, "Dashboard down", 1);
    childB = await open(gus, "Cannot log in to the platform", 2);
    childC = await open(carla, "API returns 502", 3);
  });

  describe("declaring", () => {
    it("refuses an L1 agent (403) and changes nothing", async () => {
      await expect(declareMajorIncident(l1, parent, at(5))).rejects.toMatchObject({ code: "FORBIDDEN" });
      expect((await getIncidentPanel(l1, parent)).isMajorIncident).toBe(false);
    });

    it("lets an L2 agent declare it, with a MAJOR_INCIDENT_DECLARED event; a second declaration is 409", async () => {
      const panel = await declareMajorIncident(l2, parent, at(6));
      expect(panel.isMajorIncident).toBe(true);
      const events = await listEvents(l2, parent);
      expect(events).toContainEqual(expect.objectContaining({ type: "MAJOR_INCIDENT_DECLARED", details: expect.objectContaining({ rule: "major-incident.declare" }) }));
      await expect(declareMajorIncident(manager, parent, at(7))).rejects.toMatchObject({ code: "CONFLICT" });
    });

    it("refuses customers: 404 for someone else's ticket, 403 for their own", async () => {
      await expect(declareMajorIncident(carla, parent, at(7))).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(declareMajorIncident(carla, childA, at(7))).rejects.toMatchObject({ code: "FORBIDDEN" });
    });
  });

  describe("attaching", () => {
    it("lets L1 attach customer tickets; the parent counts the customers and organizations affected", async () => {
      await attachChild(l1, parent, { child: childA }, at(8));
      await attachChild(l1, parent, { child: childB.toLowerCase() }, at(8));
      const panel = await attachChild(l1b, parent, { child: childC }, at(9));
      expect(panel.children.map((c) => c.number)).toEqual([childA, childB, childC]);
      expect(panel.affected).toEqual({ customers: 2, organizations: 2, openChildren: 3 });
      expect((await getIncidentPanel(l1, childA)).parent?.number).toBe(parent);
      expect(await listEvents(l1, childA)).toContainEqual(expect.objectContaining({ type: "CHILD_ATTACHED", explanation: expect.stringContaining(parent) }));
    });

    it("refuses: itself (400), a child twice or to another parent (409), a major incident as a child, a child declared, a closed ticket", async () => {
      await expect(attachChild(l1, parent, { child: parent }, at(10))).rejects.toMatchObject({ code: "VALIDATION" });
      await expect(attachChild(l1, parent, { child: childA }, at(10))).rejects.toMatchObject({ code: "CONFLICT" });
      const other = await open(gus, "Second outage", 10);
      await declareMajorIncident(manager, other, at(10));
      await expect(attachChild(l1, other, { child: childA }, at(10))).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("detach") });
      await expect(attachChild(l1, parent, { child: other }, at(10))).rejects.toMatchObject({ code: "CONFLICT" });
      await expect(declareMajorIncident(l2, childA, at(10))).rejects.toMatchObject({ code: "CONFLICT" });
      await expect(attachChild(l1, childA, { child: childB }, at(10))).rejects.toMatchObject({ code: "CONFLICT" });
      const closed = await open(carla, "Already closed", 11);
      await updateTicket(manager, closed, { version: 1, status: "CLOSED" }, at(11));
      await expect(attachChild(l1, parent, { child: closed }, at(11))).rejects.toMatchObject({ code: "CONFLICT" });
      await expect(attachChild(l1, parent, { child: "INC-\u0000" }, at(11))).rejects.toMatchObject({ code: "VALIDATION" });
      expect((await getIncidentPanel(l1, parent)).children).toHaveLength(3);
    });
  });

  describe("public updates", () => {
    it("copies one update to every open child and mails each child's customer once, even when agents post at once", async () => {
      const updates = Array.from({ length: 10 }, (_, i) => i);
      await Promise.all(updates.map((i) => addComment(i % 2 ? l1 : l1b, parent, { body: `Update ${i}: we are on it 🚧 עדכון`, visibility: "PUBLIC" }, at(12))));
      await addComment(l1, parent, { body: "Internal: root cause is the load balancer.", visibility: "INTERNAL" }, at(13));
      const sources = (await db().comment.findMany({ where: { ticket: { number: parent }, visibility: "PUBLIC", authorId: { in: [l1.id, l1b.id] } } })).map((c) => c.id);
      expect(sources).toHaveLength(10);
      for (const child of [childA, childB, childC]) {
        const copies = await copiesOf(child);
        expect(copies.map((c) => c.sourceCommentId).sort()).toEqual([...sources].sort());
        expect(copies.every((c) => c.visibility === "PUBLIC")).toBe(true);
        const mails = await replyMailsOf(child);
        expect(mails.map((m) => m.dedupeKey).sort()).toEqual(copies.map((c) => `comment:${c.id}`).sort());
        expect(mails[0]!.toAddress).toBe(child === childB ? "gus@globex.example" : "carla@acme.example");
        expect(mails[0]!.subject).toBe(`[${child}] New reply: ${(await getTicket(l1, child)).title}`);
        expect(mails.some((m) => m.body.includes(parent))).toBe(false);
      }
    });

    it("leaves the children's clocks alone: they follow their own priority", async () => {
      const before = await db().ticket.findUniqueOrThrow({ where: { number: childA } });
      await addComment(l1, parent, { body: "Still working.", visibility: "PUBLIC" }, at(14));
      const after = await db().ticket.findUniqueOrThrow({ where: { number: childA } });
      expect(after.firstRespondedAt).toEqual(before.firstRespondedAt);
      expect(after.nextUpdateDueAt).toEqual(before.nextUpdateDueAt);
      expect(after.resolutionDueAt).toEqual(before.resolutionDueAt);
      expect(after.version).toBe(before.version);
    });

    it("shows each customer the update on their own ticket, never the parent, another customer's ticket or name", async () => {
      const conversation = await getCustomerConversation(carla, childA);
      expect(conversation.replies).toContainEqual(expect.objectContaining({ body: "Still working.", author: "Lena First", fromSupport: true }));
      const views = JSON.stringify([
        conversation,
        await listEvents(carla, childA),
        await listTimeline(carla, childA),
        await readTicketFor(carla, childA),
        await listCustomerTickets(carla, {}),
      ]);
      for (const secret of [parent, childB, "Gus Globex", "Platform unreachable", "root cause"]) expect(views.includes(secret), secret).toBe(false);
      await expect(getCustomerConversation(carla, childB)).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(getIncidentPanel(carla, childA)).rejects.toMatchObject({ code: "FORBIDDEN" });
    });
  });

  describe("detaching and resolving", () => {
    it("detaches a child the parent does not fix (CHILD_DETACHED on both); a ticket not attached is 409", async () => {
      const panel = await detachChild(l1, parent, childC, at(20));
      expect(panel.children.map((c) => c.number)).toEqual([childA, childB]);
      expect(await listEvents(l1, childC)).toContainEqual(expect.objectContaining({ type: "CHILD_DETACHED" }));
      expect(await listEvents(l1, parent)).toContainEqual(expect.objectContaining({ type: "CHILD_DETACHED" }));
      await expect(detachChild(l1, parent, childC, at(20))).rejects.toMatchObject({ code: "CONFLICT" });
      await addComment(l1, parent, { body: "Not for the detached one.", visibility: "PUBLIC" }, at(21));
      expect((await copiesOf(childC)).some((c) => c.body === "Not for the detached one.")).toBe(false);
    });

    it("resolving the parent resolves every open child with its note and mail, never a closed one or a detached one", async () => {
      const closedChild = await open(carla, "Closed before the fix", 22);
      await attachChild(l1, parent, { child: closedChild }, at(22));
      await updateTicket(manager, closedChild, { version: (await getTicket(manager, closedChild)).version, status: "CLOSED" }, at(23));
      await addComment(l1, parent, { body: "Fixed: the load balancer was replaced.", visibility: "PUBLIC" }, at(24));
      const { version } = await getTicket(l1, parent);
      await updateTicket(l1, parent, { version, status: "RESOLVED" }, at(25));

      for (const child of [childA, childB]) {
        const t = await db().ticket.findUniqueOrThrow({ where: { number: child } });
        expect(t).toMatchObject({ status: "RESOLVED", resolvedAt: at(25), slaClockSince: null, resolutionDueAt: null });
        expect(await listEvents(l1, child)).toContainEqual(
          expect.objectContaining({ type: "STATUS_CHANGED", details: expect.objectContaining({ rule: "status.major-incident-resolved", inputs: expect.objectContaining({ to: "RESOLVED" }) }) }),
        );
        const resolvedMails = await db().outboxMessage.findMany({ where: { ticket: { number: child }, subject: { contains: "Resolved" } } });
        expect(resolvedMails).toHaveLength(1);
        expect(resolvedMails[0]!.body).toContain("Fixed: the load balancer was replaced.");
        expect(resolvedMails[0]!.body).not.toContain(parent);
      }
      expect((await db().ticket.findUniqueOrThrow({ where: { number: closedChild } })).status).toBe("CLOSED");
      expect((await db().outboxMessage.findMany({ where: { ticket: { number: closedChild }, subject: { contains: "Resolved" } } }))).toHaveLength(0);
      expect((await db().ticket.findUniqueOrThrow({ where: { number: childC } })).status).not.toBe("RESOLVED");
      expect((await getCustomerConversation(carla, childA)).history.at(-1)?.explanation).toMatch(/Status:/);
    });

    it("a manager closing a major incident straight away resolves its open children too", async () => {
      const outage = await open(gus, "Another outage", 30);
      const child = await open(carla, "Another child", 30);
      await declareMajorIncident(manager, outage, at(30));
      await attachChild(l1, outage, { child }, at(31));
      await updateTicket(manager, outage, { version: (await getTicket(manager, outage)).version, status: "CLOSED" }, at(32));
      expect((await db().ticket.findUniqueOrThrow({ where: { number: child } })).status).toBe("RESOLVED");
    });
  });
});
