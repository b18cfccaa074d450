import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import type { Actor } from "@/lib/actor";
import { db } from "@/lib/db/client";
import { driverTransaction } from "@/lib/db/transaction";
import type { WebhookEventType } from "@/lib/db/generated/enums";
import { attachChild, declareMajorIncident, detachChild } from "@/lib/incidents/major-incident";
import { claimTicket } from "@/lib/routing/claim";
import { closeResolvedTickets } from "@/lib/routing/close-resolved";
import { escalateTicket } from "@/lib/routing/escalate";
import { updateTicket } from "@/lib/routing/update-ticket";
import { seedDemoData } from "@/lib/seed/demo-data";
import { addComment } from "@/lib/tickets/add-comment";
import { createTicket } from "@/lib/tickets/create-ticket";
import { createWebhook } from "@/lib/webhooks/create-webhook";
import { webhookEventOf } from "@/lib/webhooks/event-mapping";
import { WEBHOOK_EVENT_CODE } from "@/lib/validation/webhook-event-types";
import { actorFor } from "../fixtures/actors";
import { describeEachDatabase } from "../fixtures/test-database";
import { MAPPING_CASES } from "../fixtures/webhook-mapping-cases";

const minutesAfter = (start: string) => (minutes: number) => new Date(Date.parse(start) + minutes * 60_000);

describeEachDatabase("Webhook deliveries are queued with the change", (database) => {
  let acme: Actor;
  let l1: Actor;
  let manager: Actor;
  let admin: Actor;
  const at = minutesAfter("2026-12-01T10:00:00Z");
  const previousFlag = process.env.WEBHOOK_ALLOW_PRIVATE;

  beforeAll(async () => {
    process.env.WEBHOOK_ALLOW_PRIVATE = "1";
    await seedDemoData(database().db);
    acme = await actorFor(database().db, "C1001");
    l1 = await actorFor(database().db, "l1agent");
    manager = await actorFor(database().db, "manager");
    admin = await actorFor(database().db, "admin");
  });
  afterAll(() => {
    process.env.WEBHOOK_ALLOW_PRIVATE = previousFlag;
  });
  // Each test counts the deliveries of the endpoints it registers: earlier ones are switched off.
  beforeEach(async () => {
    await db().webhookEndpoint.updateMany({ data: { active: false } });
  });

  const register = async (events: string[]) => (await createWebhook(admin, { url: "http://127.0.0.1:9/hook", events }, at(0))).webhook.id;
  const deliveriesOf = (endpointId: string) => db().webhookDelivery.findMany({ where: { endpointId }, orderBy: { id: "asc" } });
  const open = (title: string, minute: number) =>
    createTicket(acme, { type: "INCIDENT", title, description: "Hooks", category: "platform", impact: "HIGH", urgency: "HIGH" }, at(minute));

  it("gives the same event type in the database trigger's function as in TypeScript, case by case", async () => {
    for (const [name, event, expected] of MAPPING_CASES) {
      const [row] = await db().$queryRaw<{ type: string | null }[]>`
        SELECT "webhook_event_type"(${event.type}::"TicketEventType", ${event.inputs === null ? null : JSON.stringify(event.inputs)}::jsonb, ${event.ticketNumber})::text AS "type"`;
      const twin = webhookEventOf(event);
      expect({ name, sql: row!.type }).toEqual({ name, sql: twin === null ? null : WEBHOOK_EVENT_CODE[twin] });
      expect(twin).toBe(expected);
    }
  });

  it("queues one delivery per subscribed active endpoint, none for others, keyed by the event", async () => {
    const created = await register(["ticket.created"]);
    const assigned = await register(["ticket.assigned", "ticket.escalated"]);
    const resolvedOnly = await register(["ticket.resolved"]);
    const off = await register(["ticket.created"]);
    await db().webhookEndpoint.update({ where: { id: off }, data: { active: false } });

    const ticket = await open("Checkout down", 1);
    await claimTicket(l1, ticket.number, at(2));
    await escalateTicket(l1, ticket.number, { reason: "Needs L2.", summary: "Checked the SOP steps." }, at(3));

    const events = await db().ticketEvent.findMany({ where: { ticket: { number: ticket.number } }, orderBy: { id: "asc" } });
    const createdEvent = events.find((e) => e.type === "CREATED")!;
    expect(await deliveriesOf(created)).toEqual([
      expect.objectContaining({ messageId: `msg_evt_${createdEvent.id}`, eventType: "TICKET_CREATED", ticketEventId: createdEvent.id, ticketId: createdEvent.ticketId, status: "PENDING", attempts: 0, nextAttemptAt: at(1), payload: null }),
    ]);
    const wanted = events.filter((e) => ["ASSIGNED", "CLAIMED", "ESCALATED"].includes(e.type)).map((e) => e.id);
    expect((await deliveriesOf(assigned)).map((d) => d.ticketEventId)).toEqual(wanted);
    expect(wanted.length).toBeGreaterThanOrEqual(2);
    expect(await deliveriesOf(resolvedOnly)).toEqual([]);
    expect(await deliveriesOf(off)).toEqual([]);
  });

  it("queues nothing when the change rolls back", async () => {
    const endpoint = await register(["ticket.created", "sla.alert"]);
    const ticket = await open("Rollback", 5);
    const before = (await deliveriesOf(endpoint)).length;
    await expect(
      db().$transaction(async (tx) => {
        const event = await tx.ticketEvent.create({ data: { ticketId: (await tx.ticket.findUniqueOrThrow({ where: { number: ticket.number } })).id, type: "ALERT", rule: "sla.resolution-100", reason: "Test", createdAt: at(6) } });
        // Inside the transaction the delivery is there ...
        expect(await tx.webhookDelivery.count({ where: { endpointId: endpoint, ticketEventId: event.id } })).toBe(1);
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    // ... and with the rollback it is gone with the event.
    expect(await deliveriesOf(endpoint)).toHaveLength(before);
    // A refused change (a stale version) writes no event, so no delivery either.
    const resolved = await register(["ticket.resolved"]);
    await expect(updateTicket(manager, ticket.number, { version: 99, status: "RESOLVED" }, at(7))).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await deliveriesOf(resolved)).toEqual([]);
  });

  it("tells a resolution and a closure, the auto-close sweep's included, apart from other status changes", async () => {
    const endpoint = await register(["ticket.resolved", "ticket.closed"]);
    const first = await open("Resolve me", 10);
    const claimed = await claimTicket(l1, first.number, at(11));
    const working = await updateTicket(l1, first.number, { version: claimed.version, status: "IN_PROGRESS" }, at(12));
    await updateTicket(l1, first.number, { version: working.version, status: "RESOLVED" }, at(13));
    expect((await deliveriesOf(endpoint)).map((d) => d.eventType)).toEqual(["TICKET_RESOLVED"]);
    const closedBySweep = await driverTransaction((tx) => closeResolvedTickets(tx, at(60 * 24 * 30)));
    expect(closedBySweep).toBeGreaterThanOrEqual(1);
    const deliveries = await deliveriesOf(endpoint);
    expect(deliveries.map((d) => d.eventType)).toEqual(["TICKET_RESOLVED", ...Array<WebhookEventType>(closedBySweep).fill("TICKET_CLOSED")]);
    expect(deliveries.filter((d) => d.ticketId === deliveries[0]!.ticketId).map((d) => d.eventType)).toEqual(["TICKET_RESOLVED", "TICKET_CLOSED"]);
  });

  it("sends one major_incident.updated per change of the major incident: declared, a child attached or detached, a public update", async () => {
    const endpoint = await register(["major_incident.updated"]);
    const parent = await open("Region outage", 20);
    const child = await open("Cannot log in", 20);
    await declareMajorIncident(manager, parent.number, at(21));
    await attachChild(l1, parent.number, { child: child.number }, at(22));
    await addComment(l1, parent.number, { body: "We are on it.", visibility: "PUBLIC" }, at(23));
    await addComment(l1, parent.number, { body: "Internal note.", visibility: "INTERNAL" }, at(24));
    await detachChild(l1, parent.number, child.number, at(25));
    const deliveries = await deliveriesOf(endpoint);
    const parentId = (await db().ticket.findUniqueOrThrow({ where: { number: parent.number } })).id;
    expect(deliveries).toHaveLength(4);
    expect(deliveries.every((d) => d.eventType === "MAJOR_INCIDENT_UPDATED" && d.ticketId === parentId)).toBe(true);
    const types = await db().ticketEvent.findMany({ where: { id: { in: deliveries.map((d) => d.ticketEventId!) } }, orderBy: { id: "asc" }, select: { type: true } });
    expect(types.map((t) => t.type)).toEqual(["MAJOR_INCIDENT_DECLARED", "CHILD_ATTACHED", "COMMENTED", "CHILD_DETACHED"]);
  });
});

