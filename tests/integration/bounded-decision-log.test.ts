import { beforeAll, expect, it } from "vitest";
import type { Actor } from "@/lib/actor";
import type { Database } from "@/lib/db/client";
import { assignTicket } from "@/lib/routing/assign";
import { claimTicket } from "@/lib/routing/claim";
import { escalateTicket } from "@/lib/routing/escalate";
import { returnTicket } from "@/lib/routing/return";
import { runSweep } from "@/lib/routing/sweep";
import { seedDemoData } from "@/lib/seed/demo-data";
import { createTicket } from "@/lib/tickets/create-ticket";
import { listEvents, type EventJson } from "@/lib/tickets/list-events";
import { actorFor } from "../fixtures/actors";
import { describeEachDatabase } from "../fixtures/test-database";

// Every writer of an automatic assignment (escalation, return, a manager sending a ticket to a group, the
// sweep; intake in placement.sql.test.ts, many intakes in place-many.test.ts) logs the same bounded
// decision in a large group: the chosen agent and why, the best five with their loads, the rest summed up.

const T0 = Date.parse("2026-11-30T09:00:00Z");
const at = (minutes: number) => new Date(T0 + minutes * 60_000);
const MORE = 60;

/** `n` more agents of `tier` in `slug`, each already carrying some load, so the demo's own agent (load 0) is chosen first. */
async function addAgents(db: Database, slug: string, tier: "L2" | "L3", n: number): Promise<void> {
  const group = await db.supportGroup.findUniqueOrThrow({ where: { slug } });
  const agents = Array.from({ length: n }, (_, i) => ({
    id: `${slug}-${i}`,
    userId: `${tier.toLowerCase()}-more-${String(i).padStart(2, "0")}`,
    name: `More ${tier} ${i}`,
    role: "AGENT" as const,
    tier,
    secretHash: "unused",
    openLoad: 1 + (i % 7),
    openTickets: 1,
  }));
  await db.user.createMany({ data: agents });
  await db.groupMembership.createMany({ data: agents.map((a) => ({ userId: a.id, groupId: group.id })) });
}

/** The bounded form: what users rely on (who was chosen, the best five and why) and nothing that grows with the group. */
function expectBounded(event: EventJson | undefined, considered: number): void {
  expect(event?.type).toBe("ASSIGNED");
  const inputs = event!.details!.inputs as { considered: number; candidates: { userId: string; load: number }[]; others: { count: number; lowestLoad: number }; chosen: { userId: string } };
  expect(inputs.considered).toBe(considered);
  expect(inputs.candidates).toHaveLength(5);
  expect(inputs.others.count).toBe(considered - 5);
  expect(inputs.others.lowestLoad).toBeGreaterThanOrEqual(inputs.candidates[4]!.load);
  expect(inputs.chosen.userId).toBe(event!.details!.toAssignee);
  expect(event!.explanation).toContain(`least loaded of ${inputs.candidates.map((c) => `${c.userId} (load ${c.load})`).join(", ")} and ${considered - 5} more`);
  expect(JSON.stringify(inputs).length).toBeLessThan(1_000);
}

describeEachDatabase("a bounded assignment log from every writer, in groups of 61", (database) => {
  let customer: Actor;
  let l1: Actor;
  let manager: Actor;
  const assignedEvents = async (number: string) => (await listEvents(manager, number)).filter((e) => e.type === "ASSIGNED");

  beforeAll(async () => {
    const db = database().db;
    await seedDemoData(db);
    await addAgents(db, "platform-support", "L2", MORE);
    await addAgents(db, "engineering-support", "L3", MORE);
    customer = await actorFor(db, "C1001");
    l1 = await actorFor(db, "l1agent");
    manager = await actorFor(db, "manager");
  });

  const open = () => createTicket(customer, { type: "INCIDENT", title: "Dashboard returns 500", description: "Every page load fails.", category: "platform" }, at(0));

  it("escalation, then a return the ticket's agent is gone from", async () => {
    const { number } = await open();
    await claimTicket(l1, number, at(1));
    const l2 = await escalateTicket(l1, number, { reason: "Needs platform logs", summary: "Reproduced the 500." }, at(2));
    expectBounded((await assignedEvents(number)).at(-1), MORE + 1);
    const l2agent = await actorFor(database().db, l2.assignee!.userId);
    await escalateTicket(l2agent, number, { reason: "A code fault", summary: "Stack trace attached." }, at(3));
    expectBounded((await assignedEvents(number)).at(-1), MORE + 1);
    // The L2 agent who escalated leaves: the return places the ticket in platform-support again.
    await database().db.user.update({ where: { userId: l2agent.userId }, data: { active: false } });
    try {
      const l3agent = await actorFor(database().db, (await assignedEvents(number)).at(-1)!.details!.toAssignee!);
      await returnTicket(l3agent, number, { guidance: "Check the tenant's feature flags." }, at(4));
      expectBounded((await assignedEvents(number)).at(-1), MORE);
    } finally {
      await database().db.user.update({ where: { userId: l2agent.userId }, data: { active: true } });
    }
  });

  it("a manager sending a ticket to a group", async () => {
    const { number } = await open();
    await assignTicket(manager, number, { group: "platform-support" }, at(5));
    expectBounded((await assignedEvents(number)).at(-1), MORE + 1);
  });

  it("the sweep's automatic escalation", async () => {
    const { number } = await open();
    await claimTicket(l1, number, at(1));
    // platform is P2 on a 24×7 clock: its 30-minute L1 budget is long spent.
    expect((await runSweep(at(600))).escalated).toBeGreaterThanOrEqual(1);
    const events = await listEvents(manager, number);
    expect(events.some((e) => e.type === "AUTO_ESCALATED")).toBe(true);
    expectBounded(events.filter((e) => e.type === "ASSIGNED").at(-1), MORE + 1);
  });
});
