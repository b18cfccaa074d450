import { describe, expect, it } from "vitest";
import { isUpdateLate, nextUpdateShort, updatePromise } from "@/lib/tickets/core/update-promise";
import { CUSTOMER_PRIORITY, SUPPORT_LEVEL } from "@/lib/tickets/core/customer-labels";
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

  it("says a passed promise is late instead of repeating it", () => {
    const now = new Date("2026-12-01T15:00:00Z");
    expect(isUpdateLate("2026-12-01T14:30:00.000Z", now)).toBe(true);
    expect(isUpdateLate("2026-12-01T15:00:00.000Z", now)).toBe(true);
    expect(isUpdateLate("2026-12-01T15:01:00.000Z", now)).toBe(false);
    expect(isUpdateLate(null, now)).toBe(false);
    expect(updatePromise("2026-12-01T14:30:00.000Z", now)).toBe("Our update was due by 14:30 UTC: it is late, and support has been told");
    expect(updatePromise("2026-11-30T17:00:00.000Z", now)).toBe("Our update was due by Mon 30 Nov, 17:00 UTC: it is late, and support has been told");
  });

  it("fits the list card: by when, late since when, or why no update is due", () => {
    const now = new Date("2026-12-01T10:00:00Z");
    expect(nextUpdateShort("IN_PROGRESS", "2026-12-01T14:30:00.000Z", now)).toBe("by 14:30 UTC");
    expect(nextUpdateShort("ASSIGNED", "2026-12-01T09:30:00.000Z", now)).toBe("late, was due by 09:30 UTC");
    expect(nextUpdateShort("PENDING_CUSTOMER", null, now)).toBe("after your reply");
    expect(nextUpdateShort("RESOLVED", null, now)).toBe("none due");
  });
});

describe("outbox back-off", () => {
  it("doubles from 30 s per attempt up to the cap", () => {
    expect([1, 2, 3, 4].map(backoffSeconds)).toEqual([30, 60, 120, 240]);
    expect(backoffSeconds(20)).toBe(BACKOFF_CAP_SECONDS);
  });
});
