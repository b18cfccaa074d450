import { db } from "@/lib/db/client";
import { purgeCutoffs } from "./purge-cutoffs";

export interface PurgeResult {
  loginThrottles: number;
  revokedSessions: number;
}

/**
 * Deletes login-throttle rows past their use and revoked-session rows past their expiry: one set-based
 * DELETE each, on the cutoffs `purgeCutoffs` decides at `now`. Safe to run on several instances at once.
 */
export async function purgeExpiredRows(now = new Date()): Promise<PurgeResult> {
  const cut = purgeCutoffs(now);
  const throttles = await db().loginThrottle.deleteMany({
    where: { blockedUntil: { lt: cut.throttleBlockedBefore }, lastFailureAt: { lt: cut.throttleLastFailureBefore } },
  });
  const sessions = await db().revokedSession.deleteMany({ where: { expiresAt: { lt: cut.revokedSessionExpiredBefore } } });
  return { loginThrottles: throttles.count, revokedSessions: sessions.count };
}
