import { beforeAll, expect, it } from "vitest";
import { LONGEST_FORGET_AFTER_SECONDS } from "@/lib/schedule/purge-cutoffs";
import { purgeExpiredRows } from "@/lib/schedule/purge-expired-rows";
import { describeEachDatabase } from "../fixtures/test-database";

describeEachDatabase("purging login throttles and revoked sessions past their use", (database) => {
  const now = new Date("2026-11-02T12:00:00.000Z");
  const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000);
  const FORGET = LONGEST_FORGET_AFTER_SECONDS;

  beforeAll(async () => {
    const db = database().db;
    await db.loginThrottle.createMany({
      data: [
        { key: "user:stale", failures: 9, lastFailureAt: ago(FORGET + 1), blockedUntil: ago(FORGET) },
        { key: "ip:10.0.0.1", failures: 30, lastFailureAt: ago(FORGET + 60), blockedUntil: ago(1) },
        // Kept: a failure still remembered, a block still running, a failure exactly at the cutoff.
        { key: "user:recent", failures: 2, lastFailureAt: ago(FORGET - 1), blockedUntil: ago(FORGET - 1) },
        { key: "user:blocked", failures: 12, lastFailureAt: ago(FORGET + 1), blockedUntil: new Date(now.getTime() + 60_000) },
        { key: "user:edge", failures: 4, lastFailureAt: ago(FORGET), blockedUntil: ago(FORGET) },
      ],
    });
    await db.revokedSession.createMany({
      data: [
        { jti: "expired", expiresAt: ago(1) },
        { jti: "long-expired", expiresAt: ago(30 * 86_400) },
        { jti: "live", expiresAt: new Date(now.getTime() + 1000) },
        { jti: "expires-now", expiresAt: now },
      ],
    });
  });

  it("deletes only the rows past their use, as of the given now", async () => {
    expect(await purgeExpiredRows(now)).toEqual({ loginThrottles: 2, revokedSessions: 2 });
    const db = database().db;
    expect((await db.loginThrottle.findMany({ orderBy: { key: "asc" } })).map((r) => r.key)).toEqual(["user:blocked", "user:edge", "user:recent"]);
    expect((await db.revokedSession.findMany({ orderBy: { jti: "asc" } })).map((r) => r.jti)).toEqual(["expires-now", "live"]);
  });

  it("finds nothing more to do on a second run, and purges the rest once their time has come", async () => {
    expect(await purgeExpiredRows(now)).toEqual({ loginThrottles: 0, revokedSessions: 0 });
    expect(await purgeExpiredRows(new Date(now.getTime() + 120_000))).toEqual({ loginThrottles: 3, revokedSessions: 2 });
  });
});
