import { describe, expect, it } from "vitest";
import { DEFAULT_CALENDAR, DEFAULT_MATRIX_CELLS, DEFAULT_SLA_TARGETS } from "@/lib/routing/defaults";
import { replayTicket, type ReplayHistory, type ReplayStep } from "@/lib/routing/replay";
import type { VendorTargetData } from "@/lib/routing/vendor-targets";
import { replayRules } from "@/lib/routing/what-if";
import type { CalendarData } from "@/lib/calendar/business-hours";
import type { Priority } from "@/lib/db/generated/enums";

// 2026-11-27 is a Friday; business hours Mon–Fri 08:00–18:00 UTC. P1: first response 15 min, resolution
// 4 h, update every 30 min, L1 budget 15 min, L2 60 min, all 24×7.
const at = (iso: string) => new Date(iso);
const calendars = { fallback: DEFAULT_CALENDAR, organizations: new Map(), groups: new Map() };
const ALWAYS: CalendarData = { timeZone: "UTC", windows: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, opensAtMinute: 0, closesAtMinute: 1440 })), holidays: [] };
const current = replayRules({ version: 1, cells: DEFAULT_MATRIX_CELLS }, DEFAULT_SLA_TARGETS, calendars);
const longerL1 = replayRules(
  { version: 2, cells: DEFAULT_MATRIX_CELLS },
  DEFAULT_SLA_TARGETS.map((t) => (t.priority === "P1" ? { ...t, l1BudgetMinutes: 120 } : t)),
  calendars,
);

const history = (steps: ReplayStep[], over: Partial<ReplayHistory> = {}): ReplayHistory => ({
  id: 1,
  number: "INC-000001",
  createdAt: at("2026-11-27T09:00:00Z"),
  impact: "HIGH",
  urgency: "HIGH",
  tier: "L1",
  group: "service-desk",
  organizationId: null,
  categoryL2Group: null,
  steps,
  ...over,
});
const reply = (iso: string): ReplayStep => ({ at: at(iso), kind: "reply" });
const status = (iso: string, to: "RESOLVED" | "PENDING_CUSTOMER" | "IN_PROGRESS" | "CLOSED"): ReplayStep => ({ at: at(iso), kind: "status", to });

describe("replayTicket", () => {
  it("judges the first response by the due time the rules give", () => {
    const late = replayTicket(history([reply("2026-11-27T09:20:00Z"), status("2026-11-27T09:25:00Z", "RESOLVED")]), current, at("2026-11-28T00:00:00Z"));
    const inTime = replayTicket(history([reply("2026-11-27T09:10:00Z"), status("2026-11-27T09:12:00Z", "RESOLVED")]), current, at("2026-11-28T00:00:00Z"));
    expect([late.firstResponse, late.resolution]).toEqual(["breached", "met"]);
    expect([inTime.firstResponse, inTime.resolution]).toEqual(["met", "met"]);
  });

  it("stops the customer clock while the ticket waits on the customer", () => {
    const steps = [reply("2026-11-27T09:05:00Z"), status("2026-11-27T09:10:00Z", "PENDING_CUSTOMER"), status("2026-11-27T15:00:00Z", "IN_PROGRESS")];
    // 5 h after opening, but only 10 min + 3 h on the clock: in time for a 4 h resolution.
    const paused = replayTicket(history([...steps, status("2026-11-27T18:00:00Z", "RESOLVED")]), longerL1, at("2026-11-28T00:00:00Z"));
    expect(paused.resolution).toBe("met");
    const notPaused = replayTicket(history([reply("2026-11-27T09:05:00Z"), status("2026-11-27T14:00:00Z", "RESOLVED")]), longerL1, at("2026-11-28T00:00:00Z"));
    expect(notPaused.resolution).toBe("breached");
  });

  it("escalates automatically when a tier budget is spent, as the sweep does, and not when the draft's budget is longer", () => {
    const steps = [reply("2026-11-27T09:05:00Z"), status("2026-11-27T10:00:00Z", "RESOLVED")];
    const spent = replayTicket(history(steps), current, at("2026-11-28T00:00:00Z"));
    expect(spent.automatic).toEqual({ L1L2: 1, L2L3: 0 });
    expect(spent.spans).toEqual([
      { tier: "L1", from: at("2026-11-27T09:00:00Z"), to: at("2026-11-27T09:15:00Z") },
      { tier: "L2", from: at("2026-11-27T09:15:00Z"), to: at("2026-11-27T10:00:00Z") },
    ]);
    const kept = replayTicket(history(steps), longerL1, at("2026-11-28T00:00:00Z"));
    expect(kept.automatic).toEqual({ L1L2: 0, L2L3: 0 });
    expect(kept.spans).toEqual([{ tier: "L1", from: at("2026-11-27T09:00:00Z"), to: at("2026-11-27T10:00:00Z") }]);
  });

  it("goes on escalating while nobody acts: L1 after 15 min, L2 after 60 more; an open ticket's span runs on", () => {
    const outcome = replayTicket(history([]), current, at("2026-11-27T12:00:00Z"));
    expect(outcome.automatic).toEqual({ L1L2: 1, L2L3: 1 });
    expect(outcome.spans.at(-1)).toEqual({ tier: "L3", from: at("2026-11-27T10:15:00Z"), to: null });
    expect([outcome.firstResponse, outcome.resolution]).toEqual(["breached", "pending"]);
  });

  it("escalates at the recorded instant when the sweep ran late on the same budget end", () => {
    const recorded: ReplayStep = { at: at("2026-11-27T09:15:40Z"), kind: "auto-escalated", from: "L1", budgetEndedAt: at("2026-11-27T09:15:00Z") };
    const outcome = replayTicket(history([recorded, status("2026-11-27T09:30:00Z", "RESOLVED")]), current, at("2026-11-28T00:00:00Z"));
    expect(outcome.spans[1]).toEqual({ tier: "L2", from: at("2026-11-27T09:15:40Z"), to: at("2026-11-27T09:30:00Z") });
    // A draft whose budget ends elsewhere ignores the recorded escalation.
    expect(replayTicket(history([recorded, status("2026-11-27T09:30:00Z", "RESOLVED")]), longerL1, at("2026-11-28T00:00:00Z")).automatic.L1L2).toBe(0);
  });

  it("counts a manual escalation once, and not when the replay's own escalation got there first", () => {
    const manual: ReplayStep = { at: at("2026-11-27T09:40:00Z"), kind: "move", tier: "L2", group: "l2-applications", resumes: true, escalation: true };
    const steps = [reply("2026-11-27T09:05:00Z"), manual, status("2026-11-27T10:00:00Z", "RESOLVED")];
    const draft = replayTicket(history(steps, { categoryL2Group: "l2-applications" }), longerL1, at("2026-11-28T00:00:00Z"));
    expect([draft.escalations.L1L2, draft.automatic.L1L2]).toEqual([1, 0]);
    const cur = replayTicket(history(steps, { categoryL2Group: "l2-applications" }), current, at("2026-11-28T00:00:00Z"));
    expect([cur.escalations.L1L2, cur.automatic.L1L2]).toEqual([1, 1]);
  });

  it("counts a customer update that fell due unanswered once until the next reply", () => {
    const steps = [reply("2026-11-27T09:05:00Z"), reply("2026-11-27T10:00:00Z"), status("2026-11-27T11:00:00Z", "RESOLVED")];
    // Updates due 09:35 (late, answered 10:00) and 10:30 (late, resolved 11:00).
    expect(replayTicket(history(steps), longerL1, at("2026-11-28T00:00:00Z")).updatesLate).toBe(2);
    const prompt = [reply("2026-11-27T09:05:00Z"), reply("2026-11-27T09:30:00Z"), status("2026-11-27T09:50:00Z", "RESOLVED")];
    expect(replayTicket(history(prompt), longerL1, at("2026-11-28T00:00:00Z")).updatesLate).toBe(0);
  });

  it("classifies on the rules' matrix, and follows a reclassification to its new target", () => {
    const lowLow = history([{ at: at("2026-11-27T09:30:00Z"), kind: "reclassify", impact: "HIGH", urgency: "HIGH" }], { impact: "LOW", urgency: "LOW" });
    const outcome = replayTicket(lowLow, current, at("2026-11-27T12:00:00Z"));
    expect(outcome.priority).toBe("P1");
    // P1's 15-minute L1 budget is already spent at 09:30: due at once.
    expect(outcome.spans[1]).toMatchObject({ tier: "L2", from: at("2026-11-27T09:30:00Z") });
  });

  it("measures each L4 stint against the vendor's targets for the priority, from hand-off to return", () => {
    // The vendor must respond in 30 min and resolve in 2 h, 24×7 (P1 at cloud-vendor).
    const vendor = replayRules({ version: 1, cells: DEFAULT_MATRIX_CELLS }, DEFAULT_SLA_TARGETS, calendars, new Map([["cloud-vendor", new Map<Priority, VendorTargetData>([["P1", { priority: "P1", responseMinutes: 30, resolutionMinutes: 120, calendar: ALWAYS }]])]]));
    const toL4: ReplayStep = { at: at("2026-11-27T09:10:00Z"), kind: "move", tier: "L4", group: "cloud-vendor", resumes: true, escalation: true };
    const back: ReplayStep = { at: at("2026-11-27T12:00:00Z"), kind: "move", tier: "L3", group: "engineering-support", resumes: true, escalation: false };
    const late = replayTicket(history([reply("2026-11-27T09:05:00Z"), toL4, { at: at("2026-11-27T10:00:00Z"), kind: "vendor-responded", respondedAt: at("2026-11-27T09:50:00Z") }, back]), vendor, at("2026-11-28T00:00:00Z"));
    expect(late.vendor).toEqual({ response: 1, resolution: 1 });
    const inTime = replayTicket(history([reply("2026-11-27T09:05:00Z"), toL4, { at: at("2026-11-27T09:30:00Z"), kind: "vendor-responded", respondedAt: at("2026-11-27T09:30:00Z") }, { ...back, at: at("2026-11-27T11:00:00Z") }]), vendor, at("2026-11-28T00:00:00Z"));
    expect(inTime.vendor).toEqual({ response: 0, resolution: 0 });
    // Still with the vendor and unanswered at `now`: late on both once their due times pass.
    expect(replayTicket(history([reply("2026-11-27T09:05:00Z"), toL4]), vendor, at("2026-11-27T09:30:00Z")).vendor).toEqual({ response: 0, resolution: 0 });
    expect(replayTicket(history([reply("2026-11-27T09:05:00Z"), toL4]), vendor, at("2026-11-27T11:30:00Z")).vendor).toEqual({ response: 1, resolution: 1 });
    // A group with no target for the priority measures nothing.
    expect(replayTicket(history([reply("2026-11-27T09:05:00Z"), toL4]), current, at("2026-11-28T00:00:00Z")).vendor).toEqual({ response: 0, resolution: 0 });
  });

  it("counts business hours: a P3 opened Friday 17:00 is due for a first response Monday 09:00", () => {
    const p3 = (iso: string) => history([reply(iso)], { createdAt: at("2026-11-27T17:00:00Z"), impact: "MEDIUM", urgency: "MEDIUM" });
    expect(replayTicket(p3("2026-11-30T08:59:00Z"), current, at("2026-11-30T12:00:00Z")).firstResponse).toBe("met");
    expect(replayTicket(p3("2026-11-30T09:01:00Z"), current, at("2026-11-30T12:00:00Z")).firstResponse).toBe("breached");
  });
});
