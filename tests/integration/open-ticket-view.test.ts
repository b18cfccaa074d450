import { beforeAll, expect, it } from "vitest";
import type { z } from "zod";
import type { Actor } from "@/lib/actor";
import { seedDemoData } from "@/lib/seed/demo-data";
import { getCustomerTicket } from "@/lib/tickets/customer-tickets";
import { getTicket } from "@/lib/tickets/core/get-ticket";
import { openTicketFor } from "@/lib/tickets/ticket-for-actor";
import type { ZCreateTicket } from "@/lib/validation/ticket";
import { actorFor } from "../fixtures/actors";
import { describeEachDatabase } from "../fixtures/test-database";

const input = { type: "INCIDENT", title: "Checkout returns 500", description: "Since 09:10 for everyone.", category: "platform" } satisfies z.input<typeof ZCreateTicket>;

/** Every key at any depth of a JSON value. */
function keysOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(keysOf);
  if (value && typeof value === "object") return Object.entries(value).flatMap(([k, v]) => [k, ...keysOf(v)]);
  return [];
}

const INTERNAL_KEYS = [
  "tier", "priority", "impact", "urgency", "group", "assignee", "customer", "externalReference", "due", "clocks",
  "slug", "userId", "inputs", "rule", "candidates", "matrixVersion", "matrixVersionId", "cell", "id",
];

describeEachDatabase("POST /api/v1/tickets answers in the caller's view", (database) => {
  let acme: Actor;
  let agent: Actor;

  beforeAll(async () => {
    await seedDemoData(database().db);
    acme = await actorFor(database().db, "C1001");
    agent = await actorFor(database().db, "l1agent");
    // An auto-assigning intake group: the new ticket gets an agent at once, so there are assignee
    // internals (and a candidates list in the decision log) that must stay out of the customer's answer.
    await database().db.supportGroup.update({ where: { slug: "service-desk" }, data: { assignmentMode: "AUTO" } });
  });

  it("a customer's new ticket carries no group, agent, routing or clock internals: the same view GET returns", async () => {
    const { ticket, created } = await openTicketFor(acme, input);
    expect(created).toBe(true);
    expect(ticket).toEqual(await getCustomerTicket(acme, ticket.number));
    expect(ticket).toMatchObject({ status: "ASSIGNED", statusLabel: "Assigned to an agent", priorityLabel: "High", supportLevel: "Level 1 support", category: "Platform outage or error" });

    // Staff see who has it and why; none of that reaches the customer.
    const staff = await getTicket(agent, ticket.number);
    expect(staff.assignee).not.toBeNull();
    const assignee = staff.assignee!;
    const keys = keysOf(ticket);
    for (const key of INTERNAL_KEYS) expect(keys, key).not.toContain(key);
    const text = JSON.stringify(ticket);
    for (const internal of ["service-desk", "Service Desk", assignee.userId, assignee.name, "P2", "MEDIUM", "HIGH", acme.userId]) {
      expect(text, internal).not.toContain(internal);
    }
  });

  it("a replayed submit (same idempotency key) answers the first ticket in the same customer view", async () => {
    const first = await openTicketFor(acme, { ...input, idempotencyKey: "view-replay-0001" });
    const again = await openTicketFor(acme, { ...input, idempotencyKey: "view-replay-0001" });
    expect([first.created, again.created]).toEqual([true, false]);
    expect(again.ticket).toEqual(first.ticket);
    expect(keysOf(again.ticket)).not.toContain("group");
  });

  it("staff open a ticket only for a customer they name (400 without one), and get the staff shape back", async () => {
    await expect(openTicketFor(agent, input)).rejects.toMatchObject({ status: 400, fields: { customer: expect.any(Array) } });
    const { ticket } = await openTicketFor(agent, { ...input, customer: acme.userId, channel: "PHONE" });
    expect(ticket).toMatchObject({ customer: { userId: acme.userId }, group: { slug: "service-desk" } });
  });
});
