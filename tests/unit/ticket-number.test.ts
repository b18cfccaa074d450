import { describe, expect, it } from "vitest";
import { formatTicketNumber, TICKET_PREFIX } from "@/lib/tickets/ticket-number";
import { ZTicketNumber } from "@/lib/validation/ticket";

describe("formatTicketNumber", () => {
  it("uses INC for incidents and REQ for service requests", () => {
    expect(TICKET_PREFIX).toEqual({ INCIDENT: "INC", SERVICE_REQUEST: "REQ" });
  });

  it("pads the sequence to six digits", () => {
    expect(formatTicketNumber("INCIDENT", 1)).toBe("INC-000001");
    expect(formatTicketNumber("SERVICE_REQUEST", 42)).toBe("REQ-000042");
    expect(formatTicketNumber("INCIDENT", 12_345)).toBe("INC-012345");
    expect(formatTicketNumber("SERVICE_REQUEST", 999_999)).toBe("REQ-999999");
  });

  it("keeps every digit beyond 999999", () => {
    expect(formatTicketNumber("INCIDENT", 1_000_000)).toBe("INC-1000000");
    expect(formatTicketNumber("SERVICE_REQUEST", 1_234_567)).toBe("REQ-1234567");
    expect(formatTicketNumber("INCIDENT", 9_876_543_210)).toBe("INC-9876543210");
  });

  it("makes numbers that ZTicketNumber accepts", () => {
    for (const sequence of [1, 42, 999_999, 1_000_000, 123_456_789]) {
      expect(ZTicketNumber.safeParse(formatTicketNumber("INCIDENT", sequence)).success).toBe(true);
      expect(ZTicketNumber.safeParse(formatTicketNumber("SERVICE_REQUEST", sequence)).success).toBe(true);
    }
  });
});
