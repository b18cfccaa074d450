import { beforeAll, expect, it } from "vitest";
import type { Actor } from "@/lib/actor";
import { getIncidentPanel } from "@/lib/incidents/incident-panel";
import { linkTickets } from "@/lib/incidents/link-tickets";
import { seedDemoData } from "@/lib/seed/demo-data";
import { addComment } from "@/lib/tickets/add-comment";
import { createTicket } from "@/lib/tickets/create-ticket";
import { getCustomerConversation } from "@/lib/tickets/customer-conversation";
import { listEvents } from "@/lib/tickets/list-events";
import { readTicketFor } from "@/lib/tickets/ticket-for-actor";
import { unchecked } from "@/lib/validation/unchecked";
import { actorFor } from "../fixtures/actors";
import { describeEachDatabase } from "../fixtures/test-database";

// Issue 15 §4: related links show on both tickets; a duplicate closes, tells its customer where to follow
// (never naming another customer's ticket) and keeps its conversation readable.
describeEachDatabase("Linked tickets", (database) => {
  const at = (minute: number) => new Date(Date.UTC(2026, 11, 1, 10, minute));
  let carla: Actor;
  let gus: Actor;
  let l1: Actor;
  let l2: Actor;
  const db = () => database().db;
  const open = (customer: Actor, title: string, minute: number) =>
    createTicket(customer, { type: "INCIDENT", title, description: "Broken.", category: "access" }, at(minute)).then((t) => t.number);

  beforeAll(async () => {
    await seedDemoData(db());
    carla = await actorFor(db(), "C1001");
    gus = await actorFor(db(), "C1002");
    l1 = await actorFor(db(), "l1agent");
    l2 = await actorFor(db(), "l2agent");
  });

  it("links two tickets as related, shown on both, with a LINKED event on each; the same pair again either way is 409", async () => {
    const a = await open(carla, "VPN drops", 0);
    const b = await open(gus, "VPN slow", 1);
    const panel = await linkTickets(l1, a, { kind: "RELATED", target: b }, at(2));
    expect(panel.links).toEqual([expect.objectContaining({ number: b, kind: "RELATED", direction: "to" })]);
    expect((await getIncidentPanel(l2, b)).links).toEqual([expect.objectContaining({ number: a, kind: "RELATED", direction: "from" })]);
    for (const n of [a, b]) expect(await listEvents(l1, n)).toContainEqual(expect.objectContaining({ type: "LINKED", details: expect.objectContaining({ rule: "link.related" }) }));
    await expect(linkTickets(l1, b, { kind: "RELATED", target: a }, at(3))).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(linkTickets(l1, a, { kind: "RELATED", target: b }, at(3))).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await db().ticketLink.count({ where: { ticket: { number: { in: [a, b] } } } })).toBe(1);
  });

  it("links each pair once when many writers link it both ways at once", async () => {
    const a = await open(carla, "Race A", 4);
    const b = await open(carla, "Race B", 4);
    const results = await Promise.allSettled(Array.from({ length: 20 }, (_, i) => linkTickets(l1, i % 2 ? a : b, { kind: "RELATED", target: i % 2 ? b : a }, at(5))));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.every((r) => r.status === "fulfilled" || (r.reason as { code?: string }).code === "CONFLICT")).toBe(true);
    const [aId, bId] = await Promise.all([a, b].map(async (n) => (await db().ticket.findUniqueOrThrow({ where: { number: n } })).id));
    expect(await db().ticketLink.count({ where: { OR: [{ ticketId: aId }, { ticketId: bId }] } })).toBe(1);
  });

  it("refuses a self-link (400), bad input (400), customers (404 / 403), and an unknown target (404)", async () => {
    const a = await open(carla, "Self", 6);
    await expect(linkTickets(l1, a, { kind: "RELATED", target: a }, at(6))).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(linkTickets(l1, a, { kind: "RELATED", target: "INC-\u0000" }, at(6))).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(linkTickets(l1, a, unchecked({ kind: "SAME", target: a }), at(6))).rejects.toMatchObject({ code: "VALIDATION", fields: { kind: expect.any(Array) } });
    await expect(linkTickets(l1, a, { kind: "RELATED", target: "INC-999999" }, at(6))).rejects.toMatchObject({ code: "NOT_FOUND" });
    const other = await open(gus, "Gus's", 6);
    await expect(linkTickets(carla, other, { kind: "RELATED", target: a }, at(6))).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(linkTickets(carla, a, { kind: "RELATED", target: other }, at(6))).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("closes a duplicate of the same customer's ticket, names that ticket to them, and keeps the conversation readable", async () => {
    const original = await open(carla, "Mail bounces", 7);
    const duplicate = await open(carla, "Mail bounces again", 8);
    await addComment(carla, duplicate, { body: "Also the calendar." }, at(9));
    await linkTickets(l1, duplicate, { kind: "DUPLICATE_OF", target: original }, at(10));
    const row = await db().ticket.findUniqueOrThrow({ where: { number: duplicate } });
    expect(row).toMatchObject({ status: "CLOSED", closedAt: at(10), slaClockSince: null, resolutionDueAt: null });
    expect(await listEvents(l1, duplicate)).toContainEqual(
      expect.objectContaining({ type: "STATUS_CHANGED", details: expect.objectContaining({ rule: "status.duplicate", inputs: expect.objectContaining({ duplicateOf: original, to: "CLOSED" }) }) }),
    );
    expect(await listEvents(l1, original)).toContainEqual(expect.objectContaining({ type: "LINKED", explanation: expect.stringContaining(duplicate) }));
    const conversation = await getCustomerConversation(carla, duplicate);
    expect(conversation.replies.map((r) => r.body)).toEqual(["Also the calendar.", expect.stringContaining(`follow ${original}`)]);
    const mails = await db().outboxMessage.findMany({ where: { ticketId: row.id, subject: { contains: "Closed" } } });
    expect(mails).toHaveLength(1);
    expect(mails[0]!.body).toContain(original);
    await expect(linkTickets(l1, duplicate, { kind: "DUPLICATE_OF", target: original }, at(11))).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("never names another customer's ticket to the duplicate's customer", async () => {
    const gusTicket = await open(gus, "Printer offline at Globex", 12);
    const duplicate = await open(carla, "Printer offline", 13);
    await linkTickets(l1, duplicate, { kind: "RELATED", target: gusTicket }, at(13));
    const panel = await linkTickets(l1, duplicate, { kind: "DUPLICATE_OF", target: gusTicket }, at(14));
    expect(panel.links).toEqual([expect.objectContaining({ number: gusTicket, kind: "DUPLICATE_OF" })]);
    const views = JSON.stringify([await getCustomerConversation(carla, duplicate), await listEvents(carla, duplicate), await readTicketFor(carla, duplicate)]);
    expect(views).toContain("under another report");
    for (const secret of [gusTicket, "Globex", "Gus"]) expect(views.includes(secret), secret).toBe(false);
    const mails = await db().outboxMessage.findMany({ where: { ticket: { number: duplicate } } });
    expect(mails.some((m) => m.body.includes(gusTicket))).toBe(false);
  });

  it("lets only the duplicate's tier or a manager close it as a duplicate (403)", async () => {
    const a = await open(carla, "Tier check A", 15);
    const b = await open(carla, "Tier check B", 15);
    await expect(linkTickets(l2, a, { kind: "DUPLICATE_OF", target: b }, at(15))).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await db().ticket.findUniqueOrThrow({ where: { number: a } })).status).toBe("NEW");
  });
});
