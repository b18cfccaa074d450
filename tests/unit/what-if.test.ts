import { describe, expect, it } from "vitest";
import { DEFAULT_CALENDAR, DEFAULT_MATRIX_CELLS, DEFAULT_SLA_TARGETS } from "@/lib/routing/defaults";
import type { ReplayHistory } from "@/lib/routing/replay";
import { CHANGED_TICKETS_LISTED, replayRules, WhatIfReplay } from "@/lib/routing/what-if";

const at = (iso: string) => new Date(iso);
const calendars = { fallback: DEFAULT_CALENDAR, organizations: new Map(), groups: new Map() };
const current = replayRules({ version: 1, cells: DEFAULT_MATRIX_CELLS }, DEFAULT_SLA_TARGETS, calendars);
/** LOW × LOW rises from P5 to P3. */
const draft = replayRules(
  { version: 2, cells: DEFAULT_MATRIX_CELLS.map((c) => (c.impact === "LOW" && c.urgency === "LOW" ? { ...c, priority: "P3" as const } : c)) },
  DEFAULT_SLA_TARGETS,
  calendars,
);
const FROM = at("2026-11-02T00:00:00Z"); // a Monday
const TO = at("2026-11-09T00:00:00Z");

const ticket = (id: number, over: Partial<ReplayHistory> = {}): ReplayHistory => ({
  id,
  number: `INC-${String(id).padStart(6, "0")}`,
  createdAt: at("2026-11-02T10:00:00Z"),
  impact: "MEDIUM",
  urgency: "MEDIUM",
  tier: "L1",
  group: "service-desk",
  organizationId: null,
  categoryL2Group: null,
  steps: [],
  ...over,
});

describe("WhatIfReplay", () => {
  it("samples open tickets per tier at the end of each day, and reports peak and mean", () => {
    const replay = new WhatIfReplay({ current, draft: current }, FROM, TO, at("2026-11-20T00:00:00Z"));
    // Open from Monday 10:00, answered at once, resolved Wednesday 12:00: open at the end of Monday and Tuesday.
    replay.add([ticket(1, { steps: [{ at: at("2026-11-02T10:05:00Z"), kind: "reply" }, { at: at("2026-11-04T12:00:00Z"), kind: "status", to: "RESOLVED" }] })]);
    const result = replay.finish();
    expect(result.loadDays).toHaveLength(7);
    expect(result.loadDays[0]).toBe("2026-11-03T00:00:00.000Z");
    const l1 = result.current.load.L1.series;
    // P3's 4 business-hour L1 budget ends Monday 14:00, its 8-hour L2 budget Tuesday 12:00.
    expect(l1).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(result.current.load.L2.series).toEqual([1, 0, 0, 0, 0, 0, 0]);
    expect(result.current.load.L3.series).toEqual([0, 1, 0, 0, 0, 0, 0]);
    expect(result.current.load.L3).toMatchObject({ peak: 1, mean: 0.1 });
  });

  it("sets the draft beside the current rules: mix, breaches per priority, and the tickets that change", () => {
    const replay = new WhatIfReplay({ current, draft }, FROM, TO, at("2026-11-20T00:00:00Z"));
    // Answered Tuesday 10:00: in time for P5 (16 business hours), late for P3 (2).
    const lowLow = ticket(1, { impact: "LOW", urgency: "LOW", steps: [{ at: at("2026-11-03T10:00:00Z"), kind: "reply" }, { at: at("2026-11-03T11:00:00Z"), kind: "status", to: "RESOLVED" }] });
    replay.add([lowLow, ticket(2, { steps: [{ at: at("2026-11-02T10:30:00Z"), kind: "reply" }, { at: at("2026-11-02T11:00:00Z"), kind: "status", to: "RESOLVED" }] })]);
    const result = replay.finish();
    expect(result.current.priorityMix).toEqual({ P1: 0, P2: 0, P3: 1, P4: 0, P5: 1 });
    expect(result.draft.priorityMix).toEqual({ P1: 0, P2: 0, P3: 2, P4: 0, P5: 0 });
    expect(result.current.breaches.byPriority.P5.firstResponse).toBe(0);
    expect(result.draft.breaches.byPriority.P3.firstResponse).toBe(1);
    expect(result.reclassified).toBe(1);
    expect(result.changed).toBe(1);
    expect(result.changedTickets[0]).toMatchObject({ number: "INC-000001", current: { priority: "P5", firstResponse: "met" }, draft: { priority: "P3", firstResponse: "breached" } });
  });

  it("changes nothing when the draft equals the current rules", () => {
    const replay = new WhatIfReplay({ current, draft: current }, FROM, TO, at("2026-11-20T00:00:00Z"));
    replay.add([ticket(1), ticket(2, { impact: "HIGH", urgency: "LOW" })]);
    const result = replay.finish();
    expect(result.draft).toEqual(result.current);
    expect([result.reclassified, result.changed, result.changedTickets]).toEqual([0, 0, []]);
  });

  it(`counts every changed ticket but lists the first ${CHANGED_TICKETS_LISTED}`, () => {
    const replay = new WhatIfReplay({ current, draft }, FROM, TO, at("2026-11-20T00:00:00Z"));
    replay.add(Array.from({ length: CHANGED_TICKETS_LISTED + 1 }, (_, i) => ticket(i + 1, { impact: "LOW", urgency: "LOW" })));
    const result = replay.finish();
    expect(result.changed).toBe(CHANGED_TICKETS_LISTED + 1);
    expect(result.changedTickets).toHaveLength(CHANGED_TICKETS_LISTED);
  });
});
