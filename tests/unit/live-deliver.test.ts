import { describe, expect, it } from "vitest";
import type { EventChange, LiveChange } from "@/lib/live/change";
import { messagesFor } from "@/lib/live/deliver";
import { subscriberFor, type LiveSubscriber } from "@/lib/live/subscriber";
import type { Actor } from "@/lib/actor";

const actor = (over: Partial<Actor>): Actor => ({ id: "u-x", userId: "x", name: "X", role: "AGENT", tier: "L1", organizationId: null, ...over });
const carla = subscriberFor(actor({ id: "u-carla", userId: "C1001", role: "CUSTOMER", tier: null }), [], ["INC-000001"]);
const gus = subscriberFor(actor({ id: "u-gus", userId: "C1002", role: "CUSTOMER", tier: null }), [], []);
const lena = subscriberFor(actor({ id: "u-lena", userId: "l1agent", tier: "L1" }), ["service-desk"], []);
const priya = subscriberFor(actor({ id: "u-priya", userId: "l2agent", tier: "L2" }), ["platform-support"], []);
const theo = subscriberFor(actor({ id: "u-theo", userId: "l3agent", tier: "L3" }), ["engineering-support"], []);
const mia = subscriberFor(actor({ id: "u-mia", userId: "manager", role: "MANAGER", tier: null }), [], []);
const withTicket = (s: LiveSubscriber, number: string): LiveSubscriber => ({ ...s, tickets: new Set([number]) });

/** An event on Carla's INC-000001, at L1 in service-desk, unassigned, unless told otherwise. */
const event = (over: Partial<EventChange> = {}): EventChange => ({
  k: "event",
  id: 10,
  type: "STATUS_CHANGED",
  rule: null,
  visibility: null,
  actor: "u-lena",
  actorName: "Lena First",
  ticket: 1,
  number: "INC-000001",
  customer: "u-carla",
  version: 4,
  status: "IN_PROGRESS",
  tiers: ["L1", "L1", "L1"],
  groups: [null, null, "service-desk"],
  assignees: [null, null, null],
  ...over,
});

describe("what a customer is sent", () => {
  it("their own ticket's public reply, status and level changes: the number and version, never who did it", () => {
    for (const change of [
      event({ type: "COMMENTED", visibility: "PUBLIC" }),
      event({ type: "STATUS_CHANGED" }),
      event({ type: "ESCALATED", tiers: ["L1", "L2", "L2"], groups: ["service-desk", "platform-support", "platform-support"] }),
    ]) {
      const messages = messagesFor(carla, change);
      expect(messages).toEqual([{ event: "ticket", data: { number: "INC-000001", version: 4 } }]);
      expect(JSON.stringify(messages)).not.toMatch(/Lena|l1agent|u-lena|service-desk|platform-support/);
    }
  });

  it("never an internal note, routing the portal does not show, or another customer's ticket", () => {
    expect(messagesFor(carla, event({ type: "COMMENTED", visibility: "INTERNAL" }))).toEqual([]);
    expect(messagesFor(carla, event({ type: "ASSIGNED", assignees: [null, null, null] }))).toEqual([]);
    expect(messagesFor(carla, event({ type: "ALERT", rule: "sla.breach" }))).toEqual([]);
    expect(messagesFor(carla, event({ type: "SOP_STEP_CHANGED" }))).toEqual([]);
    expect(messagesFor(gus, event({ type: "COMMENTED", visibility: "PUBLIC" }))).toEqual([]);
    expect(messagesFor(gus, event({ type: "STATUS_CHANGED" }))).toEqual([]);
  });

  it("their own escalation request, and an agent taking the ticket (not who)", () => {
    expect(messagesFor(carla, event({ type: "ALERT", rule: "customer.escalation-request" }))).toHaveLength(1);
    expect(messagesFor(carla, event({ type: "CLAIMED", assignees: [null, "l1agent", "l1agent"] }))).toEqual([
      { event: "ticket", data: { number: "INC-000001", version: 4 } },
    ]);
  });

  it("no queue, notification or presence of anyone", () => {
    expect(messagesFor(carla, { k: "notification", id: 1, to: "u-carla", ticket: 1 })).toEqual([]);
    expect(messagesFor(carla, { k: "presence", number: "INC-000001", user: "u-lena" })).toEqual([]);
  });
});

describe("what staff are sent", () => {
  it("queue changes of the tiers they work: an escalation L1 → L2 reaches L1 (it left) and L2 (it came), not L3", () => {
    const escalated = event({ type: "ESCALATED", tiers: ["L1", "L2", "L2"], groups: ["service-desk", "platform-support", "platform-support"] });
    expect(messagesFor(lena, escalated)).toEqual([{ event: "queue", data: { number: "INC-000001", tier: "L2" } }]);
    expect(messagesFor(priya, escalated)).toEqual([{ event: "queue", data: { number: "INC-000001", tier: "L2" } }]);
    expect(messagesFor(theo, escalated)).toEqual([]);
    expect(messagesFor(mia, escalated)).toHaveLength(1);
  });

  it("an L3 agent hears of L4 (they coordinate it); anyone hears of tickets assigned to them or in their groups", () => {
    expect(messagesFor(theo, event({ type: "ESCALATED", tiers: ["L3", "L4", "L4"] }))).toHaveLength(1);
    expect(messagesFor(priya, event({ type: "ASSIGNED", tiers: ["L3", "L3", "L3"], assignees: [null, "l2agent", "l2agent"] }))).toHaveLength(1);
    expect(messagesFor(priya, event({ tiers: ["L3", "L3", "L3"], groups: [null, null, "platform-support"] }))).toHaveLength(1);
  });

  it("an internal note changes no queue, but reaches whoever has the ticket open, with who wrote it", () => {
    const note = event({ type: "COMMENTED", visibility: "INTERNAL", actor: "u-priya", actorName: "Priya Second" });
    expect(messagesFor(lena, note)).toEqual([]);
    expect(messagesFor(mia, note)).toEqual([]);
    expect(messagesFor(withTicket(lena, "INC-000001"), note)).toEqual([
      { event: "ticket", data: { number: "INC-000001", version: 4, type: "COMMENTED", by: "Priya Second", byMe: false } },
    ]);
    expect(messagesFor(withTicket(priya, "INC-000001"), note)).toEqual([
      { event: "ticket", data: { number: "INC-000001", version: 4, type: "COMMENTED", by: "Priya Second", byMe: true } },
    ]);
  });

  it("their own notifications only, and who else opened the ticket open here (not themselves)", () => {
    const notification: LiveChange = { k: "notification", id: 7, to: "u-lena", ticket: 1 };
    expect(messagesFor(lena, notification)).toEqual([{ event: "notification", data: { id: 7 } }]);
    expect(messagesFor(priya, notification)).toEqual([]);
    const arrived: LiveChange = { k: "presence", number: "INC-000001", user: "u-priya" };
    expect(messagesFor(withTicket(lena, "INC-000001"), arrived)).toEqual([{ event: "presence", data: { number: "INC-000001" } }]);
    expect(messagesFor(lena, arrived)).toEqual([]);
    expect(messagesFor(withTicket(priya, "INC-000001"), arrived)).toEqual([]);
  });

  it("sends nothing of sessions, tokens or users (the hub acts on them)", () => {
    for (const change of [{ k: "user", id: "u-lena" }, { k: "session", sid: "s" }, { k: "token", id: "t" }] as LiveChange[]) {
      expect(messagesFor(lena, change)).toEqual([]);
      expect(messagesFor(mia, change)).toEqual([]);
    }
  });

  it("a customer's subscription to a ticket number is ignored: they follow only their own tickets", () => {
    expect(carla.tickets.size).toBe(0);
  });
});
