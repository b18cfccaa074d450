import { describe, expect, it } from "vitest";
import { placeMany } from "@/lib/routing/place-many";
import { placementsInOrder } from "@/lib/routing/placement";

const group = { id: "g", slug: "service-desk", name: "Service Desk", tier: "L1" as const, assignmentMode: "AUTO" as const };
const now = new Date("2026-11-30T09:00:00Z");
const agent = (userId: string, load: number) => ({ id: userId, userId, name: userId, load, openTickets: load, lastAssignedAt: null });

describe("placeMany", () => {
  it("the first ticket is placed as a single intake places it", () => {
    const candidates = [agent("a", 3), agent("b", 1)];
    expect(placeMany(group, candidates, ["P3"], now)[0]).toEqual(placementsInOrder(group, candidates, 1)[0]);
  });
  it("each next ticket sees the loads the ones before added", () => {
    const placed = placeMany(group, [agent("a", 0), agent("b", 4)], ["P1", "P1", "P5"], now);
    expect(placed.map((p) => p.assignee?.userId)).toEqual(["a", "b", "a"]);
    expect(placed[1]!.decision!.inputs).toMatchObject({ considered: 2, chosen: { userId: "b", load: 4, rank: 1 } });
    expect(placed[1]!.decision!.inputs.candidates).toEqual([
      { userId: "b", load: 4, openTickets: 4, lastAssignedAt: null },
      { userId: "a", load: 5, openTickets: 1, lastAssignedAt: now.toISOString() },
    ]);
  });
  it("a pull queue places nobody; an AUTO group without members records why", () => {
    expect(placeMany({ ...group, assignmentMode: "PULL" }, [agent("a", 0)], ["P1"], now)).toEqual([{ assignee: null, decision: null }]);
    expect(placeMany(group, [], ["P1"], now)[0]!.decision!.rule).toBe("assign.no-eligible-member");
  });
});
