import { describe, expect, it } from "vitest";
import type { TicketStatus } from "@/lib/db/generated/enums";
import { mailTiming, type MailTiming } from "@/lib/mail/mail-timing";

describe("mailTiming: which changes mail the customer, and when", () => {
  it.each<[string, TicketStatus, TicketStatus, MailTiming]>([
    // Internal hops that keep the status the portal shows: nothing.
    ["L1 → L2 escalation, auto-assigned there", "ASSIGNED", "ASSIGNED", "none"],
    ["L2 → L3 escalation of a ticket in progress, auto-assigned", "IN_PROGRESS", "IN_PROGRESS", "none"],
    ["escalation into a pull queue of an unclaimed ticket", "NEW", "NEW", "none"],
    ["automatic escalation by the sweep, unassigned before and after", "NEW", "NEW", "none"],
    ["a manager's reassignment of an assigned ticket", "ASSIGNED", "ASSIGNED", "none"],
    ["L3 → L4 when already with the vendor (a second hand-off)", "PENDING_VENDOR", "PENDING_VENDOR", "none"],
    // Status changes the customer sees: held and coalesced.
    ["an L1 claim of a new ticket", "NEW", "ASSIGNED", "held"],
    ["L3 → L4 hand-off", "ASSIGNED", "PENDING_VENDOR", "held"],
    ["L4 → L3 when the vendor replied", "PENDING_VENDOR", "IN_PROGRESS", "held"],
    ["L2 → L1 return to the agent who escalated", "ASSIGNED", "IN_PROGRESS", "held"],
    ["escalation of a ticket in progress into a pull queue", "IN_PROGRESS", "NEW", "held"],
    ["an agent waiting on the customer", "IN_PROGRESS", "PENDING_CUSTOMER", "held"],
    ["the customer reopening a resolved ticket", "RESOLVED", "IN_PROGRESS", "held"],
    // Resolution and closure: at once.
    ["an agent resolving", "IN_PROGRESS", "RESOLVED", "immediate"],
    ["a resolution straight from waiting on the vendor", "PENDING_VENDOR", "RESOLVED", "immediate"],
    ["the customer confirming the resolution", "RESOLVED", "CLOSED", "immediate"],
    ["an agent closing", "IN_PROGRESS", "CLOSED", "immediate"],
  ])("%s (%s → %s): %s", (_, from, to, timing) => {
    expect(mailTiming({ event: "status-change", from, to })).toBe(timing);
  });

  it.each<[TicketStatus, MailTiming]>([
    ["IN_PROGRESS", "refresh"],
    ["NEW", "refresh"],
    ["PENDING_CUSTOMER", "none"],
  ])("the customer answering a ticket waiting on them (→ %s) mails nothing new: %s", (to, timing) => {
    expect(mailTiming({ event: "customer-answered", from: "PENDING_CUSTOMER", to })).toBe(timing);
  });

  it("acknowledges a new ticket and sends an agent's public reply at once", () => {
    expect(mailTiming({ event: "intake" })).toBe("immediate");
    expect(mailTiming({ event: "public-reply" })).toBe("immediate");
  });
});
