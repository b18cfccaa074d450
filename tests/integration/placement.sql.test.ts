import { Client } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import type { Actor } from "@/lib/actor";
import { useDatabase, type Database } from "@/lib/db/client";
import { placementsInOrder, type GroupData, type Placement } from "@/lib/routing/placement";
import { CANDIDATE_SELECT, candidateOf } from "@/lib/routing/candidate-store";
import { seedDemoData } from "@/lib/seed/demo-data";
import { createTicket } from "@/lib/tickets/create-ticket";
import type { ZCreateTicket } from "@/lib/validation/ticket";
import { actorFor } from "../fixtures/actors";
import { describeEachDatabase, openTestDatabase, type TestDatabase } from "../fixtures/test-database";

// Intake decides its assignee inside its one statement (lib/routing/placement.sql.ts); the pure rule
// is placementsInOrder. These hold the two to the same choice and the same words, and check that what
// intake keeps in memory (lib/tickets/intake-catalog.ts) follows changes made by anyone.

const valid = { type: "INCIDENT", title: "VPN drops every hour", description: "Since this morning the tunnel drops every hour.", category: "access" } satisfies z.input<typeof ZCreateTicket>;

/** The demo data, service-desk on AUTO and seven more L1 agents: ties on load, on last-assigned time, and never assigned. */
async function prepare(db: Database): Promise<{ customer: Actor; group: GroupData }> {
  await seedDemoData(db);
  const customer = await actorFor(db, "C1001");
  const desk = await db.supportGroup.update({ where: { slug: "service-desk" }, data: { assignmentMode: "AUTO" } });
  const loads = [3, 0, 0, 2, 0, 5, 0];
  const lastAssigned = [null, "2026-11-20T08:00:00.000Z", "2026-11-20T08:00:00.000Z", null, null, null, "2026-11-19T08:00:00.000Z"];
  for (const [i, userId] of ["ada", "bo", "cy", "di", "ed", "flo", "gus"].entries()) {
    await db.user.create({
      data: {
        userId,
        name: `Agent ${userId}`,
        role: "AGENT",
        tier: "L1",
        secretHash: "unused",
        openLoad: loads[i]!,
        openTickets: loads[i]! ? 1 : 0,
        lastAssignedAt: lastAssigned[i] ? new Date(lastAssigned[i]!) : null,
        memberships: { create: { groupId: desk.id } },
      },
    });
  }
  return { customer, group: { id: desk.id, slug: desk.slug, name: desk.name, tier: desk.tier, assignmentMode: desk.assignmentMode } };
}

/**
 * The demo data, service-desk on AUTO and `n` more L1 agents with ties on load and on last-assigned time, some
 * never assigned, and user IDs that sort differently in code-point order than in a language's collation.
 */
async function prepareLarge(db: Database, n: number): Promise<{ customer: Actor; group: GroupData }> {
  await seedDemoData(db);
  const customer = await actorFor(db, "C1001");
  const desk = await db.supportGroup.update({ where: { slug: "service-desk" }, data: { assignmentMode: "AUTO" } });
  const times = [null, new Date("2026-11-20T08:00:00.000Z"), new Date("2026-11-19T08:00:00.000Z")];
  const agents = Array.from({ length: n }, (_, i) => {
    const k = (i * 7919) % n;
    return {
      id: `large-${i}`,
      userId: `${k % 2 ? "agent-" : "agent_"}${k}`,
      name: `Agent ${k}`,
      role: "AGENT" as const,
      tier: "L1" as const,
      secretHash: "unused",
      openLoad: 1 + (k % 4),
      openTickets: k % 3,
      lastAssignedAt: times[k % 3]!,
    };
  });
  await db.user.createMany({ data: agents });
  await db.groupMembership.createMany({ data: agents.map((a) => ({ userId: a.id, groupId: desk.id })) });
  return { customer, group: { id: desk.id, slug: desk.slug, name: desk.name, tier: desk.tier, assignmentMode: desk.assignmentMode } };
}

/** placementsInOrder over the group's members as they are now. */
async function expectedPlacements(db: Database, group: GroupData): Promise<Placement[]> {
  const members = await db.groupMembership.findMany({
    where: { groupId: group.id, user: { active: true, role: "AGENT" } },
    select: { user: { select: CANDIDATE_SELECT } },
  });
  return placementsInOrder(group, members.map((m) => candidateOf(m.user)));
}

function assignedEvent(db: Database, number: string) {
  return db.ticketEvent.findFirstOrThrow({ where: { ticket: { number }, type: "ASSIGNED" } });
}

/** Opens a ticket while another connection holds the rows of the first `held` agents in order, as a concurrent intake would. */
async function intakeWhileHeld(database: TestDatabase, customer: Actor, placements: Placement[], held: number) {
  const holder = new Client({ connectionString: database.url! });
  await holder.connect();
  try {
    await holder.query("BEGIN");
    await holder.query(`SELECT 1 FROM "User" WHERE "id" = ANY($1) FOR UPDATE`, [placements.slice(0, held).map((p) => p.assignee!.id)]);
    const ticket = await createTicket(customer, valid);
    await holder.query("COMMIT");
    return { ticket, event: await assignedEvent(database.db, ticket.number) };
  } finally {
    await holder.end();
  }
}

describeEachDatabase("intake's assignment in SQL", (database) => {
  let customer: Actor;
  let group: GroupData;

  beforeAll(async () => {
    ({ customer, group } = await prepare(database().db));
  });

  it("chooses whom placementsInOrder chooses and words it the same: rule, the best candidates with their loads, reason", async () => {
    for (let i = 0; i < 4; i++) {
      const [expected] = await expectedPlacements(database().db, group);
      const ticket = await createTicket(customer, valid);
      const event = await assignedEvent(database().db, ticket.number);
      expect(ticket.assignee?.userId).toBe(expected!.assignee!.userId);
      expect({ rule: event.rule, inputs: event.inputs, reason: event.reason, toAssignee: event.toAssignee }).toEqual({
        ...expected!.decision,
        toAssignee: expected!.assignee!.userId,
      });
    }
  });

  it("logs that nobody could be assigned when the group has no active agent, and leaves the ticket NEW", async () => {
    const db = database().db;
    await db.user.updateMany({ where: { role: "AGENT", tier: "L1" }, data: { active: false } });
    try {
      const ticket = await createTicket(customer, valid);
      expect(ticket).toMatchObject({ status: "NEW", assignee: null });
      const event = await assignedEvent(database().db, ticket.number);
      expect({ rule: event.rule, inputs: event.inputs, reason: event.reason }).toEqual(placementsInOrder(group, [])[0]!.decision);
      const mail = await db.outboxMessage.findFirstOrThrow({ where: { ticket: { number: ticket.number } } });
      expect(mail.body).toContain("Its status: Received.");
    } finally {
      await db.user.updateMany({ where: { role: "AGENT", tier: "L1" }, data: { active: true } });
    }
  });

  it("follows a change another app instance made: a category's defaults, the group's mode, an organization's name", async () => {
    const db = database().db;
    const before = await createTicket(customer, valid);
    expect(before).toMatchObject({ impact: "LOW", status: "ASSIGNED" });
    // Written straight to the database, as another instance would: nothing in this process is told.
    await db.category.update({ where: { slug: "access" }, data: { defaultImpact: "HIGH" } });
    await db.supportGroup.update({ where: { slug: "service-desk" }, data: { assignmentMode: "PULL" } });
    await db.organization.update({ where: { id: customer.organizationId! }, data: { name: "Acme Renamed" } });
    try {
      const after = await createTicket(customer, valid);
      expect(after).toMatchObject({ impact: "HIGH", status: "NEW", assignee: null });
      const created = await db.ticketEvent.findFirstOrThrow({ where: { ticket: { number: after.number }, type: "CREATED" } });
      expect(created.reason).toBe("Opened by C1001 (Acme Renamed); entered L1 at Service Desk, a pull queue, so it waits there for an L1 agent to claim it.");
      expect(await db.ticketEvent.count({ where: { ticket: { number: after.number }, type: "ASSIGNED" } })).toBe(0);
    } finally {
      await db.supportGroup.update({ where: { slug: "service-desk" }, data: { assignmentMode: "AUTO" } });
    }
  });
});

describeEachDatabase("intake's assignment in SQL in a group of 500", (database) => {
  let customer: Actor;
  let group: GroupData;

  beforeAll(async () => {
    ({ customer, group } = await prepareLarge(database().db, 500));
  });

  it("chooses and words it as placementsInOrder does, through ties, with a log that does not grow with the group", async () => {
    for (let i = 0; i < 6; i++) {
      const [expected] = await expectedPlacements(database().db, group);
      const ticket = await createTicket(customer, { ...valid, impact: i % 2 ? "HIGH" : "LOW" });
      const event = await assignedEvent(database().db, ticket.number);
      expect(ticket.assignee?.userId).toBe(expected!.assignee!.userId);
      expect({ rule: event.rule, inputs: event.inputs, reason: event.reason }).toEqual(expected!.decision);
      // 502 members (the demo's two L1 agents too): five named, the rest summed up.
      expect(event.inputs).toMatchObject({ considered: 502, others: { count: 497 } });
      expect(JSON.stringify(event.inputs).length).toBeLessThan(1_000);
    }
  });
});

// Another intake holding an agent's row needs a second connection: PostgreSQL only.
if (process.env.TEST_DATABASE_URL) {
  describe("intake's assignment in SQL while other intakes hold agents [postgres]", () => {
    let database: TestDatabase | undefined;
    let customer: Actor;
    let group: GroupData;

    beforeAll(async () => {
      database = await openTestDatabase("postgres");
      useDatabase(database);
      ({ customer, group } = await prepare(database.db));
    });

    afterAll(async () => {
      useDatabase(undefined);
      await database?.close();
    });

    it("passes over agents whose rows other intakes hold, and says who was passed over, as placementsInOrder does", async () => {
      const placements = await expectedPlacements(database!.db, group);
      const { ticket, event } = await intakeWhileHeld(database!, customer, placements, 2);
      expect({ rule: event.rule, inputs: event.inputs, reason: event.reason }).toEqual(placements[2]!.decision);
      expect(event.rule).toBe("assign.least-loaded-free");
      expect(ticket.assignee?.userId).toBe(placements[2]!.assignee!.userId);
    });
  });

  describe("intake's assignment in SQL in a group of 500 while other intakes hold the best six [postgres]", () => {
    let database: TestDatabase | undefined;
    let customer: Actor;
    let group: GroupData;

    beforeAll(async () => {
      database = await openTestDatabase("postgres");
      useDatabase(database);
      ({ customer, group } = await prepareLarge(database.db, 500));
    });

    afterAll(async () => {
      useDatabase(undefined);
      await database?.close();
    });

    it("takes the seventh, names the six passed over, and still logs five candidates and a summary", async () => {
      const placements = await expectedPlacements(database!.db, group);
      const { ticket, event } = await intakeWhileHeld(database!, customer, placements, 6);
      expect({ rule: event.rule, inputs: event.inputs, reason: event.reason }).toEqual(placements[6]!.decision);
      expect(event.inputs).toMatchObject({ chosen: { rank: 7 }, busy: placements.slice(0, 6).map((p) => p.assignee!.userId) });
      expect(ticket.assignee?.userId).toBe(placements[6]!.assignee!.userId);
    });
  });
}
