import { describe, expect, it } from "vitest";
import { DEFAULT_CALENDAR, DEFAULT_MATRIX, DEFAULT_SLA_TARGETS } from "@/lib/routing/defaults";
import { INTAKE_GROUP_SLUG, planIntake, type IntakeInput } from "@/lib/routing/intake";
import { oneCalendar } from "@/lib/routing/clocks";
import type { MatrixData } from "@/lib/routing/matrix";

// 2026-11-27 is a Friday; 2026-11-30 a Monday.
const levels = ["HIGH", "MEDIUM", "LOW"] as const;
const matrix = (version: number): MatrixData => ({
  version,
  cells: levels.flatMap((impact) => levels.map((urgency) => ({ impact, urgency, priority: DEFAULT_MATRIX[impact][urgency] }))),
});

function input(overrides: Partial<IntakeInput> = {}): IntakeInput {
  return {
    now: new Date("2026-11-27T10:00:00.000Z"),
    hints: {},
    category: { slug: "platform", name: "Platform", defaultImpact: "MEDIUM", defaultUrgency: "HIGH" },
    matrix: matrix(1),
    targets: DEFAULT_SLA_TARGETS,
    calendars: oneCalendar(DEFAULT_CALENDAR),
    group: { slug: "service-desk", name: "Service Desk", assignmentMode: "PULL" },
    customer: { userId: "C1001", organization: "Acme Corp" },
    channel: "PORTAL",
    openedBy: null,
    ...overrides,
  };
}

describe("INTAKE_GROUP_SLUG", () => {
  it("is the service desk", () => {
    expect(INTAKE_GROUP_SLUG).toBe("service-desk");
  });
});

describe("planIntake", () => {
  it("classifies from the category defaults when the customer gives no hints", () => {
    const plan = planIntake(input());
    expect(plan.impact).toBe("MEDIUM");
    expect(plan.urgency).toBe("HIGH");
    expect(plan.priority).toBe("P2");
    // P2 runs on the 24×7 clock: +30 min, +8 h (warning at 75 %: +6 h), +60 min, L1 budget +30 min.
    const now = new Date("2026-11-27T10:00:00.000Z");
    expect(plan.clocks).toEqual({
      status: "NEW",
      tier: "L1",
      slaSecondsUsed: 0,
      slaClockSince: now,
      tierSecondsUsed: { L1: 0, L2: 0, L3: 0 },
      tierClockSince: now,
      vendorSecondsUsed: 0,
      vendorClockSince: null,
      firstRespondedAt: null,
      nextUpdateDueAt: new Date("2026-11-27T11:00:00.000Z"),
      firstResponseDueAt: new Date("2026-11-27T10:30:00.000Z"),
      resolutionDueAt: new Date("2026-11-27T18:00:00.000Z"),
      resolutionWarnAt: new Date("2026-11-27T16:00:00.000Z"),
      tierBudgetEndsAt: new Date("2026-11-27T10:30:00.000Z"),
      tierBudgetWarnAt: new Date("2026-11-27T10:22:30.000Z"),
    });
  });

  it("starts the clocks of a business-hours priority on the calendar", () => {
    // LOW × LOW → P5 from Saturday: every clock starts Monday 08:00. 16 h response: Monday 10 h + Tuesday 6 h;
    // 80 h resolution: eight full days → Wednesday 2026-12-09 18:00; warning 60 h: six days → Monday 2026-12-07 18:00.
    const plan = planIntake(input({ now: new Date("2026-11-28T12:00:00.000Z"), hints: { impact: "LOW", urgency: "LOW" } }));
    expect(plan.priority).toBe("P5");
    expect(plan.clocks.firstResponseDueAt?.toISOString()).toBe("2026-12-01T14:00:00.000Z");
    expect(plan.clocks.resolutionDueAt?.toISOString()).toBe("2026-12-09T18:00:00.000Z");
    expect(plan.clocks.resolutionWarnAt?.toISOString()).toBe("2026-12-07T18:00:00.000Z");
    expect(plan.clocks.nextUpdateDueAt?.toISOString()).toBe("2026-12-01T14:00:00.000Z");
    expect(plan.clocks.tierBudgetEndsAt?.toISOString()).toBe("2026-12-01T14:00:00.000Z");
    // The clocks started at the instant of intake; the calendar decides what counts.
    expect(plan.clocks.slaClockSince?.toISOString()).toBe("2026-11-28T12:00:00.000Z");
    expect(plan.classified.inputs.due).toEqual({
      firstResponseAt: "2026-12-01T14:00:00.000Z",
      resolutionAt: "2026-12-09T18:00:00.000Z",
      nextUpdateAt: "2026-12-01T14:00:00.000Z",
      tierBudgetEndsAt: "2026-12-01T14:00:00.000Z",
    });
  });

  it("records the created event for a pull queue and a customer with an organization", () => {
    expect(planIntake(input()).created).toEqual({
      rule: "intake.l1",
      inputs: { group: "service-desk", assignmentMode: "PULL", category: "platform", channel: "PORTAL" },
      reason: "Opened by C1001 (Acme Corp); entered L1 at Service Desk, a pull queue, so it waits there for an L1 agent to claim it.",
    });
  });

  it("words an auto-assigning group differently, and leaves out a missing organization", () => {
    const plan = planIntake(
      input({
        group: { slug: "desk-auto", name: "Auto Desk", assignmentMode: "AUTO" },
        customer: { userId: "C2002", organization: null },
      }),
    );
    expect(plan.created).toEqual({
      rule: "intake.l1",
      inputs: { group: "desk-auto", assignmentMode: "AUTO", category: "platform", channel: "PORTAL" },
      reason: "Opened by C2002; entered L1 at Auto Desk, an auto-assigning group.",
    });
  });

  it("says who logged a contact, for whom and by which channel", () => {
    const plan = planIntake(input({ channel: "PHONE", openedBy: { userId: "l1agent", name: "Lena L1" } }));
    expect(plan.created).toEqual({
      rule: "intake.l1",
      inputs: { group: "service-desk", assignmentMode: "PULL", category: "platform", channel: "PHONE", openedBy: "l1agent", customer: "C1001" },
      reason: "Opened by Lena L1 (l1agent) for C1001 (Acme Corp) by phone; entered L1 at Service Desk, a pull queue, so it waits there for an L1 agent to claim it.",
    });
  });

  it("records the classified event with its sources and due times, from category defaults", () => {
    expect(planIntake(input()).classified).toEqual({
      rule: "matrix.cell",
      inputs: {
        matrixVersion: 1,
        impact: "MEDIUM",
        impactSource: "category default",
        urgency: "HIGH",
        urgencySource: "category default",
        cell: "MEDIUM×HIGH",
        priority: "P2",
        clock: "ALWAYS",
        due: {
          firstResponseAt: "2026-11-27T10:30:00.000Z",
          resolutionAt: "2026-11-27T18:00:00.000Z",
          nextUpdateAt: "2026-11-27T11:00:00.000Z",
          tierBudgetEndsAt: "2026-11-27T10:30:00.000Z",
        },
      },
      reason: "Classified P2 by priority matrix v1: impact Medium (default for Platform) × urgency High (default for Platform).",
    });
  });

  it("lets the customer's hints override both category defaults", () => {
    const plan = planIntake(input({ hints: { impact: "HIGH", urgency: "LOW" } }));
    expect(plan.impact).toBe("HIGH");
    expect(plan.urgency).toBe("LOW");
    expect(plan.priority).toBe("P3");
    // P3 on business hours from Friday 10:00: 2 h → 12:00; 16 h → 8 h Friday + 8 h Monday → Monday 16:00;
    // update and L1 budget 4 h → 14:00.
    expect(plan.classified).toEqual({
      rule: "matrix.cell",
      inputs: {
        matrixVersion: 1,
        impact: "HIGH",
        impactSource: "customer",
        urgency: "LOW",
        urgencySource: "customer",
        cell: "HIGH×LOW",
        priority: "P3",
        clock: "BUSINESS_HOURS",
        due: {
          firstResponseAt: "2026-11-27T12:00:00.000Z",
          resolutionAt: "2026-11-30T16:00:00.000Z",
          nextUpdateAt: "2026-11-27T14:00:00.000Z",
          tierBudgetEndsAt: "2026-11-27T14:00:00.000Z",
        },
      },
      reason: "Classified P3 by priority matrix v1: impact High (from the customer) × urgency Low (from the customer).",
    });
  });

  it("mixes a customer's impact with the category's urgency", () => {
    const plan = planIntake(input({ hints: { impact: "LOW" }, matrix: matrix(4) }));
    expect(plan.priority).toBe("P3");
    expect(plan.classified.inputs).toMatchObject({
      matrixVersion: 4,
      impact: "LOW",
      impactSource: "customer",
      urgency: "HIGH",
      urgencySource: "category default",
      cell: "LOW×HIGH",
    });
    expect(plan.classified.reason).toBe(
      "Classified P3 by priority matrix v4: impact Low (from the customer) × urgency High (default for Platform).",
    );
  });

  it("mixes the category's impact with a customer's urgency", () => {
    const plan = planIntake(
      input({
        hints: { urgency: "LOW" },
        category: { slug: "access", name: "Accounts and access", defaultImpact: "LOW", defaultUrgency: "MEDIUM" },
      }),
    );
    expect(plan.priority).toBe("P5");
    expect(plan.classified.inputs).toMatchObject({ impactSource: "category default", urgencySource: "customer", cell: "LOW×LOW" });
    expect(plan.classified.reason).toBe(
      "Classified P5 by priority matrix v1: impact Low (default for Accounts and access) × urgency Low (from the customer).",
    );
    expect(plan.created.inputs.category).toBe("access");
  });

  it("records a hint equal to the default as coming from the customer", () => {
    const plan = planIntake(input({ hints: { impact: "MEDIUM", urgency: "HIGH" } }));
    expect(plan.priority).toBe("P2");
    expect(plan.classified.inputs).toMatchObject({ impactSource: "customer", urgencySource: "customer" });
  });

  it("fails when the matrix lacks the cell or the targets lack the priority", () => {
    expect(() => planIntake(input({ matrix: { version: 9, cells: [] } }))).toThrow(
      "Priority matrix v9 has no cell for impact MEDIUM × urgency HIGH.",
    );
    expect(() => planIntake(input({ targets: DEFAULT_SLA_TARGETS.filter((t) => t.priority !== "P2") }))).toThrow(
      "The matrix version has no SLA target for P2.",
    );
  });
});
