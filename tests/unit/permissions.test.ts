import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/actor";
import { can, ticketScope, type Action } from "@/lib/permissions";

const customer: Actor = { id: "u-cust-1", userId: "C1001", name: "Carla Customer", role: "CUSTOMER", tier: null, organizationId: "org-1" };
const otherCustomer: Actor = { id: "u-cust-2", userId: "C1002", name: "Otto Other", role: "CUSTOMER", tier: null, organizationId: "org-1" };
const agent: Actor = { id: "u-agent", userId: "l1agent", name: "Lena Agent", role: "AGENT", tier: "L1", organizationId: null };
const manager: Actor = { id: "u-manager", userId: "manager", name: "Max Manager", role: "MANAGER", tier: null, organizationId: null };
const admin: Actor = { id: "u-admin", userId: "admin", name: "Ada Admin", role: "ADMIN", tier: null, organizationId: null };

const ownTicket = { customerId: "u-cust-1" };
const othersTicket = { customerId: "u-cust-2" };
const actions: Action[] = ["ticket:create", "ticket:create-for-customer", "ticket:list", "ticket:read", "queue:view", "metrics:read"];

describe("can", () => {
  it("lets only customers create tickets", () => {
    expect(can(customer, "ticket:create")).toBe(true);
    expect(can(agent, "ticket:create")).toBe(false);
    expect(can(manager, "ticket:create")).toBe(false);
    expect(can(admin, "ticket:create")).toBe(false);
  });

  it("lets every staff member, and no customer, log a contact as a ticket for a customer", () => {
    expect([customer, agent, manager, admin].map((actor) => can(actor, "ticket:create-for-customer"))).toEqual([false, true, true, true]);
  });

  it("lets only managers and admins read the dashboard's metrics", () => {
    expect([customer, agent, manager, admin].map((actor) => can(actor, "metrics:read"))).toEqual([false, false, true, true]);
  });

  it("lets everyone signed in list tickets", () => {
    for (const actor of [customer, agent, manager, admin]) expect(can(actor, "ticket:list")).toBe(true);
  });

  it("lets customers read only their own tickets", () => {
    expect(can(customer, "ticket:read", ownTicket)).toBe(true);
    expect(can(customer, "ticket:read", othersTicket)).toBe(false);
    expect(can(otherCustomer, "ticket:read", ownTicket)).toBe(false);
    expect(can(otherCustomer, "ticket:read", othersTicket)).toBe(true);
  });

  it("compares the ticket's customer with the actor's id, not the user ID", () => {
    expect(can(customer, "ticket:read", { customerId: "C1001" })).toBe(false);
  });

  it("lets staff read any ticket", () => {
    for (const actor of [agent, manager, admin]) {
      expect(can(actor, "ticket:read", ownTicket)).toBe(true);
      expect(can(actor, "ticket:read", othersTicket)).toBe(true);
    }
  });

  it("refuses reading without a resource, for every role", () => {
    for (const actor of [customer, agent, manager, admin]) expect(can(actor, "ticket:read")).toBe(false);
  });

  it("shows the queue to staff only", () => {
    expect(can(customer, "queue:view")).toBe(false);
    expect(can(agent, "queue:view")).toBe(true);
    expect(can(manager, "queue:view")).toBe(true);
    expect(can(admin, "queue:view")).toBe(true);
  });

  it("fails closed without an actor", () => {
    for (const action of actions) {
      expect(can(null, action, ownTicket)).toBe(false);
      expect(can(undefined, action, ownTicket)).toBe(false);
    }
  });

  it("fails closed for an unknown action, for every role", () => {
    for (const action of ["ticket:delete", "admin:everything", "", "TICKET:LIST"]) {
      for (const actor of [customer, agent, manager, admin]) {
        expect(can(actor, action as Action, ownTicket)).toBe(false);
      }
    }
  });

  it("fails closed for an unknown role, except for listing", () => {
    const stranger = { ...agent, role: "SUPERUSER" } as unknown as Actor;
    expect(can(stranger, "ticket:create")).toBe(false);
    expect(can(stranger, "ticket:read", { customerId: stranger.id })).toBe(false);
    expect(can(stranger, "queue:view")).toBe(false);
    expect(can(stranger, "ticket:list")).toBe(true);
  });
});

describe("ticketScope", () => {
  it("limits customers to their own tickets", () => {
    expect(ticketScope(customer)).toEqual({ customerId: "u-cust-1" });
    expect(ticketScope(otherCustomer)).toEqual({ customerId: "u-cust-2" });
  });

  it("does not limit staff", () => {
    for (const actor of [agent, manager, admin]) expect(ticketScope(actor)).toEqual({});
  });
});

describe("admin actions", () => {
  it("admins write; managers read and publish the matrix; customers and agents do none of it", () => {
    expect(can(admin, "admin:write")).toBe(true);
    expect(can(manager, "admin:write")).toBe(false);
    for (const actor of [admin, manager]) {
      expect(can(actor, "admin:read")).toBe(true);
      expect(can(actor, "matrix:publish")).toBe(true);
    }
    for (const actor of [customer, agent, null]) {
      for (const action of ["admin:read", "admin:write", "matrix:publish"] as const) expect(can(actor, action)).toBe(false);
    }
  });
});
