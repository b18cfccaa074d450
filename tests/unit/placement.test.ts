import { describe, expect, it } from "vitest";
import type { Candidate } from "@/lib/routing/candidates";
import { placeInGroup, placementsInOrder, type GroupData } from "@/lib/routing/placement";

const autoGroup: GroupData = { id: "g-platform", slug: "platform-support", name: "Platform Support", tier: "L2", assignmentMode: "AUTO" };
const pullGroup: GroupData = { id: "g-desk", slug: "service-desk", name: "Service Desk", tier: "L1", assignmentMode: "PULL" };

const anna: Candidate = { id: "u-anna", userId: "l2anna", name: "Anna Andersen", load: 7, openTickets: 2, lastAssignedAt: new Date("2026-11-27T09:00:00.000Z") };
const ben: Candidate = { id: "u-ben", userId: "l2ben", name: "Ben Brandt", load: 3, openTickets: 1, lastAssignedAt: new Date("2026-11-27T08:30:00.000Z") };
const cleo: Candidate = { id: "u-cleo", userId: "l2cleo", name: "Cleo Costa", load: 3, openTickets: 3, lastAssignedAt: null };

describe("placeInGroup: PULL", () => {
  it("leaves the ticket in the queue without an assignee or a decision", () => {
    expect(placeInGroup(pullGroup, [anna, ben, cleo])).toEqual({ assignee: null, decision: null });
  });

  it("does so without members too", () => {
    expect(placeInGroup(pullGroup, [])).toEqual({ assignee: null, decision: null });
  });
});

describe("placeInGroup: AUTO", () => {
  it("assigns the least loaded, the tie going to the one never assigned, and lists the candidates with their loads", () => {
    // ben and cleo both carry load 3; cleo was never assigned, so she has been idle longest.
    expect(placeInGroup(autoGroup, [anna, ben, cleo])).toEqual({
      assignee: cleo,
      decision: {
        rule: "assign.least-loaded",
        inputs: {
          group: "platform-support",
          assignmentMode: "AUTO",
          considered: 3,
          candidates: [
            { userId: "l2cleo", load: 3, openTickets: 3, lastAssignedAt: null },
            { userId: "l2ben", load: 3, openTickets: 1, lastAssignedAt: "2026-11-27T08:30:00.000Z" },
            { userId: "l2anna", load: 7, openTickets: 2, lastAssignedAt: "2026-11-27T09:00:00.000Z" },
          ],
          chosen: { userId: "l2cleo", load: 3, rank: 1 },
        },
        reason: "Assigned to Cleo Costa in Platform Support: least loaded of l2cleo (load 3), l2ben (load 3), l2anna (load 7).",
      },
    });
  });

  it("assigns a sole member", () => {
    expect(placeInGroup(autoGroup, [anna])).toEqual({
      assignee: anna,
      decision: {
        rule: "assign.least-loaded",
        inputs: {
          group: "platform-support",
          assignmentMode: "AUTO",
          considered: 1,
          candidates: [{ userId: "l2anna", load: 7, openTickets: 2, lastAssignedAt: "2026-11-27T09:00:00.000Z" }],
          chosen: { userId: "l2anna", load: 7, rank: 1 },
        },
        reason: "Assigned to Anna Andersen in Platform Support: least loaded of l2anna (load 7).",
      },
    });
  });

  it("with no eligible member assigns nobody and records why", () => {
    expect(placeInGroup(autoGroup, [])).toEqual({
      assignee: null,
      decision: {
        rule: "assign.no-eligible-member",
        inputs: { group: "platform-support", assignmentMode: "AUTO", considered: 0, candidates: [] },
        reason: "No active agent in Platform Support to assign: it waits in the queue.",
      },
    });
  });
});

describe("placementsInOrder: the next choice when the ones before are busy", () => {
  it("starts with placeInGroup's choice and explains each fallback by who was busy", () => {
    const order = placementsInOrder(autoGroup, [anna, ben, cleo]);
    expect(order.map((p) => p.assignee?.userId)).toEqual(["l2cleo", "l2ben", "l2anna"]);
    expect(order[0]).toEqual(placeInGroup(autoGroup, [anna, ben, cleo]));
    expect(order[1]!.decision).toMatchObject({
      rule: "assign.least-loaded-free",
      inputs: { busy: ["l2cleo"], chosen: { userId: "l2ben", load: 3, rank: 2 } },
      reason: "Assigned to Ben Brandt in Platform Support: least loaded of l2ben (load 3), l2anna (load 7); l2cleo was being given another ticket at that moment.",
    });
    expect(order[2]!.decision!.reason).toBe(
      "Assigned to Anna Andersen in Platform Support: least loaded of l2anna (load 7); l2cleo, l2ben were being given another ticket at that moment.",
    );
    // Only as many as asked for: the same first two.
    expect(placementsInOrder(autoGroup, [anna, ben, cleo], 2)).toEqual(order.slice(0, 2));
  });

  it("is the single placement of a pull queue or a group without members", () => {
    expect(placementsInOrder(pullGroup, [anna])).toEqual([{ assignee: null, decision: null }]);
    expect(placementsInOrder(autoGroup, [])).toEqual([placeInGroup(autoGroup, [])]);
  });
});

describe("placeInGroup in a large group: a bounded log", () => {
  /** `n` agents: loads 0–8 with ties, some never assigned, in no particular order. */
  const agents = (n: number): Candidate[] =>
    Array.from({ length: n }, (_, i) => {
      const k = (i * 7919) % n;
      const userId = `a${String(k).padStart(3, "0")}`;
      return { id: `u-${userId}`, userId, name: `Agent ${userId}`, load: 2 + (k % 9), openTickets: k % 5, lastAssignedAt: k % 3 ? new Date(`2026-11-27T0${k % 2}:00:00.000Z`) : null };
    });

  it("logs the chosen agent, the best five with their loads and a summary of the rest", () => {
    const group = agents(50);
    const placement = placeInGroup(autoGroup, group);
    const best = [...group].sort((a, b) => a.load - b.load || (a.lastAssignedAt?.getTime() ?? -Infinity) - (b.lastAssignedAt?.getTime() ?? -Infinity) || (a.userId < b.userId ? -1 : 1));
    expect(placement.assignee).toBe(best[0]);
    expect(placement.decision!.inputs).toEqual({
      group: "platform-support",
      assignmentMode: "AUTO",
      considered: 50,
      candidates: best.slice(0, 5).map((c) => ({ userId: c.userId, load: c.load, openTickets: c.openTickets, lastAssignedAt: c.lastAssignedAt?.toISOString() ?? null })),
      others: { count: 45, lowestLoad: best[5]!.load },
      chosen: { userId: best[0]!.userId, load: best[0]!.load, rank: 1 },
    });
    expect(placement.decision!.reason).toBe(
      `Assigned to ${best[0]!.name} in Platform Support: least loaded of ${best.slice(0, 5).map((c) => `${c.userId} (load ${c.load})`).join(", ")} and 45 more.`,
    );
  });

  it("does not grow with the group: 500 agents log as much as 50", () => {
    const size = (n: number) => JSON.stringify(placeInGroup(autoGroup, agents(n)).decision).length;
    // Only the counts gain a digit (considered, others and the reason's "and … more").
    expect(size(500) - size(50)).toBeLessThanOrEqual(3);
    expect(size(500)).toBeLessThan(1_000);
  });

  it("names who was passed over and summarises the rest when the best are held", () => {
    const group = agents(500);
    const seventh = placementsInOrder(autoGroup, group, 7)[6]!;
    const inputs = seventh.decision!.inputs as { candidates: unknown[]; busy: string[]; chosen: { rank: number }; others: { count: number } };
    expect(seventh.decision!.rule).toBe("assign.least-loaded-free");
    expect(inputs.candidates).toHaveLength(5);
    expect(inputs.busy).toHaveLength(6);
    expect(inputs.chosen).toMatchObject({ userId: seventh.assignee!.userId, rank: 7 });
    expect(inputs.others.count).toBe(495);
    expect(seventh.decision!.reason).toMatch(/ and 489 more; (a\d{3}, ){5}a\d{3} were being given another ticket at that moment\.$/);
  });
});
