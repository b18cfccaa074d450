import { describe, expect, it } from "vitest";
import { describeCandidates, PRIORITY_WEIGHT, rankCandidates, type Candidate } from "@/lib/routing/candidates";

function candidate(userId: string, load: number, lastAssignedAt: string | null, openTickets = load): Candidate {
  return { id: `id-${userId}`, userId, name: `Agent ${userId}`, load, openTickets, lastAssignedAt: lastAssignedAt ? new Date(lastAssignedAt) : null };
}

const ids = (candidates: Candidate[]) => candidates.map((c) => c.userId);

describe("PRIORITY_WEIGHT", () => {
  it("weighs P1 five times a P5", () => {
    expect(PRIORITY_WEIGHT).toEqual({ P1: 5, P2: 4, P3: 3, P4: 2, P5: 1 });
  });

  it("makes one P1 weigh more than two P4s", () => {
    const oneP1 = PRIORITY_WEIGHT.P1;
    const twoP4 = 2 * PRIORITY_WEIGHT.P4;
    expect([oneP1, twoP4]).toEqual([5, 4]);
    expect(rankCandidates([candidate("anna", oneP1, null, 1), candidate("ben", twoP4, null, 2)])[0]?.userId).toBe("ben");
  });
});

describe("rankCandidates", () => {
  it("puts the least loaded first", () => {
    expect(ids(rankCandidates([candidate("anna", 7, null), candidate("ben", 2, null), candidate("cleo", 4, null)]))).toEqual(["ben", "cleo", "anna"]);
  });

  it("ranks by load, not by the number of open tickets", () => {
    // anna: 3 P5 tickets (load 3); ben: 1 P1 ticket (load 5).
    expect(ids(rankCandidates([candidate("ben", 5, null, 1), candidate("anna", 3, null, 3)]))).toEqual(["anna", "ben"]);
  });

  it("breaks a tie on load by who has been idle longest", () => {
    const ranked = rankCandidates([
      candidate("anna", 3, "2026-11-27T10:00:00.000Z"),
      candidate("ben", 3, "2026-11-27T08:00:00.000Z"),
      candidate("cleo", 3, "2026-11-27T09:00:00.000Z"),
    ]);
    expect(ids(ranked)).toEqual(["ben", "cleo", "anna"]);
  });

  it("counts someone never assigned as idle longest", () => {
    const ranked = rankCandidates([candidate("anna", 3, "2020-01-01T00:00:00.000Z"), candidate("zoe", 3, null), candidate("ben", 3, "2026-11-27T08:00:00.000Z")]);
    expect(ids(ranked)).toEqual(["zoe", "anna", "ben"]);
  });

  it("breaks a remaining tie by user ID", () => {
    expect(ids(rankCandidates([candidate("cleo", 0, null), candidate("anna", 0, null), candidate("ben", 0, null)]))).toEqual(["anna", "ben", "cleo"]);
    const sameTime = "2026-11-27T08:00:00.000Z";
    expect(ids(rankCandidates([candidate("l1agent2", 1, sameTime), candidate("l1agent1", 1, sameTime)]))).toEqual(["l1agent1", "l1agent2"]);
  });

  it("applies the keys in order: load, then idle time, then user ID", () => {
    const ranked = rankCandidates([
      candidate("dora", 2, "2026-11-27T09:00:00.000Z"),
      candidate("anna", 4, null),
      candidate("cleo", 2, null),
      candidate("ben", 2, null),
      candidate("eve", 1, "2026-11-27T11:00:00.000Z"),
    ]);
    expect(ids(ranked)).toEqual(["eve", "ben", "cleo", "dora", "anna"]);
  });

  it("returns a new array and leaves the input alone", () => {
    const input = [candidate("ben", 2, null), candidate("anna", 1, null)];
    const ranked = rankCandidates(input);
    expect(ranked).not.toBe(input);
    expect(ids(input)).toEqual(["ben", "anna"]);
    expect(ranked[0]).toBe(input[1]);
  });

  it("ranks an empty list as empty", () => {
    expect(rankCandidates([])).toEqual([]);
  });
});

describe("rankCandidates with a limit", () => {
  // 500 agents in a shuffled order, with ties on load and on idle time: the best few come out as a full sort ranks them.
  const many = Array.from({ length: 500 }, (_, i) => {
    const k = (i * 7919) % 500;
    return candidate(`a${String(k).padStart(3, "0")}`, k % 9, k % 4 ? `2026-11-27T0${k % 3}:00:00.000Z` : null);
  });

  it("returns the first `limit` of the full ranking, the same objects", () => {
    const all = rankCandidates(many);
    for (const limit of [1, 2, 6, 13]) {
      const best = rankCandidates(many, limit);
      expect(best).toHaveLength(limit);
      best.forEach((c, i) => expect(c).toBe(all[i]));
    }
  });

  it("returns them all, ranked, when the limit is the group's size or more", () => {
    expect(ids(rankCandidates(many.slice(0, 4), 9))).toEqual(ids(rankCandidates(many.slice(0, 4))));
    expect(rankCandidates([], 3)).toEqual([]);
  });
});

describe("describeCandidates", () => {
  it("lists user IDs with their loads in the order given", () => {
    expect(describeCandidates([candidate("ben", 1, null), candidate("anna", 6, null)])).toBe("ben (load 1), anna (load 6)");
    expect(describeCandidates([])).toBe("");
  });

  it("names the first five of a large group and counts the rest", () => {
    const many = Array.from({ length: 50 }, (_, i) => candidate(`a${i + 1}`, i, null));
    expect(describeCandidates(many)).toBe("a1 (load 0), a2 (load 1), a3 (load 2), a4 (load 3), a5 (load 4) and 45 more");
    expect(describeCandidates(many.slice(0, 6))).toBe("a1 (load 0), a2 (load 1), a3 (load 2), a4 (load 3), a5 (load 4) and 1 more");
    expect(describeCandidates(many.slice(0, 5))).toBe("a1 (load 0), a2 (load 1), a3 (load 2), a4 (load 3), a5 (load 4)");
  });

  it("counts the rest from the total when given only the first of them", () => {
    const many = Array.from({ length: 6 }, (_, i) => candidate(`a${i + 1}`, i, null));
    expect(describeCandidates(many, 500)).toBe("a1 (load 0), a2 (load 1), a3 (load 2), a4 (load 3), a5 (load 4) and 495 more");
  });
});
