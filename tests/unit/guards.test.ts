import { describe, expect, it } from "vitest";
import { MANUAL_STATUSES } from "@/lib/validation/routing";
import type { Actor } from "@/lib/actor";
import type { TicketStatus, Tier } from "@/lib/db/generated/enums";
import { checkClaim, checkEscalation, checkReturn, checkStatusChange, checkVendorResponse, CLOSED_STATUSES, NEXT_TIER, PREVIOUS_TIER, worksAtTier, type GroupFacts, type TicketFacts } from "@/lib/routing/guards";
import { refusalError, type Refusal, type Verdict } from "@/lib/refusal";

const agent = (id: string, tier: Tier): Actor => ({ id, userId: id, name: `Agent ${id}`, role: "AGENT", tier, organizationId: null });
const l1 = agent("u-l1", "L1");
const otherL1 = agent("u-l1-other", "L1");
const l2 = agent("u-l2", "L2");
const otherL2 = agent("u-l2-other", "L2");
const l3 = agent("u-l3", "L3");
const otherL3 = agent("u-l3-other", "L3");
const l4 = agent("u-l4", "L4");
const manager: Actor = { id: "u-manager", userId: "manager", name: "Max Manager", role: "MANAGER", tier: null, organizationId: null };
const admin: Actor = { id: "u-admin", userId: "admin", name: "Ada Admin", role: "ADMIN", tier: null, organizationId: null };
const customer: Actor = { id: "u-cust", userId: "C1001", name: "Carla Customer", role: "CUSTOMER", tier: null, organizationId: "org-1" };
const tierlessAgent: Actor = { id: "u-agent-x", userId: "agentx", name: "Agent X", role: "AGENT", tier: null, organizationId: null };

/** A classified, assigned ticket in progress: at L4 the assignee is still the L3 owner. */
function ticket(tier: Tier, overrides: Partial<TicketFacts> = {}): TicketFacts {
  const owner = { L1: l1, L2: l2, L3: l3, L4: l3 }[tier];
  return { tier, status: tier === "L4" ? "PENDING_VENDOR" : "IN_PROGRESS", assigneeId: owner.id, impact: "HIGH", urgency: "MEDIUM", categoryId: "cat-platform", ...overrides };
}

const serviceDesk: GroupFacts = { slug: "service-desk", tier: "L1", l4Kind: null };
const platform: GroupFacts = { slug: "platform-support", tier: "L2", l4Kind: null };
const engineering: GroupFacts = { slug: "engineering-support", tier: "L3", l4Kind: null };
const cloudVendor: GroupFacts = { slug: "cloud-vendor", tier: "L4", l4Kind: "VENDOR" };
const architecture: GroupFacts = { slug: "architecture", tier: "L4", l4Kind: "ENGINEERING" };

describe("tier tables", () => {
  it("steps one tier up and down, with nothing above L4 or below L1", () => {
    expect(NEXT_TIER).toEqual({ L1: "L2", L2: "L3", L3: "L4", L4: null });
    expect(PREVIOUS_TIER).toEqual({ L1: null, L2: "L1", L3: "L2", L4: "L3" });
  });

  it("treats RESOLVED and CLOSED as closed, and lets four statuses be set by hand", () => {
    expect(CLOSED_STATUSES).toEqual(["RESOLVED", "CLOSED"]);
    expect(MANUAL_STATUSES).toEqual(["IN_PROGRESS", "PENDING_CUSTOMER", "RESOLVED", "CLOSED"]);
  });
});

describe("worksAtTier", () => {
  it("lets agents work at their own tier only", () => {
    expect((["L1", "L2", "L3", "L4"] as const).map((t) => worksAtTier(l2, t))).toEqual([false, true, false, false]);
    expect(worksAtTier(l4, "L4")).toBe(true);
    expect(worksAtTier(l4, "L3")).toBe(false);
  });

  it("lets managers and admins work at every tier", () => {
    for (const tier of ["L1", "L2", "L3", "L4"] as const) {
      expect(worksAtTier(manager, tier)).toBe(true);
      expect(worksAtTier(admin, tier)).toBe(true);
    }
  });

  it("refuses customers and agents without a tier", () => {
    for (const tier of ["L1", "L2", "L3", "L4"] as const) {
      expect(worksAtTier(customer, tier)).toBe(false);
      expect(worksAtTier(tierlessAgent, tier)).toBe(false);
    }
  });

  it("does not let a customer with a tier pass as an agent", () => {
    expect(worksAtTier({ ...customer, tier: "L1" }, "L1")).toBe(false);
  });
});

describe("checkEscalation: refusals", () => {
  it("refuses a resolved or closed ticket, even for a manager (409)", () => {
    const refusal = { ok: false, code: "CONFLICT", message: "A resolved or closed ticket cannot be escalated." };
    expect(checkEscalation(l1, ticket("L1", { status: "RESOLVED" }), platform, undefined)).toEqual(refusal);
    expect(checkEscalation(manager, ticket("L2", { status: "CLOSED" }), engineering, undefined)).toEqual(refusal);
    // Closed comes first: even at L4.
    expect(checkEscalation(otherL1, ticket("L4", { status: "CLOSED" }), cloudVendor, "CASE-1")).toEqual(refusal);
  });

  it("refuses anything above L4 (409), for the L3 owner and for a manager", () => {
    const refusal = { ok: false, code: "CONFLICT", message: "The ticket is at L4 already: there is no tier above it." };
    expect(checkEscalation(l3, ticket("L4"), cloudVendor, "CASE-1")).toEqual(refusal);
    expect(checkEscalation(manager, ticket("L4"), architecture, "ARCH-7")).toEqual(refusal);
  });

  it("refuses an agent of the same tier who is not the assignee (403)", () => {
    expect(checkEscalation(otherL1, ticket("L1"), platform, undefined)).toEqual({
      ok: false,
      code: "FORBIDDEN",
      message: "Only the L1 assignee or a manager may escalate this ticket.",
    });
    expect(checkEscalation(otherL3, ticket("L3"), cloudVendor, "CASE-1")).toEqual({
      ok: false,
      code: "FORBIDDEN",
      message: "Only the L3 assignee or a manager may escalate this ticket.",
    });
  });

  it("refuses an unassigned ticket to agents", () => {
    expect(checkEscalation(l1, ticket("L1", { assigneeId: null, status: "NEW" }), platform, undefined)).toMatchObject({ ok: false, code: "FORBIDDEN" });
  });

  it("refuses an agent of another tier, even one recorded as the assignee (403)", () => {
    expect(checkEscalation(l2, ticket("L1", { assigneeId: l2.id }), platform, undefined)).toEqual({
      ok: false,
      code: "FORBIDDEN",
      message: "Only the L1 assignee or a manager may escalate this ticket.",
    });
    expect(checkEscalation(l1, ticket("L2", { assigneeId: l1.id }), engineering, undefined)).toEqual({
      ok: false,
      code: "FORBIDDEN",
      message: "Only the L2 assignee or a manager may escalate this ticket.",
    });
  });

  it("refuses customers (403)", () => {
    expect(checkEscalation(customer, ticket("L1", { assigneeId: customer.id }), platform, undefined)).toMatchObject({ ok: false, code: "FORBIDDEN" });
  });

  it("refuses a ticket whose classification is incomplete (400 on category)", () => {
    const refusal = { ok: false, code: "VALIDATION", field: "category", message: "Classify the ticket completely before escalating it." };
    expect(checkEscalation(l1, ticket("L1", { impact: null }), platform, undefined)).toEqual(refusal);
    expect(checkEscalation(l1, ticket("L1", { urgency: null }), platform, undefined)).toEqual(refusal);
    expect(checkEscalation(l1, ticket("L1", { categoryId: null }), platform, undefined)).toEqual(refusal);
    expect(checkEscalation(manager, ticket("L2", { impact: null, urgency: null, categoryId: null }), engineering, undefined)).toEqual(refusal);
  });

  it("checks who may escalate before the classification", () => {
    expect(checkEscalation(otherL1, ticket("L1", { impact: null }), platform, undefined)).toMatchObject({ code: "FORBIDDEN" });
  });

  it("refuses a target group that is not at the next tier (400 on toGroup)", () => {
    expect(checkEscalation(l1, ticket("L1"), engineering, undefined)).toEqual({
      ok: false,
      code: "VALIDATION",
      field: "toGroup",
      message: "Escalation from L1 goes to an L2 group; engineering-support is L3.",
    });
    expect(checkEscalation(l1, ticket("L1"), serviceDesk, undefined)).toEqual({
      ok: false,
      code: "VALIDATION",
      field: "toGroup",
      message: "Escalation from L1 goes to an L2 group; service-desk is L1.",
    });
    expect(checkEscalation(l2, ticket("L2"), cloudVendor, "CASE-1")).toEqual({
      ok: false,
      code: "VALIDATION",
      field: "toGroup",
      message: "Escalation from L2 goes to an L3 group; cloud-vendor is L4.",
    });
    expect(checkEscalation(manager, ticket("L3"), platform, "CASE-1")).toEqual({
      ok: false,
      code: "VALIDATION",
      field: "toGroup",
      message: "Escalation from L3 goes to an L4 group; platform-support is L2.",
    });
  });

  it("refuses an L4 handoff without the vendor's or team's reference (400 on externalReference)", () => {
    const refusal = { ok: false, code: "VALIDATION", field: "externalReference", message: "Give the vendor's or team's reference for an L4 handoff." };
    expect(checkEscalation(l3, ticket("L3"), cloudVendor, undefined)).toEqual(refusal);
    expect(checkEscalation(l3, ticket("L3"), architecture, "")).toEqual(refusal);
    expect(checkEscalation(manager, ticket("L3"), cloudVendor, undefined)).toEqual(refusal);
  });
});

describe("checkEscalation: acceptances", () => {
  it("lets the assignee escalate one tier up", () => {
    expect(checkEscalation(l1, ticket("L1"), platform, undefined)).toEqual({ ok: true, toTier: "L2", group: platform });
    expect(checkEscalation(l2, ticket("L2"), engineering, undefined)).toEqual({ ok: true, toTier: "L3", group: engineering });
    expect(checkEscalation(l3, ticket("L3"), cloudVendor, "CASE-1")).toEqual({ ok: true, toTier: "L4", group: cloudVendor });
    expect(checkEscalation(l3, ticket("L3"), architecture, "ARCH-7")).toEqual({ ok: true, toTier: "L4", group: architecture });
  });

  it("lets a manager or an admin escalate a ticket they are not assigned to", () => {
    expect(checkEscalation(manager, ticket("L1"), platform, undefined)).toEqual({ ok: true, toTier: "L2", group: platform });
    expect(checkEscalation(admin, ticket("L2", { assigneeId: null, status: "NEW" }), engineering, undefined)).toEqual({ ok: true, toTier: "L3", group: engineering });
    expect(checkEscalation(manager, ticket("L3"), cloudVendor, "CASE-1")).toEqual({ ok: true, toTier: "L4", group: cloudVendor });
  });

  it("ignores an external reference below L4", () => {
    expect(checkEscalation(l1, ticket("L1"), platform, "CASE-1")).toEqual({ ok: true, toTier: "L2", group: platform });
  });

  it("lets a ticket waiting on the customer be escalated", () => {
    expect(checkEscalation(l1, ticket("L1", { status: "PENDING_CUSTOMER" }), platform, undefined)).toEqual({ ok: true, toTier: "L2", group: platform });
  });
});

describe("checkReturn", () => {
  it("refuses a resolved or closed ticket (409)", () => {
    const refusal = { ok: false, code: "CONFLICT", message: "A resolved or closed ticket cannot be returned." };
    expect(checkReturn(l2, ticket("L2", { status: "RESOLVED" }))).toEqual(refusal);
    expect(checkReturn(manager, ticket("L3", { status: "CLOSED" }))).toEqual(refusal);
  });

  it("refuses anything below L1 (409)", () => {
    expect(checkReturn(l1, ticket("L1"))).toEqual({ ok: false, code: "CONFLICT", message: "The ticket is at L1: there is no tier below it." });
    expect(checkReturn(manager, ticket("L1"))).toEqual({ ok: false, code: "CONFLICT", message: "The ticket is at L1: there is no tier below it." });
  });

  it("refuses an agent of the tier who is not the assignee (403)", () => {
    expect(checkReturn(otherL2, ticket("L2"))).toEqual({ ok: false, code: "FORBIDDEN", message: "Only the L2 assignee or a manager may return this ticket." });
    expect(checkReturn(otherL3, ticket("L3"))).toEqual({ ok: false, code: "FORBIDDEN", message: "Only the L3 assignee or a manager may return this ticket." });
  });

  it("refuses an agent of another tier (403)", () => {
    expect(checkReturn(l1, ticket("L2"))).toEqual({ ok: false, code: "FORBIDDEN", message: "Only the L2 assignee or a manager may return this ticket." });
    expect(checkReturn(l1, ticket("L2", { assigneeId: l1.id }))).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(checkReturn(customer, ticket("L2"))).toMatchObject({ ok: false, code: "FORBIDDEN" });
  });

  it("at L4 refuses anyone but the L3 owner or a manager (403)", () => {
    const refusal = { ok: false, code: "FORBIDDEN", message: "Only the L3 owner or a manager may return this ticket." };
    expect(checkReturn(l4, ticket("L4"))).toEqual(refusal);
    expect(checkReturn(otherL3, ticket("L4"))).toEqual(refusal);
    expect(checkReturn(l4, ticket("L4", { assigneeId: l4.id }))).toEqual(refusal);
  });

  it("lets the assignee hand a ticket back one tier with guidance", () => {
    expect(checkReturn(l2, ticket("L2"))).toEqual({ ok: true, toTier: "L1" });
    expect(checkReturn(l3, ticket("L3"))).toEqual({ ok: true, toTier: "L2" });
  });

  it("lets the L3 owner record the L4 reply, coordinating at L4", () => {
    expect(checkReturn(l3, ticket("L4"))).toEqual({ ok: true, toTier: "L3" });
  });

  it("lets managers and admins return from any tier above L1", () => {
    expect(checkReturn(manager, ticket("L2", { assigneeId: null }))).toEqual({ ok: true, toTier: "L1" });
    expect(checkReturn(admin, ticket("L3"))).toEqual({ ok: true, toTier: "L2" });
    expect(checkReturn(manager, ticket("L4"))).toEqual({ ok: true, toTier: "L3" });
  });
});

describe("checkClaim", () => {
  const queued = (tier: Tier, status: TicketStatus = "NEW") => ticket(tier, { assigneeId: null, status });

  it("lets an agent of the ticket's tier claim an unassigned ticket", () => {
    expect(checkClaim(l1, queued("L1"))).toEqual({ ok: true, already: false });
    expect(checkClaim(l2, queued("L2", "ASSIGNED"))).toEqual({ ok: true, already: false });
    expect(checkClaim(l1, queued("L1", "PENDING_CUSTOMER"))).toEqual({ ok: true, already: false });
  });

  it("lets the current assignee claim again without change", () => {
    expect(checkClaim(l1, ticket("L1"))).toEqual({ ok: true, already: true });
    // Nothing changes, so even a resolved ticket answers 200.
    expect(checkClaim(l2, ticket("L2", { status: "RESOLVED" }))).toEqual({ ok: true, already: true });
  });

  it("refuses a ticket someone else has claimed (409)", () => {
    expect(checkClaim(otherL1, ticket("L1"))).toEqual({ ok: false, code: "CONFLICT", message: "Someone else has claimed this ticket." });
  });

  it("refuses a resolved or closed ticket (409)", () => {
    expect(checkClaim(l1, queued("L1", "RESOLVED"))).toEqual({ ok: false, code: "CONFLICT", message: "The ticket is resolved or closed." });
    expect(checkClaim(l1, queued("L1", "CLOSED"))).toEqual({ ok: false, code: "CONFLICT", message: "The ticket is resolved or closed." });
  });

  it("refuses agents of another tier (403)", () => {
    expect(checkClaim(l2, queued("L1"))).toEqual({ ok: false, code: "FORBIDDEN", message: "Only L1 agents may claim this ticket." });
    expect(checkClaim(l1, queued("L3"))).toEqual({ ok: false, code: "FORBIDDEN", message: "Only L3 agents may claim this ticket." });
  });

  it("refuses managers, admins and customers, who assign rather than claim (403)", () => {
    for (const actor of [manager, admin, customer]) {
      expect(checkClaim(actor, queued("L2"))).toEqual({ ok: false, code: "FORBIDDEN", message: "Only L2 agents may claim this ticket." });
    }
  });

  it("checks the tier before the status and the assignee", () => {
    expect(checkClaim(l2, queued("L1", "CLOSED"))).toMatchObject({ code: "FORBIDDEN" });
    expect(checkClaim(l2, ticket("L1"))).toMatchObject({ code: "FORBIDDEN" });
  });

  it("at L4 the L3 owner is still the assignee: nobody else can claim it", () => {
    expect(checkClaim(l3, ticket("L4"))).toEqual({ ok: true, already: true });
    expect(checkClaim(l4, ticket("L4"))).toEqual({ ok: false, code: "CONFLICT", message: "Someone else has claimed this ticket." });
  });
});

describe("checkStatusChange", () => {
  it("lets agents of the ticket's tier make manual changes, assigned or not", () => {
    expect(checkStatusChange(l1, ticket("L1"), "PENDING_CUSTOMER")).toEqual({ ok: true });
    expect(checkStatusChange(otherL1, ticket("L1"), "RESOLVED")).toEqual({ ok: true });
    expect(checkStatusChange(l2, ticket("L2", { status: "PENDING_CUSTOMER" }), "IN_PROGRESS")).toEqual({ ok: true });
    expect(checkStatusChange(l3, ticket("L3", { status: "RESOLVED" }), "CLOSED")).toEqual({ ok: true });
  });

  it("refuses agents of another tier and customers (403)", () => {
    expect(checkStatusChange(l1, ticket("L2"), "RESOLVED")).toEqual({ ok: false, code: "FORBIDDEN", message: "Only L2 agents or a manager may change this ticket." });
    expect(checkStatusChange(customer, ticket("L1"), "RESOLVED")).toEqual({ ok: false, code: "FORBIDDEN", message: "Only L1 agents or a manager may change this ticket." });
    expect(checkStatusChange(tierlessAgent, ticket("L1"), "RESOLVED")).toMatchObject({ ok: false, code: "FORBIDDEN" });
  });

  it("refuses the statuses routing sets (400 on status)", () => {
    for (const to of ["NEW", "ASSIGNED", "PENDING_VENDOR"] as const) {
      expect(checkStatusChange(manager, ticket("L1"), to)).toEqual({ ok: false, code: "VALIDATION", field: "status", message: `Status ${to} is set by routing, not by hand.` });
    }
  });

  it("keeps a closed ticket closed (409)", () => {
    for (const to of MANUAL_STATUSES) {
      expect(checkStatusChange(manager, ticket("L1", { status: "CLOSED" }), to)).toEqual({ ok: false, code: "CONFLICT", message: "A closed ticket stays closed." });
    }
  });

  it("makes agents resolve before closing (409), but not managers or admins", () => {
    expect(checkStatusChange(l1, ticket("L1"), "CLOSED")).toEqual({ ok: false, code: "CONFLICT", message: "Resolve the ticket before closing it." });
    expect(checkStatusChange(l2, ticket("L2", { status: "PENDING_CUSTOMER" }), "CLOSED")).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(checkStatusChange(manager, ticket("L1"), "CLOSED")).toEqual({ ok: true });
    expect(checkStatusChange(admin, ticket("L2"), "CLOSED")).toEqual({ ok: true });
  });

  it("lets a resolved ticket be reopened", () => {
    expect(checkStatusChange(l1, ticket("L1", { status: "RESOLVED" }), "IN_PROGRESS")).toEqual({ ok: true });
  });

  it("at L4 lets L3 agents and managers only resolve or close (409 otherwise)", () => {
    const refusal = { ok: false, code: "CONFLICT", message: "The ticket is with L4: record the vendor's reply (return) to take it back first." };
    expect(checkStatusChange(l3, ticket("L4"), "IN_PROGRESS")).toEqual(refusal);
    expect(checkStatusChange(manager, ticket("L4"), "PENDING_CUSTOMER")).toEqual(refusal);
    expect(checkStatusChange(l3, ticket("L4"), "RESOLVED")).toEqual({ ok: true });
    expect(checkStatusChange(otherL3, ticket("L4"), "RESOLVED")).toEqual({ ok: true });
    expect(checkStatusChange(manager, ticket("L4"), "CLOSED")).toEqual({ ok: true });
  });

  it("at L4 refuses L4 and other agents (403), naming the tier that may act: L3", () => {
    // The L3 owner coordinates while L4 works, so L3 agents (or a manager) change an L4 ticket's status.
    const refusal = { ok: false, code: "FORBIDDEN", message: "Only L3 agents or a manager may change this ticket." };
    expect(checkStatusChange(l4, ticket("L4"), "RESOLVED")).toEqual(refusal);
    expect(checkStatusChange(l1, ticket("L4"), "RESOLVED")).toEqual(refusal);
  });
});

describe("checkVendorResponse", () => {
  it("lets the L3 coordinator, a manager and an admin record the response of a ticket with L4", () => {
    for (const actor of [l3, manager, admin]) expect(checkVendorResponse(actor, ticket("L4")).ok).toBe(true);
  });

  it("refuses another L3 agent, lower tiers and customers", () => {
    for (const actor of [otherL3, l2, l1, customer, tierlessAgent]) expect(checkVendorResponse(actor, ticket("L4"))).toMatchObject({ ok: false, code: "FORBIDDEN" });
  });

  it("refuses a ticket that is not with L4 now, before it asks who", () => {
    expect(checkVendorResponse(customer, ticket("L3"))).toMatchObject({ ok: false, code: "CONFLICT" });
    for (const status of CLOSED_STATUSES) expect(checkVendorResponse(l3, ticket("L4", { status }))).toMatchObject({ ok: false, code: "CONFLICT" });
  });
});

describe("refusalError: every guard's refusal as the API's error", () => {
  const refused = <T,>(verdict: Verdict<T>): Refusal => {
    if (verdict.ok) throw new Error("the guard allowed it");
    return verdict;
  };
  it("answers 400 on the refused field (else the verb's), 403 and 409 with the guard's sentence", () => {
    const onField = refusalError({ ok: false, code: "VALIDATION", field: "toGroup", message: "Choose the L2 group to escalate to." }, "status");
    expect([onField.status, onField.fields]).toEqual([400, { toGroup: ["Choose the L2 group to escalate to."] }]);
    const onVerbField = refusalError({ ok: false, code: "VALIDATION", message: "Status NEW is set by routing, not by hand." }, "status");
    expect(onVerbField.fields).toEqual({ status: ["Status NEW is set by routing, not by hand."] });
    const forbidden = refusalError(refused(checkReturn(l1, ticket("L2"))));
    expect([forbidden.status, forbidden.message, forbidden.fields]).toEqual([403, "Only the L2 assignee or a manager may return this ticket.", undefined]);
    const conflict = refusalError(refused(checkClaim(l1, ticket("L1", { status: "CLOSED", assigneeId: null }))));
    expect([conflict.status, conflict.message]).toEqual([409, "The ticket is resolved or closed."]);
  });
});
