import { beforeAll, expect, it } from "vitest";
import type { Actor } from "@/lib/actor";
import type { Database } from "@/lib/db/client";
import { PRIORITY_WEIGHT } from "@/lib/routing/candidates";
import { assignTicket } from "@/lib/routing/assign";
import { claimTicket } from "@/lib/routing/claim";
import { escalateTicket } from "@/lib/routing/escalate";
import { runSweep } from "@/lib/routing/sweep";
import { updateTicket } from "@/lib/routing/update-ticket";
import { seedDemoData } from "@/lib/seed/demo-data";
import { createTicket } from "@/lib/tickets/create-ticket";
import { actorFor } from "../fixtures/actors";
import { describeEachDatabase } from "../fixtures/test-database";

const T0 = Date.parse("2026-11-30T09:00:00Z");
const at = (minutes: number) => new Date(T0 + minutes * 60_000);

/** Each agent's open load, counted afresh from the tickets: what the database's counters must equal. */
async function countedLoads(db: Database): Promise<Record<string, { load: number; open: number }>> {
  const rows = await db.ticket.groupBy({ by: ["assigneeId", "priority"], where: { assigneeId: { not: null }, status: { notIn: ["RESOLVED", "CLOSED"] } }, _count: { _all: true } });
  const agents = await db.user.findMany({ where: { role: "AGENT" }, select: { id: true, userId: true } });
  const counted = Object.fromEntries(agents.map((a) => [a.userId, { load: 0, open: 0 }]));
  for (const row of rows) {
    const agent = agents.find((a) => a.id === row.assigneeId)!;
    counted[agent.userId]!.load += PRIORITY_WEIGHT[row.priority] * row._count._all;
    counted[agent.userId]!.open += row._count._all;
  }
  return counted;
}

async function keptLoads(db: Database): Promise<Record<string, { load: number; open: number }>> {
  const agents = await db.user.findMany({ where: { role: "AGENT" }, select: { userId: true, openLoad: true, openTickets: true } });
  return Object.fromEntries(agents.map((a) => [a.userId, { load: a.openLoad, open: a.openTickets }]));
}

describeEachDatabase("agent load counters and last-assigned times kept by the database", (database) => {
  let customer: Actor;
  let l1: Actor;
  let l1b: Actor;
  let manager: Actor;

  beforeAll(async () => {
    await seedDemoData(database().db);
    customer = await actorFor(database().db, "C1001");
    l1 = await actorFor(database().db, "l1agent");
    l1b = await actorFor(database().db, "l1agent2");
    manager = await actorFor(database().db, "manager");
  });

  const expectCountersTrue = async () => expect(await keptLoads(database().db)).toEqual(await countedLoads(database().db));

  it("follow every write path: auto-assigned intake, claim, reassignment, escalation, reclassification, resolve, reopen, sweep", async () => {
    const db = database().db;
    await db.supportGroup.update({ where: { slug: "service-desk" }, data: { assignmentMode: "AUTO" } });
    const auto = await createTicket(customer, { type: "INCIDENT", title: "Auto-assigned at intake", description: "Counts at once.", category: "platform" }, at(0));
    expect(auto.assignee).not.toBeNull();
    await db.supportGroup.update({ where: { slug: "service-desk" }, data: { assignmentMode: "PULL" } });
    await expectCountersTrue();

    const pulled = await createTicket(customer, { type: "INCIDENT", title: "Claimed", description: "Counts on claim.", category: "platform" }, at(1));
    await claimTicket(l1, pulled.number, at(2));
    await expectCountersTrue();
    const lastAssigned = async (userId: string) => (await db.user.findUniqueOrThrow({ where: { userId } })).lastAssignedAt;
    expect(await lastAssigned("l1agent")).toEqual(at(2));
    expect((await keptLoads(db)).l1agent!.open).toBeGreaterThanOrEqual(1);

    await assignTicket(manager, pulled.number, { userId: "l1agent2" }, at(3));
    await expectCountersTrue();
    expect(await lastAssigned("l1agent2")).toEqual(at(3));
    expect(await lastAssigned("l1agent")).toEqual(at(2));

    const escalated = await escalateTicket(l1b, pulled.number, { reason: "Needs L2.", summary: "Checked the SOP steps." }, at(4));
    expect(escalated.assignee?.userId).toBe("l2agent");
    await expectCountersTrue();

    const reclassified = await updateTicket(manager, pulled.number, { version: escalated.version, impact: "HIGH", urgency: "HIGH" }, at(5));
    expect(reclassified.priority).not.toBe(escalated.priority);
    await expectCountersTrue();

    const resolved = await updateTicket(manager, pulled.number, { version: reclassified.version, status: "RESOLVED" }, at(6));
    await expectCountersTrue();
    await updateTicket(manager, pulled.number, { version: resolved.version, status: "IN_PROGRESS" }, at(7));
    await expectCountersTrue();

    // Left at L1 past its budget: the sweep escalates it to platform-support, which auto-assigns.
    await runSweep(at(24 * 60));
    expect((await db.ticket.findUniqueOrThrow({ where: { number: auto.number } })).tier).toBe("L2");
    await expectCountersTrue();
    expect(await lastAssigned("l2agent")).toEqual(at(24 * 60));
  });
});
