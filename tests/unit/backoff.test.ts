import { describe, expect, it } from "vitest";
import { backoffSeconds, PER_ACCOUNT, PER_ADDRESS, PER_DEVICE, refundAttempt, takeAttemptOn, type BackoffPolicy } from "@/lib/auth/backoff";

describe("the back-off policies", () => {
  it("per account: 3 free failures, 2 s base, 15 min cap, forgotten after a day, locked after 100 in a row", () => {
    expect(PER_ACCOUNT).toEqual({ freeFailures: 3, baseSeconds: 2, maxSeconds: 900, forgetAfterSeconds: 86_400, lockAfterFailures: 100 });
  });

  it("per known device: as per account, but never locked", () => {
    expect(PER_DEVICE).toEqual({ freeFailures: 3, baseSeconds: 2, maxSeconds: 900, forgetAfterSeconds: 86_400 });
  });

  it("per address: 10 free failures, otherwise the same", () => {
    expect(PER_ADDRESS).toEqual({ freeFailures: 10, baseSeconds: 2, maxSeconds: 900, forgetAfterSeconds: 86_400 });
  });
});

describe("backoffSeconds per account", () => {
  it.each([
    [0, 0],
    [1, 0],
    [2, 0],
    [3, 0],
    [4, 2],
    [5, 4],
    [6, 8],
    [7, 16],
    [8, 32],
    [9, 64],
    [10, 128],
    [11, 256],
    [12, 512],
    [13, 900], // 1024 capped
    [14, 900],
    [20, 900],
  ])("after %i failures waits %i s", (failures, seconds) => {
    expect(backoffSeconds(failures, PER_ACCOUNT)).toBe(seconds);
  });

  it("never exceeds 900 s, even at huge counts", () => {
    for (const failures of [31, 32, 33, 34, 50, 100, 1000, 1_000_000, Number.MAX_SAFE_INTEGER, Number.POSITIVE_INFINITY]) {
      expect(backoffSeconds(failures, PER_ACCOUNT)).toBe(900);
    }
  });

  it("gives 0 for negative counts", () => {
    expect(backoffSeconds(-1, PER_ACCOUNT)).toBe(0);
    expect(backoffSeconds(-1000, PER_ACCOUNT)).toBe(0);
  });

  it("never decreases as failures grow", () => {
    let previous = 0;
    for (let failures = 0; failures <= 60; failures++) {
      const seconds = backoffSeconds(failures, PER_ACCOUNT);
      expect(seconds).toBeGreaterThanOrEqual(previous);
      previous = seconds;
    }
  });
});

describe("backoffSeconds per address", () => {
  it.each([
    [0, 0],
    [5, 0],
    [10, 0],
    [11, 2],
    [12, 4],
    [13, 8],
    [16, 64],
    [19, 512],
    [20, 900], // 1024 capped
    [21, 900],
    [10_000, 900],
  ])("after %i failures waits %i s", (failures, seconds) => {
    expect(backoffSeconds(failures, PER_ADDRESS)).toBe(seconds);
  });

  it("is looser than the per-account policy", () => {
    expect(backoffSeconds(4, PER_ACCOUNT)).toBe(2);
    expect(backoffSeconds(4, PER_ADDRESS)).toBe(0);
  });
});

describe("backoffSeconds with other policies", () => {
  it("doubles from the base with no free failures", () => {
    const policy: BackoffPolicy = { freeFailures: 0, baseSeconds: 5, maxSeconds: 60, forgetAfterSeconds: 3600 };
    expect([0, 1, 2, 3, 4, 5].map((n) => backoffSeconds(n, policy))).toEqual([0, 5, 10, 20, 40, 60]);
  });

  it("caps the exponent at 2^30 so huge counts stay finite", () => {
    const policy: BackoffPolicy = { freeFailures: 0, baseSeconds: 1, maxSeconds: Number.MAX_SAFE_INTEGER, forgetAfterSeconds: 3600 };
    expect(backoffSeconds(31, policy)).toBe(1_073_741_824);
    expect(backoffSeconds(32, policy)).toBe(1_073_741_824);
    expect(backoffSeconds(10_000, policy)).toBe(1_073_741_824);
    expect(backoffSeconds(Number.POSITIVE_INFINITY, policy)).toBe(1_073_741_824);
  });
});

describe("takeAttemptOn", () => {
  const t0 = new Date("2026-12-02T10:00:00Z");
  const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);
  const state = (failures: number, lastFailureAt: Date, blockedUntil: Date) => ({ failures, lastFailureAt, blockedUntil });

  it("counts the attempt before the secret is checked, with the block the count earns", () => {
    expect(takeAttemptOn(null, PER_ACCOUNT, t0)).toEqual({ allowed: true, next: state(1, t0, t0) });
    expect(takeAttemptOn(state(3, t0, t0), PER_ACCOUNT, at(1))).toEqual({ allowed: true, next: state(4, at(1), at(3)) });
  });

  it("refuses while blocked, rounding the wait up, and counts nothing", () => {
    expect(takeAttemptOn(state(4, t0, at(2)), PER_ACCOUNT, at(0.5))).toEqual({ allowed: false, reason: "throttled", retryAfterSeconds: 2 });
    expect(takeAttemptOn(state(4, t0, at(2)), PER_ACCOUNT, at(2))).toMatchObject({ allowed: true, next: { failures: 5 } });
  });

  it("forgets failures older than a day, but not a lock", () => {
    expect(takeAttemptOn(state(50, t0, at(900)), PER_ACCOUNT, at(86_401))).toMatchObject({ allowed: true, next: { failures: 1 } });
    expect(takeAttemptOn(state(100, t0, at(900)), PER_ACCOUNT, at(30 * 86_400))).toEqual({ allowed: false, reason: "locked" });
    expect(takeAttemptOn(state(99, t0, t0), PER_ACCOUNT, at(1))).toMatchObject({ allowed: true, next: { failures: 100 } });
    expect(takeAttemptOn(state(500, t0, t0), PER_ADDRESS, at(86_401))).toMatchObject({ allowed: true, next: { failures: 1 } });
  });
});

describe("refundAttempt", () => {
  const t0 = new Date("2026-12-02T10:00:00Z");
  const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);

  it("gives back the failure a successful attempt counted, and the wait it earned", () => {
    // The 11th attempt on an address earned 2 s; it was a success: back to 10 failures and no wait.
    expect(refundAttempt({ failures: 11, lastFailureAt: t0, blockedUntil: at(2) }, t0)).toEqual({ failures: 10, lastFailureAt: t0, blockedUntil: t0 });
    // Deep in the back-off: the earlier failures' wait had ended (else the attempt was refused); a success adds none.
    expect(refundAttempt({ failures: 14, lastFailureAt: t0, blockedUntil: at(16) }, t0)).toEqual({ failures: 13, lastFailureAt: t0, blockedUntil: t0 });
    expect(refundAttempt({ failures: 0, lastFailureAt: t0, blockedUntil: t0 }, t0)).toMatchObject({ failures: 0 });
  });
});
