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
  it("assigns the least loaded, the tie going to the one never assigned, and lists every candidate with load", () => {
    // ben and cleo both carry load 3; cleo was never assigned, so she has been idle longest.
    expect(placeInGroup(autoGroup, [anna, ben, cleo])).toEqual({
      assignee: cleo,
      decision: {
        rule: "assign.least-loaded",
        inputs: {
          group: "platform-support",
          assignmentMode: "AUTO",
          candidates: [
            { userId: "l2cleo", load: 3, openTickets: 3, lastAssignedAt: null },
            { userId: "l2ben", load: 3, openTickets: 1, lastAssignedAt: "2026-11-27T08:30:00.000Z" },
            { userId: "l2anna", load: 7, openTickets: 2, lastAssignedAt: "2026-11-27T09:00:00.000Z" },
          ],
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
          candidates: [{ userId: "l2anna", load: 7, openTickets: 2, lastAssignedAt: "2026-11-27T09:00:00.000Z" }],
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
        inputs: { group: "platform-support", assignmentMode: "AUTO", candidates: [] },
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
      inputs: { busy: ["l2cleo"] },
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
