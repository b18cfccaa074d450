import { describe, expect, it } from "vitest";
import { DEFAULT_CALENDAR, DEFAULT_MATRIX_CELLS, DEFAULT_SLA_TARGETS } from "@/lib/routing/defaults";
import { compareWhatIf, replayTickets, type ReplayMatrix, type ReplayTicket } from "@/lib/routing/what-if";

// 2026-11-27 is a Friday; business hours Mon–Fri 08:00–18:00 UTC.
const at = (iso: string) => new Date(iso);
const NOW = at("2026-11-27T17:00:00Z");

const current: ReplayMatrix = { matrix: { version: 1, cells: DEFAULT_MATRIX_CELLS }, targets: DEFAULT_SLA_TARGETS };
/** The draft: HIGH × HIGH drops to P2 (30 min first response), LOW × LOW rises to P3. */
const draft: ReplayMatrix = {
  matrix: {
    version: 2,
    cells: DEFAULT_MATRIX_CELLS.map((c) =>
      c.impact === "HIGH" && c.urgency === "HIGH" ? { ...c, priority: "P2" } : c.impact === "LOW" && c.urgency === "LOW" ? { ...c, priority: "P3" } : c,
    ),
  },
  targets: DEFAULT_SLA_TARGETS,
};

const ticket = (over: Partial<ReplayTicket>): ReplayTicket => ({
  impact: "MEDIUM",
  urgency: "MEDIUM",
  tier: "L1",
  status: "IN_PROGRESS",
  createdAt: at("2026-11-27T09:00:00Z"),
  firstRespondedAt: null,
  resolvedAt: null,
  ...over,
});

describe("replayTickets", () => {
  it("classifies each ticket on the matrix and counts the mix", () => {
    const { summary, priorities } = replayTickets(
      [ticket({ impact: "HIGH", urgency: "HIGH" }), ticket({}), ticket({ impact: "LOW", urgency: "LOW" })],
      current,
      DEFAULT_CALENDAR,
      NOW,
    );
    expect(priorities).toEqual(["P1", "P3", "P5"]);
    expect(summary.priorityMix).toEqual({ P1: 1, P2: 0, P3: 1, P4: 0, P5: 1 });
    expect(summary.tickets).toBe(3);
  });

  it("counts a first response after the due time as a breach, and one in time as none", () => {
    const answeredAfter20 = ticket({ impact: "HIGH", urgency: "HIGH", firstRespondedAt: at("2026-11-27T09:20:00Z"), resolvedAt: at("2026-11-27T10:00:00Z") });
    const answeredAfter10 = ticket({ impact: "HIGH", urgency: "HIGH", firstRespondedAt: at("2026-11-27T09:10:00Z"), resolvedAt: at("2026-11-27T10:00:00Z") });
    const { summary } = replayTickets([answeredAfter20, answeredAfter10], current, DEFAULT_CALENDAR, NOW);
    expect(summary.breaches).toEqual({ firstResponse: 1, resolution: 0 });
  });

  it("counts a ticket still unanswered past its due time (at `now`) as a breach", () => {
    // P1: first response 15 min, resolution 240 min, 24×7; created 09:00, still open at 17:00.
    const { summary } = replayTickets([ticket({ impact: "HIGH", urgency: "HIGH" })], current, DEFAULT_CALENDAR, NOW);
    expect(summary.breaches).toEqual({ firstResponse: 1, resolution: 1 });
    // The same ticket seen at 09:10 has breached nothing yet.
    expect(replayTickets([ticket({ impact: "HIGH", urgency: "HIGH" })], current, DEFAULT_CALENDAR, at("2026-11-27T09:10:00Z")).summary.breaches).toEqual({ firstResponse: 0, resolution: 0 });
  });

  it("computes business-hours targets on the calendar: a P3 opened Friday 17:00 is due for a first response Monday 09:00", () => {
    const fridayEvening = ticket({ createdAt: at("2026-11-27T17:00:00Z"), firstRespondedAt: at("2026-11-30T08:59:00Z") });
    const lateMonday = ticket({ createdAt: at("2026-11-27T17:00:00Z"), firstRespondedAt: at("2026-11-30T09:01:00Z") });
    const monday = at("2026-11-30T12:00:00Z");
    expect(replayTickets([fridayEvening], current, DEFAULT_CALENDAR, monday).summary.breaches.firstResponse).toBe(0);
    expect(replayTickets([lateMonday], current, DEFAULT_CALENDAR, monday).summary.breaches.firstResponse).toBe(1);
  });

  it("weighs open tickets per tier by priority and leaves resolved and closed ones out", () => {
    const { summary } = replayTickets(
      [
        ticket({ impact: "HIGH", urgency: "HIGH", tier: "L2" }), // P1 → 5
        ticket({ tier: "L2" }), // P3 → 3
        ticket({ impact: "LOW", urgency: "LOW", tier: "L1" }), // P5 → 1
        ticket({ impact: "HIGH", urgency: "HIGH", tier: "L3", status: "RESOLVED", resolvedAt: at("2026-11-27T10:00:00Z") }),
        ticket({ tier: "L4", status: "CLOSED", resolvedAt: at("2026-11-27T10:00:00Z") }),
      ],
      current,
      DEFAULT_CALENDAR,
      NOW,
    );
    expect(summary.loadPerTier).toEqual({ L1: 1, L2: 8, L3: 0, L4: 0 });
  });
});

describe("compareWhatIf", () => {
  it("shows the current version beside the draft over the same tickets", () => {
    const tickets = [
      ticket({ impact: "HIGH", urgency: "HIGH", firstRespondedAt: at("2026-11-27T09:20:00Z"), resolvedAt: at("2026-11-27T10:00:00Z") }),
      ticket({ impact: "LOW", urgency: "LOW", tier: "L2", firstRespondedAt: at("2026-11-27T09:05:00Z") }),
      ticket({ firstRespondedAt: at("2026-11-27T09:05:00Z") }),
    ];
    const result = compareWhatIf(tickets, current, draft, DEFAULT_CALENDAR, NOW);
    expect(result.reclassified).toBe(2);
    expect(result.current.priorityMix).toEqual({ P1: 1, P2: 0, P3: 1, P4: 0, P5: 1 });
    expect(result.draft.priorityMix).toEqual({ P1: 0, P2: 1, P3: 2, P4: 0, P5: 0 });
    // Answered after 20 minutes: late for P1 (15), in time for P2 (30).
    expect(result.current.breaches.firstResponse).toBe(1);
    expect(result.draft.breaches.firstResponse).toBe(0);
    // The LOW × LOW ticket open at L2 weighs 1 as P5 and 3 as P3.
    expect(result.current.loadPerTier.L2).toBe(1);
    expect(result.draft.loadPerTier.L2).toBe(3);
  });

  it("changes nothing when the draft equals the current version", () => {
    const tickets = [ticket({}), ticket({ impact: "HIGH", urgency: "LOW" })];
    const result = compareWhatIf(tickets, current, { ...current, matrix: { ...current.matrix, version: 2 } }, DEFAULT_CALENDAR, NOW);
    expect(result.reclassified).toBe(0);
    expect(result.draft).toEqual(result.current);
  });
});
