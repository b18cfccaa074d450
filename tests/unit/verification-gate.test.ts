import { describe, expect, it } from "vitest";
import { signInConcurrency } from "@/lib/auth/sign-in-gate";
import { VerificationGate } from "@/lib/auth/verification-gate";

describe("VerificationGate", () => {
  it("runs at most `slots` at once, queues up to `queue`, and turns the rest away at once", async () => {
    const gate = new VerificationGate(2, 1);
    const a = await gate.enter();
    const b = await gate.enter();
    expect(a && b).toBeTruthy();
    let cEntered = false;
    const c = gate.enter().then((release) => {
      cEntered = true;
      return release;
    });
    expect(await gate.enter()).toBeNull(); // two running, one waiting: full
    expect(gate.load).toEqual({ running: 2, waiting: 1 });
    await Promise.resolve();
    expect(cEntered).toBe(false);
    a!();
    const releaseC = await c;
    expect(cEntered).toBe(true);
    expect(gate.load).toEqual({ running: 2, waiting: 0 });
    a!(); // a second release of the same slot frees nothing
    expect(gate.load).toEqual({ running: 2, waiting: 0 });
    b!();
    releaseC!();
    expect(gate.load).toEqual({ running: 0, waiting: 0 });
  });

  it("serves waiters first come, first served", async () => {
    const gate = new VerificationGate(1, 3);
    const first = await gate.enter();
    const order: number[] = [];
    const waiters = [1, 2, 3].map((n) => gate.enter().then((release) => (order.push(n), release!())));
    first!();
    await Promise.all(waiters);
    expect(order).toEqual([1, 2, 3]);
    expect(gate.load).toEqual({ running: 0, waiting: 0 });
  });
});

describe("VerificationGate priority lane", () => {
  it("never turns a priority caller away, and serves it before the queue", async () => {
    const gate = new VerificationGate(1, 1);
    const first = await gate.enter();
    const order: string[] = [];
    const queued = gate.enter().then((release) => (order.push("queued"), release!()));
    expect(await gate.enter()).toBeNull();
    const owner = gate.enter(true).then((release) => (order.push("owner"), release!()));
    first!();
    await Promise.all([queued, owner]);
    expect(order).toEqual(["owner", "queued"]);
    expect(gate.load).toEqual({ running: 0, waiting: 0 });
  });
});

describe("signInConcurrency", () => {
  it("is twice the cores unless TIERDESK_SIGN_IN_CONCURRENCY says otherwise, and refuses nonsense", () => {
    expect(signInConcurrency(undefined, 2)).toBe(4);
    expect(signInConcurrency("", 8)).toBe(16);
    expect(signInConcurrency("1", 2)).toBe(1);
    expect(signInConcurrency("1000", 2)).toBe(1000);
    for (const bad of ["0", "-2", "1.5", "many"]) expect(() => signInConcurrency(bad, 2), bad).toThrow(/TIERDESK_SIGN_IN_CONCURRENCY/);
  });
});
