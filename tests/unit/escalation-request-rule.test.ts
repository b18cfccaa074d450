import { describe, expect, it } from "vitest";
import { escalationRequestRefusal } from "@/lib/tickets/escalation-request";

const at = (iso: string) => new Date(`2026-12-01T${iso}Z`);
const nextDay = (iso: string) => new Date(`2026-12-02T${iso}Z`);

describe("escalationRequestRefusal", () => {
  it("lets the first request through", () => {
    expect(escalationRequestRefusal(null, at("09:00:00"), at("10:00:00"))).toBeNull();
  });

  it("refuses another at the same level within a day, saying when the first was made", () => {
    expect(escalationRequestRefusal(at("10:00:00"), at("09:00:00"), at("15:00:00"))).toBe(
      "You asked for escalation on 1 Dec, 10:00 UTC: support has been alerted and decides. You can ask again if the ticket is still at this level a day later.",
    );
    expect(escalationRequestRefusal(at("10:00:00"), at("09:00:00"), nextDay("09:59:59"))).not.toBeNull();
  });

  it("takes a new one a day later, or once the ticket moved to another level since", () => {
    expect(escalationRequestRefusal(at("10:00:00"), at("09:00:00"), nextDay("10:00:00"))).toBeNull();
    expect(escalationRequestRefusal(at("10:00:00"), at("11:00:00"), at("12:00:00"))).toBeNull();
  });
});
