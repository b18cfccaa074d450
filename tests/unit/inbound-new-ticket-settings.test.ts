import { describe, expect, it } from "vitest";
import { inboundNewTicketSettings } from "@/lib/inbound/new-ticket-settings";

describe("inboundNewTicketSettings", () => {
  it("is off when INBOUND_NEW_TICKETS is unset, blank or off (the category is then not read)", () => {
    expect(inboundNewTicketSettings({})).toBeNull();
    expect(inboundNewTicketSettings({ INBOUND_NEW_TICKETS: "  " })).toBeNull();
    expect(inboundNewTicketSettings({ INBOUND_NEW_TICKETS: "off", INBOUND_NEW_TICKET_CATEGORY: "Not A Slug" })).toBeNull();
  });

  it("opens tickets for known customers in the category named", () => {
    expect(inboundNewTicketSettings({ INBOUND_NEW_TICKETS: " known-customers ", INBOUND_NEW_TICKET_CATEGORY: " platform " })).toEqual({ mode: "known-customers", category: "platform" });
  });

  it("names the variable at fault", () => {
    for (const mode of ["on", "true", "Known-Customers", "everyone"]) {
      expect(() => inboundNewTicketSettings({ INBOUND_NEW_TICKETS: mode, INBOUND_NEW_TICKET_CATEGORY: "platform" })).toThrow(/^INBOUND_NEW_TICKETS: /);
    }
    expect(() => inboundNewTicketSettings({ INBOUND_NEW_TICKETS: "known-customers" })).toThrow(/^INBOUND_NEW_TICKET_CATEGORY /);
    expect(() => inboundNewTicketSettings({ INBOUND_NEW_TICKETS: "known-customers", INBOUND_NEW_TICKET_CATEGORY: " " })).toThrow(/^INBOUND_NEW_TICKET_CATEGORY /);
    for (const category of ["Platform", "two words", "a".repeat(65), "plat_form"]) {
      expect(() => inboundNewTicketSettings({ INBOUND_NEW_TICKETS: "known-customers", INBOUND_NEW_TICKET_CATEGORY: category })).toThrow(/^INBOUND_NEW_TICKET_CATEGORY: /);
    }
  });
});
