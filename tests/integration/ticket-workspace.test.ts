import { beforeAll, expect, it } from "vitest";
import type { Actor } from "@/lib/actor";
import { claimTicket } from "@/lib/routing/claim";
import { escalateTicket } from "@/lib/routing/escalate";
import { returnTicket } from "@/lib/routing/return";
import { updateTicket } from "@/lib/routing/update-ticket";
import { seedDemoData } from "@/lib/seed/demo-data";
import { addComment } from "@/lib/tickets/add-comment";
import { listChangesSince } from "@/lib/tickets/changes-since";
import { createTicket } from "@/lib/tickets/create-ticket";
import { listEvents } from "@/lib/tickets/list-events";
import { loadTicketWorkspace } from "@/lib/tickets/ticket-workspace";
import { actorFor } from "../fixtures/actors";
import { describeEachDatabase } from "../fixtures/test-database";

// Monday 2026-11-30 09:00 UTC; "platform" → MEDIUM × HIGH → P2 (24×7).
const T0 = Date.parse("2026-11-30T09:00:00Z");
const at = (minutes: number) => new Date(T0 + minutes * 60_000);

describeEachDatabase("agent ticket workspace", (database) => {
  let customer: Actor;
  let otherCustomer: Actor;
  let lena: Actor;
  let leo: Actor;
  let priya: Actor;
  let manager: Actor;
  let number = "";
  let sibling = "";

  beforeAll(async () => {
    const db = database().db;
    await seedDemoData(db);
    [customer, otherCustomer, lena, leo, priya, manager] = await Promise.all([
      actorFor(db, "C1001"),
      actorFor(db, "C1002"),
      actorFor(db, "l1agent"),
      actorFor(db, "l1agent2"),
      actorFor(db, "l2agent"),
      actorFor(db, "manager"),
    ]);
    number = (await createTicket(customer, { type: "INCIDENT", title: "Dashboard 500", description: "Every page fails.", category: "platform" }, at(0))).number;
    sibling = (await createTicket(customer, { type: "SERVICE_REQUEST", title: "New invoice address", description: "Please change it.", category: "billing" }, at(1))).number;
    await createTicket(otherCustomer, { type: "INCIDENT", title: "Not theirs", description: "Another customer.", category: "platform" }, at(1));
    await claimTicket(lena, number, at(2));
    await addComment(lena, number, { body: "Request ID **req-1**", visibility: "INTERNAL" }, at(3));
    await addComment(lena, number, { body: "We are looking into it.", visibility: "PUBLIC" }, at(4));
  });

  it("shows the ticket, the buttons the actor may use, the SOP steps and related articles, and the customer's other open tickets", async () => {
    const w = await loadTicketWorkspace(lena, number, at(5));
    expect(w.ticket.number).toBe(number);
    expect(w.actions).toMatchObject({ claim: false, escalate: true, escalateTo: "L2", assign: false });
    expect(w.sop?.slug).toBe("sop-platform");
    expect(w.sop?.steps).toHaveLength(5);
    expect(w.sop?.steps[0]).toMatchObject({ text: expect.stringMatching(/^Check the status page/), required: false, done: false, changedBy: null });
    expect(w.relatedArticles.map((a) => [a.slug, a.audience])).toEqual([["help-platform", "CUSTOMER"]]);
    expect(w.customerTickets.map((t) => t.number)).toEqual([sibling]);
    expect(w.l4Groups.map((g) => g.slug).sort()).toEqual(["architecture", "cloud-vendor"]);
    expect(w.assignAgents).toEqual([]);
    expect(w.pinnedHandoff).toBeNull();
    expect(w.handedOff).toBe(false);
  });

  it("merges comments into the decision log: each comment in place of its event, notes and replies told apart", async () => {
    const w = await loadTicketWorkspace(lena, number, at(5));
    const kinds = w.timeline.map((e) => (e.kind === "event" ? e.event.type : e.visibility));
    expect(kinds).toEqual(["CREATED", "CLASSIFIED", "CLAIMED", "INTERNAL", "PUBLIC"]);
    const reply = w.timeline[4]!;
    expect(reply.kind === "comment" && reply.explanation).toBe(`Public reply by ${lena.name} (first response).`);
    expect(w.eventCount).toBe((await listEvents(lena, number)).length);
  });

  it("previews a reclassification exactly as updateTicket then applies it", async () => {
    const before = await loadTicketWorkspace(leo, number, at(6));
    const preview = before.previews["HIGH×HIGH"]!;
    expect(preview.priority).toBe("P1");
    const saved = await updateTicket(leo, number, { version: before.ticket.version, impact: "HIGH" }, at(6));
    expect(saved.priority).toBe(preview.priority);
    expect(saved.due).toEqual(preview.due);
  });

  it("a stale save can tell what changed since: the events after those the page had", async () => {
    const seen = (await loadTicketWorkspace(leo, number, at(7))).eventCount;
    await updateTicket(lena, number, { version: (await loadTicketWorkspace(lena, number, at(7))).ticket.version, status: "IN_PROGRESS" }, at(7));
    const { ticket, changes } = await listChangesSince(leo, number, seen);
    expect(ticket.status).toBe("IN_PROGRESS");
    expect(changes.map((c) => [c.type, c.actor?.name])).toEqual([["STATUS_CHANGED", lena.name]]);
  });

  it("pins the hand-off for the tier that received it until it acts; the agent who handed it on may note and is offered the next ticket", async () => {
    await escalateTicket(lena, number, { reason: "Needs logs", summary: "Status page checked.", stepsDone: ["Check the status page"] }, at(8));
    const received = await loadTicketWorkspace(priya, number, at(8));
    expect(received.pinnedHandoff?.handoff).toMatchObject({ kind: "ESCALATION", by: { name: lena.name }, summary: "Status page checked.", stepsDone: ["Check the status page"] });
    const handedOn = await loadTicketWorkspace(lena, number, at(8));
    expect(handedOn.pinnedHandoff).toBeNull();
    expect(handedOn.handedOff).toBe(true);
    expect(handedOn.actions).toMatchObject({ comment: false, note: true });
    // Lena has no other ticket of her own: the next is the first unassigned one at L1, in queue order.
    expect(handedOn.nextTicket?.number).toMatch(/^(INC|REQ)-\d{6}$/);
    expect(handedOn.nextTicket?.number).not.toBe(number);
    await addComment(priya, number, { body: "Looking at the logs.", visibility: "INTERNAL" }, at(8));
    expect((await loadTicketWorkspace(priya, number, at(8))).pinnedHandoff).toBeNull();
  });

  it("shows the tier above's guidance while the ticket is back, and managers their assignment options", async () => {
    await returnTicket(priya, number, { guidance: "Ask for a HAR file." }, at(9));
    const w = await loadTicketWorkspace(lena, number, at(10));
    expect(w.pinnedHandoff?.handoff).toMatchObject({ kind: "RETURN", by: { name: priya.name }, summary: "Ask for a HAR file." });
    const m = await loadTicketWorkspace(manager, number, at(10));
    expect(m.actions.assign).toBe(true);
    expect(m.assignGroups.every((g) => g.tier !== "L4")).toBe(true);
    expect(m.assignAgents.map((a) => a.userId)).toContain("l2agent");
  });

  it("is for staff: customers are refused, unknown numbers are not found", async () => {
    await expect(loadTicketWorkspace(customer, number)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(loadTicketWorkspace(lena, "INC-999999")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
