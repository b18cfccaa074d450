import { describe, expect, it } from "vitest";
import { advanceClocks, initialClockState, type ClockState, oneCalendar } from "@/lib/routing/clocks";
import { DEFAULT_CALENDAR, DEFAULT_MATRIX_CELLS, DEFAULT_SLA_TARGETS } from "@/lib/routing/defaults";
import { findTarget } from "@/lib/routing/sla";
import { previewClassification } from "@/lib/tickets/classification-preview";

// Monday 2026-11-30. P2 (MEDIUM × HIGH) runs 24×7: response 30, resolution 480, updates every 60, L1 budget 30 min.
// P1: 24×7, response 15, resolution 240, updates every 30, L1 budget 15. P5: business hours (Mon–Fri 08–18 UTC),
// response 960, resolution 4800, updates every 960, L1 budget 960.
const P2 = findTarget(DEFAULT_SLA_TARGETS, "P2");
const current = { matrix: { version: 1, cells: DEFAULT_MATRIX_CELLS }, targets: DEFAULT_SLA_TARGETS };
const before = { target: P2, calendars: oneCalendar(DEFAULT_CALENDAR) };
const opened = new Date("2026-11-30T09:00:00Z");
const now = new Date("2026-11-30T09:10:00Z");

/** A P2 ticket opened at 09:00, its clocks started as intake starts them. */
function p2Ticket(): ClockState {
  return advanceClocks(initialClockState(opened), {}, { now: opened, calendars: oneCalendar(DEFAULT_CALENDAR), before: P2, after: P2 });
}

describe("previewClassification", () => {
  it("gives the current matrix's cell and recomputes due times from the 10 minutes already used", () => {
    const preview = previewClassification({ state: p2Ticket(), before, current, impact: "HIGH", urgency: "HIGH", now });
    expect(preview).toEqual({
      impact: "HIGH",
      urgency: "HIGH",
      priority: "P1",
      matrixVersion: 1,
      due: {
        firstResponseAt: "2026-11-30T09:15:00.000Z",
        resolutionAt: "2026-11-30T13:00:00.000Z",
        // The faster cadence brings the pending 10:00 update forward.
        nextUpdateAt: "2026-11-30T09:40:00.000Z",
        tierBudgetEndsAt: "2026-11-30T09:15:00.000Z",
      },
    });
  });

  it("moves to business hours for a lower priority and keeps the update already promised", () => {
    const preview = previewClassification({ state: p2Ticket(), before, current, impact: "LOW", urgency: "LOW", now });
    expect(preview.priority).toBe("P5");
    // 960 − 10 = 950 business minutes from Monday 09:10: 530 on Monday, 420 on Tuesday from 08:00.
    expect(preview.due.firstResponseAt).toBe("2026-12-01T15:00:00.000Z");
    expect(preview.due.nextUpdateAt).toBe("2026-11-30T10:00:00.000Z");
  });

  it("shows stopped clocks as null while the ticket waits on the customer", () => {
    const waiting = advanceClocks(p2Ticket(), { status: "PENDING_CUSTOMER" }, { now, calendars: oneCalendar(DEFAULT_CALENDAR), before: P2, after: P2 });
    const preview = previewClassification({ state: waiting, before, current, impact: "HIGH", urgency: "HIGH", now });
    expect(preview.priority).toBe("P1");
    expect(preview.due).toEqual({ firstResponseAt: null, resolutionAt: null, nextUpdateAt: null, tierBudgetEndsAt: null });
  });

  it("refuses a matrix without the cell, as classification does", () => {
    const broken = { ...current, matrix: { version: 2, cells: [] } };
    expect(() => previewClassification({ state: p2Ticket(), before, current: broken, impact: "LOW", urgency: "LOW", now })).toThrow(/no cell/);
  });
});
