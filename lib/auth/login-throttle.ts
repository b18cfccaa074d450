import { db } from "@/lib/db/client";
import { backoffSeconds, PER_ACCOUNT, PER_ADDRESS, type BackoffPolicy } from "./backoff";

export interface ThrottleKey {
  key: string;
  policy: BackoffPolicy;
}

export function throttleKeys(userId: string, clientAddress: string | null): ThrottleKey[] {
  const keys: ThrottleKey[] = [{ key: `user:${userId.trim().toLowerCase()}`, policy: PER_ACCOUNT }];
  if (clientAddress) keys.push({ key: `ip:${clientAddress}`, policy: PER_ADDRESS });
  return keys;
}

/** Seconds until another attempt is allowed for all of these keys; 0 when it is allowed now. */
export async function retryAfterSeconds(keys: ThrottleKey[], now = new Date()): Promise<number> {
  const rows = await db().loginThrottle.findMany({ where: { key: { in: keys.map((k) => k.key) } } });
  const latest = Math.max(now.getTime(), ...rows.map((r) => r.blockedUntil.getTime()));
  return Math.ceil((latest - now.getTime()) / 1000);
}

/** Counts a failure atomically (safe across app instances) and extends the block it earns. */
export async function recordFailure(keys: ThrottleKey[], now = new Date()): Promise<void> {
  for (const { key, policy } of keys) {
    const forgetBefore = new Date(now.getTime() - policy.forgetAfterSeconds * 1000);
    const [row] = await db().$queryRaw<{ failures: number }[]>`
      INSERT INTO "LoginThrottle" ("key", "failures", "lastFailureAt", "blockedUntil")
      VALUES (${key}, 1, ${now}, ${now})
      ON CONFLICT ("key") DO UPDATE SET
        "failures" = CASE WHEN "LoginThrottle"."lastFailureAt" < ${forgetBefore} THEN 1 ELSE "LoginThrottle"."failures" + 1 END,
        "lastFailureAt" = ${now}
      RETURNING "failures"`;
    const wait = backoffSeconds(row?.failures ?? 1, policy);
    if (wait > 0) {
      const until = new Date(now.getTime() + wait * 1000);
      await db().loginThrottle.updateMany({ where: { key, blockedUntil: { lt: until } }, data: { blockedUntil: until } });
    }
  }
}

/** A success forgets the account's failures; the address keeps its count so one good account cannot launder a spray. */
export async function recordSuccess(userId: string): Promise<void> {
  await db().loginThrottle.deleteMany({ where: { key: `user:${userId.trim().toLowerCase()}` } });
}
