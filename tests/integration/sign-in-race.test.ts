import { beforeAll, beforeEach, expect, it, vi } from "vitest";
import { authenticate } from "@/lib/auth/authenticate";
import { issuePin } from "@/lib/admin/issue-pin";
import { PER_ACCOUNT } from "@/lib/auth/backoff";
import { verifySecret } from "@/lib/auth/secret-hash";
import { seedDemoData } from "@/lib/seed/demo-data";
import { actorFor } from "../fixtures/actors";
import { describeEachDatabase } from "../fixtures/test-database";

// The real scrypt check, counted: what a guess costs the attacker is reaching it.
vi.mock("@/lib/auth/secret-hash", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/auth/secret-hash")>();
  return { ...original, verifySecret: vi.fn(original.verifySecret) };
});

describeEachDatabase("sign-in under parallel guesses", (database) => {
  const start = Date.now();
  const at = (minutes: number) => new Date(start + minutes * 60_000);

  beforeAll(async () => {
    await seedDemoData(database().db);
  });
  beforeEach(() => {
    vi.mocked(verifySecret).mockClear();
  });

  it(`lets at most ${PER_ACCOUNT.freeFailures + 1} of 50 parallel wrong PINs for one account reach the PIN check`, async () => {
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => authenticate("customer", { userId: "C1001", secret: String(100000 + i) }, `10.9.${i}.1`, at(0))),
    );
    // The free tries and the one that earns the first wait reach the check: no more (the race), no fewer
    // (the back-off promises them).
    expect(vi.mocked(verifySecret).mock.calls.length).toBe(PER_ACCOUNT.freeFailures + 1);
    expect(results.filter((r) => r.ok)).toEqual([]);
    expect(results.filter((r) => !r.ok && r.reason === "throttled").length).toBeGreaterThanOrEqual(50 - (PER_ACCOUNT.freeFailures + 1));
  });

  it("lets the owner in at once from a known device while a stranger keeps the account and the office address throttled", async () => {
    const office = "10.8.0.1";
    const signedIn = await authenticate("customer", { userId: "C1002", secret: "135790" }, office, at(10));
    if (!signedIn.ok) throw new Error("the owner's first sign-in failed");
    // A stranger behind the same office address: 20 wrong PINs, each as soon as the back-off allows.
    let t = at(11);
    for (let i = 0; i < 20; i++) {
      const r = await authenticate("customer", { userId: "C1002", secret: String(200000 + i) }, office, t);
      if (!r.ok && r.reason === "throttled") t = new Date(t.getTime() + r.retryAfterSeconds * 1000);
    }
    const stranger = await authenticate("customer", { userId: "C1002", secret: "135790" }, office, t);
    expect(stranger).toMatchObject({ ok: false, reason: "throttled" });
    vi.mocked(verifySecret).mockClear();
    // The owner, from the same address with the browser's device token: in at once, with the right PIN.
    expect(await authenticate("customer", { userId: "C1002", secret: "135790" }, office, t, signedIn.deviceToken)).toMatchObject({ ok: true });
    // A token is for its user ID only, and a new PIN ends it.
    expect(await authenticate("customer", { userId: "C1001", secret: "246810" }, office, t, signedIn.deviceToken)).toMatchObject({ ok: false, reason: "throttled" });
    const admin = await actorFor(database().db, "admin");
    const { pin } = await issuePin(admin, { userId: "C1002" }, new Date(t.getTime() + 1_000));
    expect(await authenticate("customer", { userId: "C1002", secret: pin }, office, new Date(t.getTime() + 2_000), signedIn.deviceToken)).toMatchObject({ ok: false, reason: "throttled" });
  });

  it("after 100 failures from unknown devices refuses them until the owner signs in from a known device", async () => {
    const home = "10.7.0.1";
    const signedIn = await authenticate("staff", { userId: "l2agent", secret: "l2agent-demo-pass" }, home, at(0));
    if (!signedIn.ok) throw new Error("the owner's first sign-in failed");
    // 99 consecutive failures from unknown devices so far (written as the store keeps them: scrypt 99 times
    // over is slow), then the 100th, a real one.
    const t = at(600);
    await database().db.loginThrottle.create({ data: { key: "user:l2agent", failures: 99, lastFailureAt: at(599), blockedUntil: at(599) } });
    expect(await authenticate("staff", { userId: "l2agent", secret: "wrong-100" }, "10.6.0.1", t)).toEqual({ ok: false, reason: "invalid" });
    vi.mocked(verifySecret).mockClear();
    const later = new Date(t.getTime() + 3 * 86_400_000);
    expect(await authenticate("staff", { userId: "l2agent", secret: "l2agent-demo-pass" }, "10.5.0.1", later)).toEqual({ ok: false, reason: "locked" });
    expect(vi.mocked(verifySecret)).not.toHaveBeenCalled();
    expect(await authenticate("staff", { userId: "l2agent", secret: "l2agent-demo-pass" }, home, later, signedIn.deviceToken)).toMatchObject({ ok: true });
    expect(await authenticate("staff", { userId: "l2agent", secret: "l2agent-demo-pass" }, "10.5.0.1", later)).toMatchObject({ ok: true });
  });
});
