import { describe, expect, it } from "vitest";
import { candidateLog, describeCandidateLog } from "@/lib/routing/candidate-log";
import type { Candidate } from "@/lib/routing/candidates";

const agent = (userId: string, load: number): Candidate => ({ id: userId, userId, name: userId, load, openTickets: 1, lastAssignedAt: null });

describe("candidateLog", () => {
  it("keeps the best five with their loads and sums up the rest", () => {
    const ranked = ["a", "b", "c", "d", "e", "f", "g"].map((id, i) => agent(id, i));
    expect(candidateLog(ranked, 50)).toEqual({
      considered: 50,
      candidates: ranked.slice(0, 5).map((c) => ({ userId: c.userId, load: c.load, openTickets: 1, lastAssignedAt: null })),
      others: { count: 45, lowestLoad: 5 },
    });
  });

  it("has no summary when five or fewer were considered", () => {
    expect(candidateLog([agent("a", 0)], 1)).toEqual({ considered: 1, candidates: [{ userId: "a", load: 0, openTickets: 1, lastAssignedAt: null }] });
  });
});

describe("describeCandidateLog", () => {
  const five = ["a", "b", "c", "d", "e"].map((userId, i) => ({ userId, load: i, openTickets: 0, lastAssignedAt: null }));

  it("names the five with their loads, the rest summed up, and how many were held by another intake", () => {
    expect(describeCandidateLog({ considered: 50, candidates: five, others: { count: 45, lowestLoad: 3 }, busy: ["a", "b"] })).toBe(
      "a (load 0), b (load 1), c (load 2), d (load 3), e (load 4) and 45 more, lowest load 3; 2 held by another intake",
    );
    expect(describeCandidateLog({ considered: 2, candidates: five.slice(0, 2) })).toBe("a (load 0), b (load 1)");
  });

  it("sums up an event logged before the log was bounded, which lists every candidate", () => {
    const all = Array.from({ length: 50 }, (_, i) => ({ userId: `a${i}`, load: 50 - i, openTickets: 0, lastAssignedAt: null }));
    expect(describeCandidateLog({ candidates: all })).toBe("a0 (load 50), a1 (load 49), a2 (load 48), a3 (load 47), a4 (load 46) and 45 more, lowest load 1");
  });

  it("is null for inputs that name no candidates", () => {
    for (const inputs of [null, "x", {}, { candidates: [] }, { group: "service-desk" }]) expect(describeCandidateLog(inputs)).toBeNull();
  });
});
