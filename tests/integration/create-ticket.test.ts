import { beforeAll, expect, it } from "vitest";
import type { z } from "zod";
import type { Actor } from "@/lib/actor";
import { AppError } from "@/lib/errors";
import { seedDemoData } from "@/lib/seed/demo-data";
import { createTicket } from "@/lib/tickets/create-ticket";
import type { ZCreateTicket } from "@/lib/validation/ticket";
import { unchecked } from "@/lib/validation/unchecked";
import { actorFor } from "../fixtures/actors";
import { describeEachDatabase } from "../fixtures/test-database";

const valid = { type: "INCIDENT", title: "Dashboard returns 500", description: "Since 09:10 every page load fails.", category: "platform" } satisfies z.input<typeof ZCreateTicket>;

describeEachDatabase("createTicket", (database) => {
  let customer: Actor;
  let agent: Actor;

  beforeAll(async () => {
    await seedDemoData(database().db);
    customer = await actorFor(database().db, "C1001");
    agent = await actorFor(database().db, "l1agent");
  });

  it("enters at L1 in service-desk, classified by the matrix from the category defaults, with due times", async () => {
    // Friday 2026-11-27 10:00 UTC; platform defaults: impact MEDIUM × urgency HIGH → P2, a 24×7 clock.
    const now = new Date("2026-11-27T10:00:00Z");
    const ticket = await createTicket(customer, valid, now);
    expect(ticket).toMatchObject({
      type: "INCIDENT",
      status: "NEW",
      tier: "L1",
      priority: "P2",
      impact: "MEDIUM",
      urgency: "HIGH",
      category: { slug: "platform" },
      customer: { userId: "C1001", name: "Carla Customer" },
      group: { slug: "service-desk", tier: "L1" },
      assignee: null,
      externalReference: null,
      version: 1,
    });
    expect(ticket.number).toMatch(/^INC-\d{6}$/);
    expect(ticket.due).toEqual({
      firstResponseAt: "2026-11-27T10:30:00.000Z",
      resolutionAt: "2026-11-27T18:00:00.000Z",
      nextUpdateAt: "2026-11-27T11:00:00.000Z",
      tierBudgetEndsAt: "2026-11-27T10:30:00.000Z",
    });
  });

  it("uses the customer's hints over the defaults, and business hours for P3–P5", async () => {
    // Friday 17:00 UTC: LOW × LOW → P5; 16 business hours of first response run into Tuesday.
    const ticket = await createTicket(customer, { ...valid, type: "SERVICE_REQUEST", impact: "LOW", urgency: "LOW" }, new Date("2026-11-27T17:00:00Z"));
    expect(ticket).toMatchObject({ priority: "P5", impact: "LOW", urgency: "LOW" });
    expect(ticket.number).toMatch(/^REQ-\d{6}$/);
    // 1 h on Friday, 10 h on Monday, 5 h on Tuesday → Tuesday 13:00.
    expect(ticket.due.firstResponseAt).toBe("2026-12-01T13:00:00.000Z");
  });

  it("records a CREATED event and a CLASSIFIED event naming the matrix version and cell", async () => {
    const ticket = await createTicket(customer, { ...valid, impact: "HIGH" });
    const events = await database().db.ticketEvent.findMany({
      where: { ticket: { number: ticket.number } },
      orderBy: { id: "asc" },
    });
    expect(events.map((e) => e.type)).toEqual(["CREATED", "CLASSIFIED"]);
    expect(events[0]).toMatchObject({ rule: "intake.l1", toTier: "L1", toGroup: "service-desk", actorId: customer.id });
    expect(events[1]).toMatchObject({ rule: "matrix.cell", actorId: null });
    expect(events[1]!.inputs).toMatchObject({ matrixVersion: 1, cell: "HIGH×HIGH", priority: "P1", impactSource: "customer", urgencySource: "category default" });
    expect(events[1]!.reason).toBe(
      "Classified P1 by priority matrix v1: impact High (from the customer) × urgency High (default for Platform outage or error).",
    );
  });

  it("numbers each type on its own sequence and never reuses a number, even under concurrent intake", async () => {
    const before = await database().db.ticket.count();
    const created = await Promise.all(Array.from({ length: 12 }, () => createTicket(customer, valid)));
    const numbers = created.map((t) => t.number);
    expect(new Set(numbers).size).toBe(12);
    expect(await database().db.ticket.count()).toBe(before + 12);
    const sequence = numbers.map((n) => Number(n.slice(4))).sort((a, b) => a - b);
    expect(sequence[11]! - sequence[0]!).toBe(11);
  });

  it("refuses bad input with the fields at fault and writes nothing", async () => {
    const before = await database().db.ticket.count();
    const attempt = createTicket(customer, unchecked({ type: "PROBLEM", title: "", description: "x".repeat(20_001), category: "nope", impact: "HUGE", extra: 1 }));
    await expect(attempt).rejects.toBeInstanceOf(AppError);
    const error = (await attempt.catch((e: unknown) => e)) as AppError;
    expect(error.status).toBe(400);
    expect(Object.keys(error.fields ?? {}).sort()).toEqual(["_", "description", "impact", "title", "type"].sort());
    await expect(createTicket(customer, { ...valid, category: "unknown-category" })).rejects.toMatchObject({ status: 400, fields: { category: expect.any(Array) } });
    expect(await database().db.ticket.count()).toBe(before);
  });

  it("lets staff open a ticket only for a customer they name, with the contact's channel (on-behalf-intake.test.ts)", async () => {
    await expect(createTicket(agent, valid)).rejects.toMatchObject({ status: 400, fields: { customer: expect.any(Array), channel: expect.any(Array) } });
  });

  it("keeps events append-only: the database refuses to update or delete them", async () => {
    const event = await database().db.ticketEvent.findFirstOrThrow();
    await expect(database().db.ticketEvent.update({ where: { id: event.id }, data: { reason: "rewritten" } })).rejects.toThrow(/append-only/);
    await expect(database().db.ticketEvent.delete({ where: { id: event.id } })).rejects.toThrow(/append-only/);
  });
});

describeEachDatabase("createTicket into an auto-assigning intake group", (database) => {
  it("assigns the least-loaded L1 agent and records why, with the candidates ranked by load", async () => {
    await seedDemoData(database().db);
    await database().db.supportGroup.update({ where: { slug: "service-desk" }, data: { assignmentMode: "AUTO" } });
    const customer = await actorFor(database().db, "C1001");
    const first = await createTicket(customer, { ...valid, impact: "HIGH", urgency: "HIGH" }, new Date("2026-11-27T10:00:00Z"));
    const second = await createTicket(customer, valid, new Date("2026-11-27T10:01:00Z"));
    // Neither agent had tickets: the tie goes to the one never assigned, then by user ID (l1agent).
    expect(first).toMatchObject({ status: "ASSIGNED", assignee: { userId: "l1agent" } });
    // l1agent now carries a P1 (load 5): the next ticket goes to l1agent2.
    expect(second).toMatchObject({ status: "ASSIGNED", assignee: { userId: "l1agent2" } });
    const assigned = await database().db.ticketEvent.findFirstOrThrow({ where: { ticket: { number: second.number }, type: "ASSIGNED" } });
    expect(assigned.rule).toBe("assign.least-loaded");
    expect(assigned.inputs).toMatchObject({
      candidates: [
        { userId: "l1agent2", load: 0, openTickets: 0 },
        { userId: "l1agent", load: 5, openTickets: 1 },
      ],
    });
  });
});
