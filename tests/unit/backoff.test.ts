import { describe, expect, it } from "vitest";
import { backoffSeconds, PER_ACCOUNT, PER_ADDRESS, type BackoffPolicy } from "@/lib/auth/backoff";

describe("the back-off policies", () => {
  it("per account: 3 free failures, 2 s base, 15 min cap, forgotten after a day", () => {
    expect(PER_ACCOUNT).toEqual({ freeFailures: 3, baseSeconds: 2, maxSeconds: 900, forgetAfterSeconds: 86_400 });
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
