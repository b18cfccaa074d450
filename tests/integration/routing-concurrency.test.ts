import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import type { Actor } from "@/lib/actor";
import { hashSecret } from "@/lib/auth/secret-hash";
import { useDatabase, type Database } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { claimTicket } from "@/lib/routing/claim";
import { escalateTicket } from "@/lib/routing/escalate";
import { getPriorityMatrix, publishPriorityMatrix } from "@/lib/routing/priority-matrix";
import { runSweep } from "@/lib/routing/sweep";
import { updateTicket } from "@/lib/routing/update-ticket";
import { seedDemoData } from "@/lib/seed/demo-data";
import { createTicket } from "@/lib/tickets/create-ticket";
import { getTicket } from "@/lib/tickets/core/get-ticket";
import type { ZCreateTicket } from "@/lib/validation/ticket";
import { actorFor } from "../fixtures/actors";
import { describeEachDatabase, openTestDatabase, type TestDatabase } from "../fixtures/test-database";

const incident = { type: "INCIDENT", title: "VPN drops", description: "Every ten minutes.", category: "access" } satisfies z.input<typeof ZCreateTicket>;
const escalation = { reason: "Needs L2", summary: "Followed the SOP: reset the token, checked the client version." };

const eventsOf = (db: Database, number: string, type: "CLAIMED" | "ESCALATED" | "AUTO_ESCALATED" | "STATUS_CHANGED") =>
  db.ticketEvent.count({ where: { ticket: { number }, type } });

/** The AppError statuses of the rejected outcomes, sorted. */
function refusals(outcomes: PromiseSettledResult<unknown>[]): number[] {
  return outcomes
    .filter((o): o is PromiseRejectedResult => o.status === "rejected")
    .map((o) => (o.reason instanceof AppError ? o.reason.status : -1))
    .sort();
}

describeEachDatabase("routing under concurrency", (database) => {
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

  it("lets the current assignee claim again without any change or new event; anyone else gets 409", async () => {
    const { number } = await createTicket(customer, incident, new Date("2026-12-01T09:00:00Z"));
    const claimed = await claimTicket(l1, number, new Date("2026-12-01T09:01:00Z"));
    expect(claimed).toMatchObject({ version: 2, assignee: { userId: "l1agent" } });

    const again = await claimTicket(l1, number, new Date("2026-12-01T09:02:00Z"));
    expect(again).toEqual(claimed);
    expect(await eventsOf(database().db, number, "CLAIMED")).toBe(1);

    await expect(claimTicket(l1b, number, new Date("2026-12-01T09:03:00Z"))).rejects.toMatchObject({ status: 409 });
    expect(await getTicket(l1, number)).toEqual(claimed);
  });

  it("refuses an update against a stale version with 409 and the current version, writing nothing", async () => {
    const { number } = await createTicket(customer, incident, new Date("2026-12-01T10:00:00Z"));
    const claimed = await claimTicket(l1, number, new Date("2026-12-01T10:01:00Z"));
    const updated = await updateTicket(l1, number, { version: claimed.version, status: "IN_PROGRESS" }, new Date("2026-12-01T10:02:00Z"));
    expect(updated.version).toBe(claimed.version + 1);

    const stale = await updateTicket(l1, number, { version: claimed.version, status: "PENDING_CUSTOMER" }, new Date("2026-12-01T10:03:00Z")).catch((e: unknown) => e);
    expect(stale).toBeInstanceOf(AppError);
    expect(stale).toMatchObject({ status: 409, details: { currentVersion: updated.version } });
    expect((stale as AppError).toJSON().error).toMatchObject({ code: "CONFLICT", currentVersion: updated.version });
    expect(await getTicket(l1, number)).toEqual(updated);

    // Two agents saving against the same version at once: one wins, the other is told the version it missed.
    const outcomes = await Promise.allSettled([
      updateTicket(l1, number, { version: updated.version, status: "PENDING_CUSTOMER" }, new Date("2026-12-01T10:04:00Z")),
      updateTicket(manager, number, { version: updated.version, impact: "HIGH" }, new Date("2026-12-01T10:04:00Z")),
    ]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    expect(refusals(outcomes)).toEqual([409]);
    const rejected = outcomes.find((o): o is PromiseRejectedResult => o.status === "rejected")!;
    expect(rejected.reason).toMatchObject({ details: { currentVersion: updated.version + 1 } });
    expect((await getTicket(l1, number)).version).toBe(updated.version + 1);
  });

  it("lets exactly one of several simultaneous escalations of a ticket through", async () => {
    const { number } = await createTicket(customer, incident, new Date("2026-12-01T11:00:00Z"));
    const claimed = await claimTicket(l1, number, new Date("2026-12-01T11:01:00Z"));
    const outcomes = await Promise.allSettled(
      ["first click", "second click", "third click"].map((reason) => escalateTicket(l1, number, { ...escalation, reason }, new Date("2026-12-01T11:05:00Z"))),
    );
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    // The losers either lost the write (409) or read the ticket after it had left L1 (403: no longer theirs).
    for (const status of refusals(outcomes)) expect([403, 409]).toContain(status);
    const t = await getTicket(l1, number);
    expect({ tier: t.tier, assignee: t.assignee?.userId, version: t.version }).toEqual({ tier: "L2", assignee: "l2agent", version: claimed.version + 1 });
    expect(await eventsOf(database().db, number, "ESCALATED")).toBe(1);
  });

  it("escalates a spent ticket once when sweeps run at the same time", async () => {
    // Clear the way: every other open ticket is closed so the sweep sees only this one.
    for (const other of await database().db.ticket.findMany({ where: { status: { notIn: ["CLOSED"] } }, select: { number: true, version: true } })) {
      await updateTicket(manager, other.number, { version: other.version, status: "CLOSED" }, new Date("2026-12-01T11:59:00Z"));
    }
    const { number } = await createTicket(customer, { ...incident, impact: "HIGH", urgency: "HIGH" }, new Date("2026-12-01T12:00:00Z"));
    const results = await Promise.all([0, 1, 2].map(() => runSweep(new Date("2026-12-01T12:15:00Z"))));
    expect(results.reduce((sum, r) => sum + r.escalated, 0)).toBe(1);
    expect(await eventsOf(database().db, number, "AUTO_ESCALATED")).toBe(1);
    expect((await getTicket(manager, number)).tier).toBe("L2");
  });

  it("numbers matrix versions uniquely when two managers publish at once; a loser gets 409, not an error", async () => {
    const admin = await actorFor(database().db, "admin");
    const { cells, targets } = await getPriorityMatrix(manager);
    const outcomes = await Promise.allSettled([
      publishPriorityMatrix(manager, { note: "by the manager", cells, targets }),
      publishPriorityMatrix(admin, { note: "by the admin", cells, targets }),
    ]);
    expect(refusals(outcomes).every((status) => status === 409)).toBe(true);
    const published = outcomes.filter((o) => o.status === "fulfilled").length;
    expect(published).toBeGreaterThanOrEqual(1);
    const versions = await database().db.priorityMatrixVersion.findMany({ orderBy: { version: "asc" }, select: { version: true } });
    expect(versions.map((v) => v.version)).toEqual(Array.from({ length: 1 + published }, (_, i) => i + 1));
  });
});

// 50 agents claiming one ticket at once needs real parallel connections: PostgreSQL only.
if (process.env.TEST_DATABASE_URL) {
  describe("50 concurrent claims [postgres]", () => {
    let database: TestDatabase | undefined;
    let agents: Actor[] = [];
    let customer: Actor;

    beforeAll(async () => {
      database = await openTestDatabase("postgres");
      useDatabase(database);
      const db = database.db;
      await seedDemoData(db);
      customer = await actorFor(db, "C1001");
      const group = await db.supportGroup.findUniqueOrThrow({ where: { slug: "service-desk" } });
      const secretHash = await hashSecret("claim-race-demo-pass");
      const rows = Array.from({ length: 50 }, (_, i) => ({
        userId: `racer${String(i + 1).padStart(2, "0")}`,
        name: `Racer ${i + 1}`,
        role: "AGENT" as const,
        tier: "L1" as const,
        secretHash,
      }));
      await db.user.createMany({ data: rows });
      const users = await db.user.findMany({ where: { userId: { startsWith: "racer" } }, orderBy: { userId: "asc" } });
      await db.groupMembership.createMany({ data: users.map((u) => ({ groupId: group.id, userId: u.id })) });
      agents = users.map((u) => ({ id: u.id, userId: u.userId, name: u.name, role: u.role, tier: u.tier, organizationId: null }));
    });

    afterAll(async () => {
      useDatabase(undefined);
      await database?.close();
    });

    it("gives the ticket to exactly one agent; the other 49 get 409; one CLAIMED event", async () => {
      expect(agents).toHaveLength(50);
      const { number } = await createTicket(customer, incident, new Date("2026-12-01T09:00:00Z"));
      const now = new Date("2026-12-01T09:01:00Z");
      const outcomes = await Promise.allSettled(agents.map((agent) => claimTicket(agent, number, now)));

      const winners = outcomes.filter((o): o is PromiseFulfilledResult<Awaited<ReturnType<typeof claimTicket>>> => o.status === "fulfilled");
      expect(winners).toHaveLength(1);
      expect(refusals(outcomes)).toEqual(Array.from({ length: 49 }, () => 409));

      const db = database!.db;
      const row = await db.ticket.findUniqueOrThrow({ where: { number }, include: { assignee: true } });
      expect(row.assignee?.userId).toBe(winners[0]!.value.assignee?.userId);
      expect({ status: row.status, version: row.version }).toEqual({ status: "ASSIGNED", version: 2 });
      const claims = await db.ticketEvent.findMany({ where: { ticketId: row.id, type: "CLAIMED" } });
      expect(claims).toHaveLength(1);
      expect(claims[0]).toMatchObject({ actorId: row.assigneeId, toAssignee: row.assignee?.userId });
      expect(await db.user.count({ where: { userId: { startsWith: "racer" }, lastAssignedAt: { not: null } } })).toBe(1);
    });

    it("spreads intakes that run side by side over an AUTO group instead of piling them onto one agent, each logged as assigned", async () => {
      const db = database!.db;
      await db.supportGroup.update({ where: { slug: "service-desk" }, data: { assignmentMode: "AUTO" } });
      try {
        const now = new Date("2026-12-01T10:00:00Z");
        const created = await Promise.all(Array.from({ length: 20 }, () => createTicket(customer, incident, now)));
        const assignees = created.map((t) => t.assignee?.userId);
        expect(assignees.every(Boolean)).toBe(true);
        // Intakes that read the same loads all rank the same agent first; without skipping a row another
        // intake holds, every one of them would go to that agent. (Intakes whose writes do not overlap
        // can still share an agent: each acts on the loads it read.)
        expect(new Set(assignees).size).toBeGreaterThanOrEqual(2);
        const events = await db.ticketEvent.findMany({ where: { type: "ASSIGNED", ticket: { number: { in: created.map((t) => t.number) } } }, include: { ticket: true } });
        expect(events).toHaveLength(20);
        for (const event of events) expect(event.toAssignee).toBe(created.find((t) => t.number === event.ticket.number)!.assignee!.userId);
        const kept = await db.user.aggregate({ where: { userId: { startsWith: "racer" } }, _sum: { openTickets: true } });
        expect(kept._sum.openTickets).toBe(await db.ticket.count({ where: { assignee: { userId: { startsWith: "racer" } }, status: { notIn: ["RESOLVED", "CLOSED"] } } }));
      } finally {
        await db.supportGroup.update({ where: { slug: "service-desk" }, data: { assignmentMode: "PULL" } });
      }
    });
  });
}
