import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/actor";
import { commentRefusal } from "@/lib/routing/comment-access";

const actor = (role: Actor["role"], tier: Actor["tier"] = null): Actor => ({ id: `${role}-${tier}`, userId: "u", name: "U", role, tier, organizationId: null });
const customer = actor("CUSTOMER");
const l1 = actor("AGENT", "L1");
const l3 = actor("AGENT", "L3");
const manager = actor("MANAGER");

describe("commentRefusal (replies, notes and files)", () => {
  it("lets customers write public replies on an open ticket, never internal notes", () => {
    expect(commentRefusal(customer, { tier: "L2", status: "IN_PROGRESS" }, "PUBLIC")).toBeNull();
    expect(commentRefusal(customer, { tier: "L2", status: "IN_PROGRESS" }, "INTERNAL")).toMatchObject({ code: "FORBIDDEN" });
  });
  it("lets agents write at the owning tier only (L3 while L4 works), managers anywhere", () => {
    expect(commentRefusal(l1, { tier: "L1", status: "NEW" }, "INTERNAL")).toBeNull();
    expect(commentRefusal(l1, { tier: "L2", status: "NEW" }, "PUBLIC")).toMatchObject({ code: "FORBIDDEN" });
    expect(commentRefusal(l3, { tier: "L4", status: "IN_PROGRESS" }, "PUBLIC")).toBeNull();
    expect(commentRefusal(manager, { tier: "L3", status: "NEW" }, "PUBLIC")).toBeNull();
  });
  it("lets an agent who handed the ticket on add internal notes to it, but not public replies", () => {
    const escalated = { tier: "L2" as const, status: "ASSIGNED" as const };
    expect(commentRefusal(l1, escalated, "INTERNAL", { handedOff: true })).toBeNull();
    expect(commentRefusal(l1, escalated, "PUBLIC", { handedOff: true })).toMatchObject({ code: "FORBIDDEN" });
    expect(commentRefusal(l1, escalated, "INTERNAL", { handedOff: false })).toMatchObject({ code: "FORBIDDEN" });
    expect(commentRefusal(l1, { tier: "L2", status: "CLOSED" }, "INTERNAL", { handedOff: true })).toMatchObject({ code: "CONFLICT" });
    expect(commentRefusal(customer, escalated, "INTERNAL", { handedOff: true })).toMatchObject({ code: "FORBIDDEN" });
  });
  it("refuses everyone on a closed ticket", () => {
    for (const who of [customer, l1, manager]) expect(commentRefusal(who, { tier: "L1", status: "CLOSED" }, "PUBLIC")).toMatchObject({ code: "CONFLICT" });
  });
});
