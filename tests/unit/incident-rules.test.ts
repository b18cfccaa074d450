import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/actor";
import { checkAttach, checkDeclare, checkDetach, checkLink, duplicateNotice, type IncidentFacts } from "@/lib/incidents/rules";

const actor = (role: Actor["role"], tier: Actor["tier"] = null): Actor => ({ id: `${role}-${tier}`, userId: "x", name: "X", role, tier, organizationId: null });
const l1 = actor("AGENT", "L1");
const l2 = actor("AGENT", "L2");
const l3 = actor("AGENT", "L3");
const manager = actor("MANAGER");
const customer = actor("CUSTOMER");
const ticket = (id: number, over: Partial<IncidentFacts> = {}): IncidentFacts => ({
  id,
  number: `INC-${String(id).padStart(6, "0")}`,
  status: "NEW",
  tier: "L1",
  customerId: "c1",
  isMajorIncident: false,
  majorIncidentId: null,
  ...over,
});
const major = ticket(1, { isMajorIncident: true });

describe("declaring a major incident", () => {
  it("is for L2, L3 and managers; L1 and customers are refused", () => {
    expect(checkDeclare(l1, ticket(2))).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(checkDeclare(customer, ticket(2))).toMatchObject({ ok: false, code: "FORBIDDEN" });
    for (const who of [l2, l3, manager]) expect(checkDeclare(who, ticket(2))).toEqual({ ok: true });
  });

  it("refuses a major incident, a child and a finished ticket (409)", () => {
    expect(checkDeclare(l2, major)).toMatchObject({ code: "CONFLICT" });
    expect(checkDeclare(l2, ticket(2, { majorIncidentId: 1 }))).toMatchObject({ code: "CONFLICT" });
    expect(checkDeclare(l2, ticket(2, { status: "RESOLVED" }))).toMatchObject({ code: "CONFLICT" });
  });
});

describe("attaching and detaching children", () => {
  it("lets any agent attach an open ticket to an open major incident", () => {
    expect(checkAttach(l1, major, ticket(2))).toEqual({ ok: true });
    expect(checkAttach(customer, major, ticket(2))).toMatchObject({ code: "FORBIDDEN" });
  });

  it("refuses itself (400), a non-incident parent, a major incident as child, a child of another, a closed child, a resolved parent (409)", () => {
    expect(checkAttach(l1, major, major)).toMatchObject({ code: "VALIDATION" });
    expect(checkAttach(l1, ticket(3), ticket(2))).toMatchObject({ code: "CONFLICT" });
    expect(checkAttach(l1, major, ticket(2, { isMajorIncident: true }))).toMatchObject({ code: "CONFLICT" });
    expect(checkAttach(l1, major, ticket(2, { majorIncidentId: 9 }))).toMatchObject({ code: "CONFLICT", message: expect.stringContaining("detach") });
    expect(checkAttach(l1, major, ticket(2, { majorIncidentId: 1 }))).toMatchObject({ code: "CONFLICT", message: expect.stringContaining("already attached") });
    expect(checkAttach(l1, major, ticket(2, { status: "CLOSED" }))).toMatchObject({ code: "CONFLICT" });
    expect(checkAttach(l1, { ...major, status: "RESOLVED" }, ticket(2))).toMatchObject({ code: "CONFLICT" });
  });

  it("detaches only a child of this parent", () => {
    expect(checkDetach(l1, major, ticket(2, { majorIncidentId: 1 }))).toEqual({ ok: true });
    expect(checkDetach(l1, major, ticket(2))).toMatchObject({ code: "CONFLICT" });
  });
});

describe("links", () => {
  it("relates any two different tickets; never a ticket to itself", () => {
    expect(checkLink(l2, ticket(2), ticket(3), "RELATED")).toEqual({ ok: true });
    expect(checkLink(l1, ticket(2), ticket(2), "RELATED")).toMatchObject({ code: "VALIDATION" });
  });

  it("closes a duplicate only for its tier or a manager, never a major incident, never into a closed target", () => {
    expect(checkLink(l1, ticket(2), ticket(3), "DUPLICATE_OF")).toEqual({ ok: true });
    expect(checkLink(l2, ticket(2), ticket(3), "DUPLICATE_OF")).toMatchObject({ code: "FORBIDDEN" });
    expect(checkLink(manager, major, ticket(3), "DUPLICATE_OF")).toMatchObject({ code: "CONFLICT" });
    expect(checkLink(manager, ticket(2), ticket(3, { status: "CLOSED" }), "DUPLICATE_OF")).toMatchObject({ code: "CONFLICT" });
  });

  it("names the target to the duplicate's customer only when it is their own ticket", () => {
    expect(duplicateNotice({ customerId: "c1" }, { number: "INC-000003", customerId: "c1" })).toContain("INC-000003");
    expect(duplicateNotice({ customerId: "c1" }, { number: "INC-000003", customerId: "c2" })).not.toContain("INC-000003");
  });
});
