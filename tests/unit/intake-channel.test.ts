import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/actor";
import { intakePartyOf } from "@/lib/tickets/intake-channel";
import type { CreateTicketInput } from "@/lib/validation/ticket";

const customer: Actor = { id: "u-c", userId: "C1001", name: "Carla Customer", role: "CUSTOMER", tier: null, organizationId: "org-1" };
const l1: Actor = { id: "u-l1", userId: "l1agent", name: "Lena First", role: "AGENT", tier: "L1", organizationId: null };
const l2: Actor = { id: "u-l2", userId: "l2agent", name: "Priya Second", role: "AGENT", tier: "L2", organizationId: null };
const manager: Actor = { id: "u-m", userId: "manager", name: "Mia Manager", role: "MANAGER", tier: null, organizationId: null };

const base: CreateTicketInput = { type: "INCIDENT", title: "VPN drops", description: "Since 9:00.", category: "platform" };
const fieldsOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return { status: (error as { status: number }).status, fields: Object.keys((error as { fields?: object }).fields ?? {}).sort() };
  }
  return null;
};

describe("intakePartyOf", () => {
  it("a customer's own ticket takes the channel it came in by", () => {
    expect(intakePartyOf(customer, base, "PORTAL")).toEqual({ kind: "self", channel: "PORTAL" });
    expect(intakePartyOf(customer, base, "API")).toEqual({ kind: "self", channel: "API" });
    expect(intakePartyOf(customer, { ...base, channel: "API" }, "API")).toEqual({ kind: "self", channel: "API" });
  });

  it("refuses every staff-only field a customer sends, naming each", () => {
    expect(fieldsOf(() => intakePartyOf(customer, { ...base, customer: "C1002", channel: "PHONE", claim: true, resolution: "x" }, "API"))).toEqual({
      status: 400,
      fields: ["channel", "claim", "customer", "resolution"],
    });
    expect(fieldsOf(() => intakePartyOf(customer, { ...base, channel: "PORTAL" }, "API"))).toEqual({ status: 400, fields: ["channel"] });
  });

  it("staff name the customer and a staff channel", () => {
    expect(fieldsOf(() => intakePartyOf(l1, base, "API"))).toEqual({ status: 400, fields: ["channel", "customer"] });
    expect(fieldsOf(() => intakePartyOf(l1, { ...base, customer: "C1001", channel: "API" }, "API"))).toEqual({ status: 400, fields: ["channel"] });
    expect(intakePartyOf(manager, { ...base, customer: "C1001", channel: "WALK_IN" }, "API")).toEqual({
      kind: "on-behalf",
      customer: "C1001",
      channel: "WALK_IN",
      claim: false,
      resolution: null,
    });
  });

  it("I'm handling it is for L1 agents; resolving on first contact needs it", () => {
    expect(intakePartyOf(l1, { ...base, customer: "C1001", channel: "PHONE", claim: true, resolution: "Reset." }, "API")).toMatchObject({ claim: true, resolution: "Reset." });
    expect(fieldsOf(() => intakePartyOf(l2, { ...base, customer: "C1001", channel: "PHONE", claim: true }, "API"))).toEqual({ status: 403, fields: [] });
    expect(fieldsOf(() => intakePartyOf(manager, { ...base, customer: "C1001", channel: "PHONE", claim: true }, "API"))).toEqual({ status: 403, fields: [] });
    expect(fieldsOf(() => intakePartyOf(l1, { ...base, customer: "C1001", channel: "PHONE", resolution: "Reset." }, "API"))).toEqual({ status: 400, fields: ["resolution"] });
  });
});
