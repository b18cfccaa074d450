import { describe, expect, it } from "vitest";
import { pinnedHandoffIndex, type PinEvent } from "@/lib/tickets/handoff-pin";

const l1 = { role: "AGENT" as const, tier: "L1" as const };
const l2 = { role: "AGENT" as const, tier: "L2" as const };
const l3 = { role: "AGENT" as const, tier: "L3" as const };
const manager = { role: "MANAGER" as const, tier: null };
const customer = { role: "CUSTOMER" as const, tier: null };
const ev = (type: PinEvent["type"], actor: PinEvent["actor"], toTier: PinEvent["toTier"] = null): PinEvent => ({ type, actor, toTier });

const escalatedToL2: PinEvent[] = [ev("CREATED", customer, "L1"), ev("CLAIMED", l1, "L1"), ev("ESCALATED", l1, "L2")];

describe("pinnedHandoffIndex: the newest hand-off stays on top for the receiving tier until it acts", () => {
  it("pins an escalation for the receiving tier and managers, not for the tier that handed it on", () => {
    expect(pinnedHandoffIndex(escalatedToL2, "L2", l2)).toBe(2);
    expect(pinnedHandoffIndex(escalatedToL2, "L2", manager)).toBe(2);
    expect(pinnedHandoffIndex(escalatedToL2, "L2", l1)).toBeNull();
    expect(pinnedHandoffIndex(escalatedToL2, "L2", l3)).toBeNull();
  });

  it("keeps it pinned through events that are not the receiving tier acting: the system, the customer, a note from the tier below", () => {
    const events = [...escalatedToL2, ev("ASSIGNED", null, "L2"), ev("COMMENTED", customer, "L2"), ev("COMMENTED", l1, "L2"), ev("ALERT", null, "L2")];
    expect(pinnedHandoffIndex(events, "L2", l2)).toBe(2);
  });

  it.each([["CLAIMED"], ["COMMENTED"], ["STATUS_CHANGED"], ["RECLASSIFIED"]] as const)("unpins once the receiving tier acts (%s)", (type) => {
    expect(pinnedHandoffIndex([...escalatedToL2, ev(type, l2, "L2")], "L2", l2)).toBeNull();
  });

  it("unpins when a manager acts on it", () => {
    expect(pinnedHandoffIndex([...escalatedToL2, ev("STATUS_CHANGED", manager, "L2")], "L2", l2)).toBeNull();
  });

  it("pins the newest hand-off only: a return supersedes the escalation before it", () => {
    const events = [...escalatedToL2, ev("CLAIMED", l2, "L2"), ev("RETURNED", l2, "L1")];
    expect(pinnedHandoffIndex(events, "L1", l1)).toBe(4);
    expect(pinnedHandoffIndex(events, "L1", l2)).toBeNull();
  });

  it("pins an automatic escalation too", () => {
    expect(pinnedHandoffIndex([ev("CREATED", customer, "L1"), ev("AUTO_ESCALATED", null, "L2")], "L2", l2)).toBe(1);
  });

  it("pins a hand-off to L4 for nobody, and the vendor's reply (recorded by L3) for L3 until L3 acts", () => {
    const handedToVendor = [...escalatedToL2, ev("ESCALATED", l2, "L3"), ev("ESCALATED", l3, "L4")];
    expect(pinnedHandoffIndex(handedToVendor, "L4", l3)).toBeNull();
    const replied = [...handedToVendor, ev("RETURNED", l3, "L3")];
    expect(pinnedHandoffIndex(replied, "L3", l3)).toBe(5);
    expect(pinnedHandoffIndex([...replied, ev("COMMENTED", l3, "L3")], "L3", l3)).toBeNull();
  });

  it("pins nothing once the ticket left the tier the hand-off went to, or when there was no hand-off", () => {
    expect(pinnedHandoffIndex([...escalatedToL2, ev("ASSIGNED", manager, "L3")], "L3", l3)).toBeNull();
    expect(pinnedHandoffIndex(escalatedToL2.slice(0, 2), "L1", l1)).toBeNull();
  });
});
