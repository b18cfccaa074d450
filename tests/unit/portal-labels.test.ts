import { describe, expect, it } from "vitest";
import { updatePromise } from "@/components/portal/ticket-update-promise";
import { CUSTOMER_PRIORITY, SUPPORT_LEVEL } from "@/lib/tickets/customer-labels";
import { backoffSeconds, BACKOFF_CAP_SECONDS } from "@/lib/mail/deliver-outbox";

describe("portal wording", () => {
  it("names tiers as support levels and L4 as the specialist team", () => {
    expect(SUPPORT_LEVEL).toEqual({ L1: "Level 1 support", L2: "Level 2 support", L3: "Level 3 support", L4: "Specialist team" });
    expect(Object.values(CUSTOMER_PRIORITY).some((label) => /P\d/.test(label))).toBe(false);
  });

  it("promises the next update by the time today, and with the day otherwise", () => {
    const now = new Date("2026-12-01T10:00:00Z");
    expect(updatePromise("2026-12-01T14:30:00.000Z", now)).toBe("We will update you by 14:30 UTC");
    expect(updatePromise("2026-12-02T09:05:00.000Z", now)).toBe("We will update you by Wed 2 Dec, 09:05 UTC");
    expect(updatePromise(null, now)).toBeNull();
  });
});

describe("outbox back-off", () => {
  it("doubles from 30 s per attempt up to the cap", () => {
    expect([1, 2, 3, 4].map(backoffSeconds)).toEqual([30, 60, 120, 240]);
    expect(backoffSeconds(20)).toBe(BACKOFF_CAP_SECONDS);
  });
});
