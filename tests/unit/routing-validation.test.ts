import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { DEFAULT_MATRIX_CELLS, DEFAULT_SLA_TARGETS } from "@/lib/routing/defaults";
import { parseInput } from "@/lib/validation/parse";
import {
  COMMENT_MAX,
  ZAddComment,
  ZAssignTicket,
  ZEscalateTicket,
  ZPriorityMatrix,
  ZReturnTicket,
  ZUpdateTicket,
  type PriorityMatrixInput,
} from "@/lib/validation/routing";

/** The field errors parseInput throws for `input`, or fails the test when it does not throw. */
function fieldErrors(schema: Parameters<typeof parseInput>[0], input: unknown): Record<string, string[]> {
  try {
    parseInput(schema, input);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("VALIDATION");
    return (error as AppError).fields ?? {};
  }
  throw new Error(`expected ${JSON.stringify(input)} to be rejected`);
}

const repeat = (n: number) => "x".repeat(n);

describe("ZEscalateTicket", () => {
  const valid = { reason: "L1 budget spent, login fails for every user", summary: "Checked status page; cleared cache; reproduced in two browsers." };

  it("accepts a reason and a summary, with an optional group and reference", () => {
    expect(ZEscalateTicket.parse(valid)).toEqual(valid);
    expect(ZEscalateTicket.parse({ ...valid, toGroup: "cloud-vendor", externalReference: "CASE-0042" })).toEqual({
      ...valid,
      toGroup: "cloud-vendor",
      externalReference: "CASE-0042",
    });
  });

  it("trims every text", () => {
    expect(ZEscalateTicket.parse({ reason: "  why  ", summary: "\nwhat\n", toGroup: " cloud-vendor ", externalReference: " CASE-1 " })).toEqual({
      reason: "why",
      summary: "what",
      toGroup: "cloud-vendor",
      externalReference: "CASE-1",
    });
  });

  it("needs a reason and a summary", () => {
    expect(fieldErrors(ZEscalateTicket, {})).toEqual({
      reason: ["Enter the reason."],
      summary: ["Enter a summary of the data gathered and the steps tried."],
    });
    expect(fieldErrors(ZEscalateTicket, { reason: "   ", summary: "" })).toEqual({
      reason: ["Enter the reason."],
      summary: ["Enter a summary of the data gathered and the steps tried."],
    });
    expect(fieldErrors(ZEscalateTicket, { reason: 42, summary: null })).toEqual({
      reason: ["Enter the reason."],
      summary: ["Enter a summary of the data gathered and the steps tried."],
    });
  });

  it("limits the reason to 2,000 and the summary to 20,000 characters after trimming", () => {
    expect(ZEscalateTicket.safeParse({ reason: repeat(2_000), summary: repeat(20_000) }).success).toBe(true);
    expect(ZEscalateTicket.safeParse({ reason: ` ${repeat(2_000)} `, summary: "s" }).success).toBe(true);
    expect(fieldErrors(ZEscalateTicket, { reason: repeat(2_001), summary: repeat(20_001) })).toEqual({
      reason: ["Keep the reason within 2,000 characters."],
      summary: ["Keep a summary of the data gathered and the steps tried within 20,000 characters."],
    });
  });

  it("needs the group to be a slug", () => {
    expect(fieldErrors(ZEscalateTicket, { ...valid, toGroup: "Cloud Vendor" })).toEqual({ toGroup: ["Choose a group."] });
    // An empty group fails both the length and the pattern, with the same message.
    expect(new Set(fieldErrors(ZEscalateTicket, { ...valid, toGroup: "" }).toGroup)).toEqual(new Set(["Choose a group."]));
    expect(fieldErrors(ZEscalateTicket, { ...valid, toGroup: repeat(65) })).toEqual({ toGroup: ["Choose a group."] });
    expect(ZEscalateTicket.safeParse({ ...valid, toGroup: repeat(64) }).success).toBe(true);
  });

  it("limits the external reference to 1–200 characters", () => {
    expect(ZEscalateTicket.safeParse({ ...valid, externalReference: repeat(200) }).success).toBe(true);
    expect(fieldErrors(ZEscalateTicket, { ...valid, externalReference: repeat(201) })).toEqual({
      externalReference: ["Keep the reference within 200 characters."],
    });
    expect(Object.keys(fieldErrors(ZEscalateTicket, { ...valid, externalReference: "   " }))).toEqual(["externalReference"]);
  });

  it("rejects unknown keys", () => {
    expect(fieldErrors(ZEscalateTicket, { ...valid, tier: "L4" })).toEqual({ _: ['Unrecognized key: "tier"'] });
  });
});

describe("ZReturnTicket", () => {
  it("accepts trimmed guidance", () => {
    expect(ZReturnTicket.parse({ guidance: "  Reset the SSO session, then retry.  " })).toEqual({ guidance: "Reset the SSO session, then retry." });
  });

  it("needs guidance of 1–20,000 characters", () => {
    expect(fieldErrors(ZReturnTicket, {})).toEqual({ guidance: ["Enter guidance for the lower tier."] });
    expect(fieldErrors(ZReturnTicket, { guidance: "  " })).toEqual({ guidance: ["Enter guidance for the lower tier."] });
    expect(ZReturnTicket.safeParse({ guidance: repeat(20_000) }).success).toBe(true);
    expect(fieldErrors(ZReturnTicket, { guidance: repeat(20_001) })).toEqual({ guidance: ["Keep guidance for the lower tier within 20,000 characters."] });
  });

  it("rejects unknown keys", () => {
    expect(fieldErrors(ZReturnTicket, { guidance: "g", toTier: "L1" })).toEqual({ _: ['Unrecognized key: "toTier"'] });
  });
});

describe("ZUpdateTicket", () => {
  it("accepts a version with one or more changes", () => {
    expect(ZUpdateTicket.parse({ version: 3, status: "RESOLVED" })).toEqual({ version: 3, status: "RESOLVED" });
    expect(ZUpdateTicket.parse({ version: 1, impact: "LOW" })).toEqual({ version: 1, impact: "LOW" });
    expect(ZUpdateTicket.parse({ version: 1, urgency: "HIGH" })).toEqual({ version: 1, urgency: "HIGH" });
    expect(ZUpdateTicket.parse({ version: 7, category: " access " })).toEqual({ version: 7, category: "access" });
    expect(ZUpdateTicket.parse({ version: 2, status: "PENDING_CUSTOMER", impact: "HIGH", urgency: "LOW", category: "platform" })).toEqual({
      version: 2,
      status: "PENDING_CUSTOMER",
      impact: "HIGH",
      urgency: "LOW",
      category: "platform",
    });
  });

  it("needs at least one change", () => {
    expect(fieldErrors(ZUpdateTicket, { version: 3 })).toEqual({ status: ["Nothing to change."] });
  });

  it("needs the version last read: a whole number of at least 1", () => {
    const message = { version: ["Send the version you last read."] };
    expect(fieldErrors(ZUpdateTicket, { status: "RESOLVED" })).toEqual(message);
    expect(fieldErrors(ZUpdateTicket, { version: "3", status: "RESOLVED" })).toEqual(message);
    expect(fieldErrors(ZUpdateTicket, { version: 0, status: "RESOLVED" })).toEqual(message);
    expect(fieldErrors(ZUpdateTicket, { version: 2.5, status: "RESOLVED" })).toEqual(message);
    expect(fieldErrors(ZUpdateTicket, {})).toEqual(message);
  });

  it("rejects unknown statuses, impacts, urgencies and categories", () => {
    expect(fieldErrors(ZUpdateTicket, { version: 1, status: "DONE" })).toEqual({ status: ["Unknown status."] });
    expect(fieldErrors(ZUpdateTicket, { version: 1, impact: "HUGE" })).toEqual({ impact: ["Unknown impact."] });
    expect(fieldErrors(ZUpdateTicket, { version: 1, urgency: "now" })).toEqual({ urgency: ["Unknown urgency."] });
    expect(fieldErrors(ZUpdateTicket, { version: 1, category: "Accounts & Access" })).toEqual({ category: ["Choose a category."] });
  });

  it("rejects unknown keys such as the tier or the priority", () => {
    expect(fieldErrors(ZUpdateTicket, { version: 1, status: "RESOLVED", priority: "P1" })).toEqual({ _: ['Unrecognized key: "priority"'] });
    // An unknown key is no change either.
    expect(fieldErrors(ZUpdateTicket, { version: 1, tier: "L2" })).toEqual({ _: ['Unrecognized key: "tier"'], status: ["Nothing to change."] });
  });
});

describe("ZAddComment", () => {
  it("defaults to a PUBLIC reply", () => {
    expect(ZAddComment.parse({ body: "We are on it." })).toEqual({ body: "We are on it.", visibility: "PUBLIC" });
  });

  it("accepts INTERNAL notes and trims the body", () => {
    expect(ZAddComment.parse({ body: "  checked logs  ", visibility: "INTERNAL" })).toEqual({ body: "checked logs", visibility: "INTERNAL" });
  });

  it("rejects other visibilities", () => {
    expect(fieldErrors(ZAddComment, { body: "x", visibility: "PRIVATE" })).toEqual({ visibility: ["PUBLIC or INTERNAL."] });
    expect(fieldErrors(ZAddComment, { body: "x", visibility: "public" })).toEqual({ visibility: ["PUBLIC or INTERNAL."] });
  });

  it("needs a body of 1–20,000 characters after trimming", () => {
    expect(COMMENT_MAX).toBe(20_000);
    expect(fieldErrors(ZAddComment, {})).toEqual({ body: ["Enter a message."] });
    expect(fieldErrors(ZAddComment, { body: " \n " })).toEqual({ body: ["Enter a message."] });
    expect(ZAddComment.safeParse({ body: repeat(20_000) }).success).toBe(true);
    expect(ZAddComment.safeParse({ body: `  ${repeat(20_000)}  ` }).success).toBe(true);
    expect(fieldErrors(ZAddComment, { body: repeat(20_001) })).toEqual({ body: ["Keep a message within 20,000 characters."] });
  });

  it("rejects unknown keys", () => {
    expect(fieldErrors(ZAddComment, { body: "x", author: "admin" })).toEqual({ _: ['Unrecognized key: "author"'] });
  });
});

describe("ZAssignTicket", () => {
  it("accepts a user, a group, or both", () => {
    expect(ZAssignTicket.parse({ userId: "l2agent" })).toEqual({ userId: "l2agent" });
    expect(ZAssignTicket.parse({ group: "platform-support" })).toEqual({ group: "platform-support" });
    expect(ZAssignTicket.parse({ userId: " l2agent ", group: " platform-support " })).toEqual({ userId: "l2agent", group: "platform-support" });
  });

  it("needs a user or a group", () => {
    expect(fieldErrors(ZAssignTicket, {})).toEqual({ userId: ["Give a userId, a group, or both."] });
  });

  it("rejects a blank or too long user ID", () => {
    expect(fieldErrors(ZAssignTicket, { userId: "  " }).userId).toContain("Give a userId, a group, or both.");
    expect(Object.keys(fieldErrors(ZAssignTicket, { userId: repeat(65) }))).toEqual(["userId"]);
    expect(ZAssignTicket.safeParse({ userId: repeat(64) }).success).toBe(true);
  });

  it("needs the group to be a slug", () => {
    expect(fieldErrors(ZAssignTicket, { group: "Platform Support" })).toEqual({ group: ["Choose a group."] });
  });

  it("rejects unknown keys", () => {
    expect(fieldErrors(ZAssignTicket, { userId: "l2agent", tier: "L2" })).toEqual({ _: ['Unrecognized key: "tier"'] });
  });
});

describe("ZPriorityMatrix", () => {
  const validMatrix = (): PriorityMatrixInput => ({
    cells: DEFAULT_MATRIX_CELLS.map((c) => ({ ...c })),
    targets: DEFAULT_SLA_TARGETS.map((t) => ({
      priority: t.priority,
      firstResponseMinutes: t.firstResponseMinutes,
      resolutionMinutes: t.resolutionMinutes,
      updateEveryMinutes: t.updateEveryMinutes,
      tierBudgetMinutes: { L1: t.l1BudgetMinutes, L2: t.l2BudgetMinutes, L3: t.l3BudgetMinutes },
      businessHours: t.clock === "BUSINESS_HOURS",
    })),
  });

  /** The valid matrix with target `index` changed. */
  function withTarget(index: number, change: Record<string, unknown>) {
    const m = validMatrix();
    return { ...m, targets: m.targets.map((t, i) => (i === index ? { ...t, ...change } : t)) };
  }

  it("accepts the default matrix and its targets, with an optional note", () => {
    const m = validMatrix();
    expect(ZPriorityMatrix.parse(m)).toEqual(m);
    expect(ZPriorityMatrix.parse({ ...m, note: "  Q4 review  " }).note).toBe("Q4 review");
  });

  it("accepts targets whose first response, updates and budgets equal the resolution", () => {
    expect(ZPriorityMatrix.safeParse(withTarget(0, { firstResponseMinutes: 240, updateEveryMinutes: 240, tierBudgetMinutes: { L1: 240, L2: 240, L3: 240 } })).success).toBe(true);
  });

  it("needs exactly 9 cells", () => {
    const m = validMatrix();
    expect(fieldErrors(ZPriorityMatrix, { ...m, cells: m.cells.slice(0, 8) })).toEqual({ cells: ["Give all 9 cells."] });
    expect(fieldErrors(ZPriorityMatrix, { ...m, cells: [...m.cells, m.cells[0]] })).toEqual({ cells: ["Give all 9 cells."] });
    // Too few and repeated: both problems are named.
    expect(fieldErrors(ZPriorityMatrix, { ...m, cells: [...m.cells.slice(0, 7), m.cells[0]] })).toEqual({
      cells: ["Give all 9 cells.", "Each impact × urgency cell appears once."],
    });
    expect(fieldErrors(ZPriorityMatrix, { ...m, cells: [] })).toEqual({ cells: ["Give all 9 cells."] });
  });

  it("needs the 9 cells to be distinct", () => {
    const m = validMatrix();
    // HIGH×HIGH twice, LOW×LOW missing.
    const cells = [...m.cells.slice(0, 8), { impact: "HIGH", urgency: "HIGH", priority: "P5" }];
    expect(fieldErrors(ZPriorityMatrix, { ...m, cells })).toEqual({ cells: ["Each impact × urgency cell appears once."] });
  });

  it("rejects unknown impacts, urgencies and priorities in a cell", () => {
    const m = validMatrix();
    const cells = m.cells.map((c, i) => (i === 4 ? { ...c, priority: "P6" } : c));
    expect(Object.keys(fieldErrors(ZPriorityMatrix, { ...m, cells }))).toEqual(["cells.4.priority"]);
    const badImpact = m.cells.map((c, i) => (i === 0 ? { ...c, impact: "CRITICAL" } : c));
    expect(Object.keys(fieldErrors(ZPriorityMatrix, { ...m, cells: badImpact }))).toEqual(["cells.0.impact"]);
  });

  it("needs exactly 5 targets for 5 distinct priorities", () => {
    const m = validMatrix();
    expect(fieldErrors(ZPriorityMatrix, { ...m, targets: m.targets.slice(1) })).toEqual({ targets: ["Give a target for each of P1–P5."] });
    expect(fieldErrors(ZPriorityMatrix, { ...m, targets: [...m.targets.slice(1), m.targets[1]] })).toEqual({ targets: ["Each priority has one target."] });
  });

  it("refuses a first response after the resolution", () => {
    expect(fieldErrors(ZPriorityMatrix, withTarget(2, { firstResponseMinutes: 961 }))).toEqual({
      "targets.2.firstResponseMinutes": ["First response cannot come after resolution."],
    });
  });

  it("refuses an update cadence longer than the resolution", () => {
    expect(fieldErrors(ZPriorityMatrix, withTarget(0, { updateEveryMinutes: 241 }))).toEqual({
      "targets.0.updateEveryMinutes": ["Updates must come at least once before the resolution target."],
    });
  });

  it("refuses a tier budget longer than the resolution, naming the tier", () => {
    expect(fieldErrors(ZPriorityMatrix, withTarget(1, { tierBudgetMinutes: { L1: 30, L2: 481, L3: 240 } }))).toEqual({
      "targets.1.tierBudgetMinutes.L2": ["The L2 budget cannot exceed the resolution target."],
    });
    expect(fieldErrors(ZPriorityMatrix, withTarget(4, { resolutionMinutes: 100, firstResponseMinutes: 10, updateEveryMinutes: 10, tierBudgetMinutes: { L1: 101, L2: 100, L3: 200 } }))).toEqual({
      "targets.4.tierBudgetMinutes.L1": ["The L1 budget cannot exceed the resolution target."],
      "targets.4.tierBudgetMinutes.L3": ["The L3 budget cannot exceed the resolution target."],
    });
  });

  it("reports every inconsistency of one target at once", () => {
    expect(fieldErrors(ZPriorityMatrix, withTarget(3, { resolutionMinutes: 60, firstResponseMinutes: 61, updateEveryMinutes: 61, tierBudgetMinutes: { L1: 60, L2: 60, L3: 61 } }))).toEqual({
      "targets.3.firstResponseMinutes": ["First response cannot come after resolution."],
      "targets.3.updateEveryMinutes": ["Updates must come at least once before the resolution target."],
      "targets.3.tierBudgetMinutes.L3": ["The L3 budget cannot exceed the resolution target."],
    });
  });

  it("needs whole minutes of at least 1, at most a year", () => {
    expect(fieldErrors(ZPriorityMatrix, withTarget(0, { firstResponseMinutes: 1.5 }))).toEqual({ "targets.0.firstResponseMinutes": ["firstResponseMinutes: whole minutes."] });
    expect(fieldErrors(ZPriorityMatrix, withTarget(0, { firstResponseMinutes: 0 }))).toEqual({ "targets.0.firstResponseMinutes": ["firstResponseMinutes: at least 1 minute."] });
    expect(fieldErrors(ZPriorityMatrix, withTarget(2, { updateEveryMinutes: 0.25 }))).toEqual({ "targets.2.updateEveryMinutes": ["updateEveryMinutes: whole minutes."] });
    expect(fieldErrors(ZPriorityMatrix, withTarget(1, { resolutionMinutes: 525_601 }))).toEqual({ "targets.1.resolutionMinutes": ["resolutionMinutes: at most a year."] });
    expect(fieldErrors(ZPriorityMatrix, withTarget(1, { resolutionMinutes: "480" }))).toEqual({ "targets.1.resolutionMinutes": ["resolutionMinutes: a number of minutes."] });
  });

  it("needs whole minutes of at least 1 in every tier budget", () => {
    expect(fieldErrors(ZPriorityMatrix, withTarget(0, { tierBudgetMinutes: { L1: 0, L2: 2.5, L3: "x" } }))).toEqual({
      "targets.0.tierBudgetMinutes.L1": ["L1: at least 1 minute."],
      "targets.0.tierBudgetMinutes.L2": ["L2: whole minutes."],
      "targets.0.tierBudgetMinutes.L3": ["L3: a number of minutes."],
    });
    expect(Object.keys(fieldErrors(ZPriorityMatrix, withTarget(0, { tierBudgetMinutes: { L1: 15, L2: 60 } })))).toEqual(["targets.0.tierBudgetMinutes.L3"]);
  });

  it("needs businessHours to be a boolean and rejects unknown keys in a target", () => {
    expect(Object.keys(fieldErrors(ZPriorityMatrix, withTarget(0, { businessHours: "yes" })))).toEqual(["targets.0.businessHours"]);
    expect(fieldErrors(ZPriorityMatrix, withTarget(0, { clock: "ALWAYS" }))).toEqual({ "targets.0": ['Unrecognized key: "clock"'] });
  });

  it("limits the note to 500 characters and rejects unknown keys", () => {
    expect(ZPriorityMatrix.safeParse({ ...validMatrix(), note: repeat(500) }).success).toBe(true);
    expect(Object.keys(fieldErrors(ZPriorityMatrix, { ...validMatrix(), note: repeat(501) }))).toEqual(["note"]);
    expect(fieldErrors(ZPriorityMatrix, { ...validMatrix(), publishedBy: "x" })).toEqual({ _: ['Unrecognized key: "publishedBy"'] });
  });

  it("accepts the version the edit started from (GET's shape), a positive whole number", () => {
    expect(ZPriorityMatrix.safeParse({ ...validMatrix(), version: 3 }).success).toBe(true);
    expect(Object.keys(fieldErrors(ZPriorityMatrix, { ...validMatrix(), version: 0 }))).toEqual(["version"]);
    expect(Object.keys(fieldErrors(ZPriorityMatrix, { ...validMatrix(), version: 1.5 }))).toEqual(["version"]);
  });
});
