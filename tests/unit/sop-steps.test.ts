import { describe, expect, it } from "vitest";
import { checkSopGuard } from "@/lib/routing/sop-guard";
import { openRequiredSteps, parseSopSteps, quoteSteps } from "@/lib/tickets/core/sop-steps";

describe("SOP steps are the article's task-list items", () => {
  it("reads - [ ], * [x] and numbered task items in order, and nothing else", () => {
    const body = [
      "Intro line with a list that is not a checklist:",
      "- a plain bullet",
      "1. a plain numbered item",
      "",
      "- [ ] Check the status page.",
      "* [x] Record the **error** text.",
      "2. [ ] Ask who is affected",
      "   + [X]   Reproduce from the support tenant   ",
      "",
      "Closing words - [ ] not at the start",
    ].join("\n");
    expect(parseSopSteps(body)).toEqual([
      { text: "Check the status page.", required: false },
      { text: "Record the **error** text.", required: false },
      { text: "Ask who is affected", required: false },
      { text: "Reproduce from the support tenant", required: false },
    ]);
  });

  it("a trailing (required), any case, makes the step required and is not part of its text", () => {
    expect(parseSopSteps("- [ ] Verify the caller's identity (required)\n- [ ] Check SSO (REQUIRED)\r\n- [ ] Note (required) in the middle")).toEqual([
      { text: "Verify the caller's identity", required: true },
      { text: "Check SSO", required: true },
      { text: "Note (required) in the middle", required: false },
    ]);
  });

  it("an article without task items has no steps; an empty item or a repeated one is not a second step", () => {
    expect(parseSopSteps("1. Check the status page.\n- Ask who is affected")).toEqual([]);
    expect(parseSopSteps("")).toEqual([]);
    expect(parseSopSteps("- [ ] (required)\n- [ ] Same step\n- [ ] Same step (required)")).toEqual([{ text: "Same step", required: false }]);
  });

  it("keeps emoji and right-to-left text as written", () => {
    expect(parseSopSteps("- [ ] تحقق من الحالة 🚦 (required)")).toEqual([{ text: "تحقق من الحالة 🚦", required: true }]);
  });

  it("names the required steps still open, in the SOP's order", () => {
    const steps = parseSopSteps("- [ ] A (required)\n- [ ] B\n- [ ] C (required)\n- [ ] D (required)");
    expect(openRequiredSteps(steps, new Set(["C", "B"]))).toEqual(["A", "D"]);
    expect(openRequiredSteps(steps, new Set(["A", "C", "D"]))).toEqual([]);
    expect(quoteSteps(["A", "D"])).toBe("“A” and “D”");
    expect(quoteSteps(["A", "B", "C"])).toBe("“A”, “B” and “C”");
  });
});

describe("the L1 → L2 SOP guard", () => {
  it("holds L1 while required steps are open, naming them; an override with its reason lets it pass", () => {
    expect(checkSopGuard("L1", ["A", "B"], undefined)).toEqual({
      ok: false,
      code: "CONFLICT",
      message: "Tick the 2 required SOP steps before escalating to L2, or override the SOP with a reason: “A” and “B” are still open.",
      openSteps: ["A", "B"],
    });
    expect(checkSopGuard("L1", ["A"], undefined)).toMatchObject({ ok: false, message: expect.stringMatching(/^Tick the required SOP step before .*“A” is still open\.$/) });
    expect(checkSopGuard("L1", ["A"], "The customer cannot wait")).toEqual({ ok: true, override: "The customer cannot wait" });
  });

  it("passes when nothing is open (an override is then not recorded) and never holds the higher tiers", () => {
    expect(checkSopGuard("L1", [], "Not needed")).toEqual({ ok: true, override: null });
    expect(checkSopGuard("L2", ["A"], undefined)).toEqual({ ok: true, override: null });
    expect(checkSopGuard("L3", ["A"], undefined)).toEqual({ ok: true, override: null });
  });
});
