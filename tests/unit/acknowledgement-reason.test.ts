import { describe, expect, it } from "vitest";
import { acknowledgementReason } from "@/lib/alerts/acknowledge-alert";

describe("the acknowledgement's sentence", () => {
  it("names who acknowledged what, without repeating who was told, and adds the note", () => {
    expect(acknowledgementReason("Mia Manager", "The group's leads and the managers are alerted: the P1 resolution target is breached.", "Called the customer.")).toBe(
      "Mia Manager acknowledged the alert: the P1 resolution target is breached. Note: Called the customer.",
    );
    expect(acknowledgementReason("Mia Manager", "The group's leads and the managers are alerted: the L3 budget is spent and an L4 handoff needs a decision.", undefined)).toBe(
      "Mia Manager acknowledged the alert: the L3 budget is spent and an L4 handoff needs a decision.",
    );
  });

  it("keeps a customer's request whole, quotes and all, and ends a sentence without a full stop", () => {
    const request = 'Carla Customer asked for escalation: "Month-end: we are alerted: help". The assignee, the group\'s leads and the managers are alerted; support decides.';
    expect(acknowledgementReason("Lena First", request, undefined)).toBe(`Lena First acknowledged the alert: ${request}`);
    expect(acknowledgementReason("Lena First", "Something happened", undefined)).toBe("Lena First acknowledged the alert: Something happened.");
  });
});
