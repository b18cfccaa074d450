import { describe, expect, it } from "vitest";
import { PER_ACCOUNT, PER_ADDRESS } from "@/lib/auth/backoff";
import { LONGEST_FORGET_AFTER_SECONDS, purgeCutoffs } from "@/lib/schedule/purge-cutoffs";

describe("purgeCutoffs", () => {
  const now = new Date("2026-11-02T12:00:00.000Z");

  it("keeps a throttle row until every back-off policy has forgotten its last failure", () => {
    expect(LONGEST_FORGET_AFTER_SECONDS).toBe(Math.max(PER_ACCOUNT.forgetAfterSeconds, PER_ADDRESS.forgetAfterSeconds));
    expect(purgeCutoffs(now)).toEqual({
      throttleBlockedBefore: now,
      throttleLastFailureBefore: new Date(now.getTime() - LONGEST_FORGET_AFTER_SECONDS * 1000),
      revokedSessionExpiredBefore: now,
    });
  });

  it("depends on the given now only", () => {
    const later = new Date(now.getTime() + 3_600_000);
    expect(purgeCutoffs(later).throttleLastFailureBefore.getTime() - purgeCutoffs(now).throttleLastFailureBefore.getTime()).toBe(3_600_000);
  });
});
