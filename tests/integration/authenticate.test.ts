import { beforeAll, expect, it } from "vitest";
import { authenticate } from "@/lib/auth/authenticate";
import { seedDemoData } from "@/lib/seed/demo-data";
import { describeEachDatabase } from "../fixtures/test-database";

describeEachDatabase("authenticate", (database) => {
  // Every step runs on this clock, taken from the real one at run time: the throttle rows one step writes
  // are read by the next, so no step may fall back to the real clock nor pin a calendar date.
  const start = Date.now();
  const day = (n: number) => new Date(start + n * 86_400_000);

  beforeAll(async () => {
    await seedDemoData(database().db);
  });

  it("signs a customer in with user ID and PIN, in either letter case", async () => {
    const result = await authenticate("customer", { userId: "c1001", secret: "246810" }, "10.0.0.1", day(0));
    expect(result).toMatchObject({ ok: true, actor: { userId: "C1001", role: "CUSTOMER", tier: null } });
  });

  it("signs staff in with a password and carries the agent's tier", async () => {
    const result = await authenticate("staff", { userId: "L2Agent", secret: "l2agent-demo-pass" }, "10.0.0.1", day(0));
    expect(result).toMatchObject({ ok: true, actor: { userId: "l2agent", role: "AGENT", tier: "L2" } });
  });

  it("keeps the doors apart: no customer through staff, no staff through customer", async () => {
    expect(await authenticate("staff", { userId: "C1002", secret: "135790" }, "10.0.0.2", day(0))).toEqual({ ok: false, reason: "invalid" });
    expect(await authenticate("customer", { userId: "manager", secret: "manager-demo-pass" }, "10.0.0.2", day(0))).toEqual({ ok: false, reason: "invalid" });
  });

  it("answers an unknown user ID exactly as a wrong PIN", async () => {
    const unknown = await authenticate("customer", { userId: "C9999", secret: "246810" }, "10.0.0.3", day(0));
    const wrong = await authenticate("customer", { userId: "C1002", secret: "000000" }, "10.0.0.3", day(0));
    expect(unknown).toEqual(wrong);
    expect(unknown).toEqual({ ok: false, reason: "invalid" });
  });

  it("refuses a deactivated user", async () => {
    await database().db.user.update({ where: { userId: "l3agent" }, data: { active: false } });
    expect(await authenticate("staff", { userId: "l3agent", secret: "l3agent-demo-pass" }, "10.0.0.4", day(0))).toEqual({ ok: false, reason: "invalid" });
  });

  it("never signs a service account in, whatever secret it is sent, even a real password an admin set", async () => {
    const { hashSecret } = await import("@/lib/auth/secret-hash");
    const db = database().db;
    await db.user.create({ data: { userId: "svc-robot", name: "Robot", role: "ADMIN", secretHash: await hashSecret("robot-real-password") } });
    // As a person, the account signs in with that password: the refusal below is the service-account mark, not the secret.
    expect(await authenticate("staff", { userId: "svc-robot", secret: "robot-real-password" }, "10.0.0.5", day(0))).toMatchObject({ ok: true });
    await db.user.update({ where: { userId: "svc-robot" }, data: { serviceAccount: true } });
    expect(await authenticate("staff", { userId: "svc-robot", secret: "robot-real-password" }, "10.0.0.5", day(0))).toEqual({ ok: false, reason: "invalid" });
    for (const secret of ["!service-account", "x".repeat(12)]) {
      expect(await authenticate("staff", { userId: "svc-robot", secret }, "10.0.0.5", day(0))).toMatchObject({ ok: false });
    }
  });

  it("slows an account after three failures, doubling, even for the right PIN, and forgets after a success", async () => {
    const t0 = day(1);
    const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);
    for (let i = 0; i < 3; i++) {
      expect(await authenticate("customer", { userId: "C1001", secret: "111111" }, `10.1.0.${i}`, t0)).toMatchObject({ reason: "invalid" });
    }
    // The 4th failure earns a 2 s wait.
    expect(await authenticate("customer", { userId: "C1001", secret: "111111" }, "10.1.0.9", t0)).toMatchObject({ reason: "invalid" });
    expect(await authenticate("customer", { userId: "C1001", secret: "246810" }, "10.1.0.10", at(1))).toEqual({
      ok: false,
      reason: "throttled",
      retryAfterSeconds: 1,
    });
    // The 5th failure earns 4 s.
    expect(await authenticate("customer", { userId: "C1001", secret: "111111" }, "10.1.0.11", at(2))).toMatchObject({ reason: "invalid" });
    expect(await authenticate("customer", { userId: "C1001", secret: "246810" }, "10.1.0.12", at(5))).toMatchObject({ reason: "throttled", retryAfterSeconds: 1 });
    expect(await authenticate("customer", { userId: "C1001", secret: "246810" }, "10.1.0.13", at(6))).toMatchObject({ ok: true });
    // The success cleared the account's count: a new failure is free again.
    expect(await authenticate("customer", { userId: "C1001", secret: "111111" }, "10.1.0.14", at(7))).toMatchObject({ reason: "invalid" });
    expect(await authenticate("customer", { userId: "C1001", secret: "246810" }, "10.1.0.15", at(7))).toMatchObject({ ok: true });
  });

  it("slows a client address spraying many user IDs, but never for longer than 15 minutes", async () => {
    const t0 = day(2);
    // 10 free failures, then 2 s doubling: the 20th earns 2 × 2^9 s, over the 900 s cap.
    for (let i = 0; i < 20; i++) {
      await authenticate("customer", { userId: `C${5000 + i}`, secret: "123456" }, "10.2.0.1", new Date(t0.getTime() + i * 3600_000));
    }
    const last = new Date(t0.getTime() + 19 * 3600_000);
    const blocked = await authenticate("customer", { userId: "C1002", secret: "135790" }, "10.2.0.1", last);
    expect(blocked).toEqual({ ok: false, reason: "throttled", retryAfterSeconds: 900 });
    // Another address is not affected; the same one may try again after the cap.
    expect(await authenticate("customer", { userId: "C1002", secret: "135790" }, "10.2.0.2", last)).toMatchObject({ ok: true });
    expect(await authenticate("customer", { userId: "C1002", secret: "135790" }, "10.2.0.1", new Date(last.getTime() + 900_000))).toMatchObject({ ok: true });
  });

  it("counts every attempt that reaches the PIN check, none lost, and refuses the rest before it", async () => {
    const t0 = day(4);
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) => authenticate("staff", { userId: "l1agent2", secret: `wrong-${i}` }, `10.3.0.${i}`, t0)),
    );
    // 3 free failures, and the 4th, which earns the first wait (2 s): the other two are refused unchecked.
    expect(results.filter((r) => !r.ok && r.reason === "invalid")).toHaveLength(4);
    expect(results.filter((r) => !r.ok && r.reason === "throttled")).toHaveLength(2);
    const row = await database().db.loginThrottle.findUniqueOrThrow({ where: { key: "user:l1agent2" } });
    expect(row.failures).toBe(4);
    expect(row.blockedUntil.getTime() - t0.getTime()).toBe(2000);
  });

  it("rejects malformed credentials as invalid without touching users", async () => {
    expect(await authenticate("customer", { userId: "", secret: "" }, null, day(5))).toEqual({ ok: false, reason: "invalid" });
    expect(await authenticate("customer", { userId: "C1002", secret: "1".repeat(300) }, null, day(5))).toEqual({ ok: false, reason: "invalid" });
  });

  it("answers a NUL byte in the user ID or secret as a wrong one, counted on the account and the address", async () => {
    for (const credentials of [{ userId: "C1001\u0000", secret: "246810" }, { userId: "C1001", secret: "24\u00006810" }, { userId: "\u0000", secret: "\u0000" }]) {
      expect(await authenticate("customer", credentials, "10.2.9.1", day(7))).toEqual({ ok: false, reason: "invalid" });
    }
    expect((await database().db.loginThrottle.findUniqueOrThrow({ where: { key: "ip:10.2.9.1" } })).failures).toBe(3);
  });

  it("a success from an address deep in its back-off keeps its failures but adds no wait for the next person there", async () => {
    let t = day(8);
    // 13 failures on unknown IDs from one address, each as soon as the address may try again.
    for (let failures = 0; failures < 13; ) {
      const r = await authenticate("customer", { userId: `C6${failures}`, secret: "123456" }, "10.2.8.1", t);
      if (!r.ok && r.reason === "throttled") t = new Date(t.getTime() + r.retryAfterSeconds * 1000);
      else failures++;
    }
    t = new Date(t.getTime() + 900_000);
    expect(await authenticate("customer", { userId: "C1001", secret: "246810" }, "10.2.8.1", t)).toMatchObject({ ok: true });
    expect(await authenticate("staff", { userId: "manager", secret: "manager-demo-pass" }, "10.2.8.1", t)).toMatchObject({ ok: true });
    expect((await database().db.loginThrottle.findUniqueOrThrow({ where: { key: "ip:10.2.8.1" } })).failures).toBe(13);
  });
});
