import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/actor";
import type { Tier } from "@/lib/db/generated/enums";
import type { TicketFacts } from "@/lib/routing/guards";
import { availableActions } from "@/lib/tickets/available-actions";
import { escalationSummaryDraft } from "@/lib/tickets/core/sop-steps";

const agent = (id: string, tier: Tier): Actor => ({ id, userId: id, name: `Agent ${id}`, role: "AGENT", tier, organizationId: null });
const l1 = agent("u-l1", "L1");
const otherL1 = agent("u-l1-other", "L1");
const l2 = agent("u-l2", "L2");
const l3 = agent("u-l3", "L3");
const manager: Actor = { id: "u-manager", userId: "manager", name: "Mia Manager", role: "MANAGER", tier: null, organizationId: null };

const facts = (overrides: Partial<TicketFacts> = {}): TicketFacts => ({
  tier: "L1",
  status: "ASSIGNED",
  assigneeId: l1.id,
  impact: "MEDIUM",
  urgency: "HIGH",
  categoryId: "cat-platform",
  ...overrides,
});

describe("availableActions: the buttons the ticket page shows", () => {
  it("an unassigned L1 ticket: any L1 agent may claim and work on it, nobody may escalate it yet", () => {
    const a = availableActions(otherL1, facts({ status: "NEW", assigneeId: null }));
    expect(a).toMatchObject({ claim: true, escalate: false, returnToLowerTier: false, reclassify: true, comment: true, assign: false });
    expect(a.statuses).toEqual(["IN_PROGRESS", "PENDING_CUSTOMER", "RESOLVED"]);
  });

  it("the L1 assignee escalates to L2 and sees no claim; another L1 agent only changes status or writes", () => {
    expect(availableActions(l1, facts())).toMatchObject({ claim: false, escalate: true, escalateTo: "L2", returnToLowerTier: false });
    expect(availableActions(otherL1, facts())).toMatchObject({ claim: false, escalate: false, reclassify: true, comment: true });
  });

  it("an agent of another tier gets no button at all", () => {
    const a = availableActions(l2, facts());
    expect(a).toMatchObject({ claim: false, escalate: false, returnToLowerTier: false, reclassify: false, comment: false, assign: false });
    expect(a.statuses).toEqual([]);
  });

  it("at L2 the assignee escalates to L3 or returns to L1; at L4 the L3 owner records the reply or resolves", () => {
    expect(availableActions(l2, facts({ tier: "L2", assigneeId: l2.id }))).toMatchObject({ escalate: true, escalateTo: "L3", returnToLowerTier: true });
    const atL4 = availableActions(l3, facts({ tier: "L4", status: "PENDING_VENDOR", assigneeId: l3.id }));
    expect(atL4).toMatchObject({ escalate: false, escalateTo: null, returnToLowerTier: true, comment: true });
    expect(atL4.statuses).toEqual(["RESOLVED"]);
  });

  it("managers assign and move any open ticket; a closed ticket offers nothing but reading", () => {
    expect(availableActions(manager, facts({ tier: "L3", assigneeId: l3.id }))).toMatchObject({ escalate: true, returnToLowerTier: true, assign: true, claim: false });
    const closed = availableActions(manager, facts({ status: "CLOSED" }));
    expect(closed).toMatchObject({ escalate: false, returnToLowerTier: false, assign: false, reclassify: false, comment: false });
    expect(closed.statuses).toEqual([]);
  });
});

describe("SOP steps and the escalation summary", () => {
  it("drafts the summary from the ticked steps and the internal notes", () => {
    expect(escalationSummaryDraft("SOP: Platform", ["Check the status page."], [{ author: "Lena First", body: "Request ID\nreq-1" }])).toBe(
      "Steps done (SOP: Platform):\n- [x] Check the status page.\n\nNotes:\n- Lena First: Request ID req-1",
    );
    expect(escalationSummaryDraft(null, [], [])).toBe("");
  });
});
