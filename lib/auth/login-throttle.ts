import { db, type Transaction } from "@/lib/db/client";
import { PER_ACCOUNT, PER_ADDRESS, PER_DEVICE, refundAttempt, takeAttemptOn, type BackoffPolicy, type ThrottleState } from "./backoff";

export interface ThrottleKey {
  key: string;
  policy: BackoffPolicy;
}

export const accountThrottleKey = (userId: string) => `user:${userId.trim().toLowerCase()}`;

/**
 * The keys an attempt counts on. From a device the account knows (its device cookie), only that device's own
 * key: a stranger throttling the account or the address does not slow the owner. From any other device, the
 * account's key and the client address's key.
 */
export function throttleKeys(userId: string, clientAddress: string | null, knownDeviceId: string | null = null): ThrottleKey[] {
  if (knownDeviceId) return [{ key: `device:${knownDeviceId}`, policy: PER_DEVICE }];
  const keys: ThrottleKey[] = [{ key: accountThrottleKey(userId), policy: PER_ACCOUNT }];
  if (clientAddress) keys.push({ key: `ip:${clientAddress}`, policy: PER_ADDRESS });
  return keys;
}

export type AttemptOutcome = { allowed: true } | { allowed: false; reason: "throttled"; retryAfterSeconds: number } | { allowed: false; reason: "locked" };

/**
 * Takes the keys' locks (transaction-scoped advisory locks, in key order: concurrent attempts on the same
 * keys queue and never deadlock), then reads their rows. A key with no row yet is locked all the same.
 */
async function lockKeys(tx: Transaction, keys: ThrottleKey[]): Promise<Map<string, ThrottleState>> {
  const names = [...new Set(keys.map((k) => k.key))].sort();
  for (const name of names) await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${name}, 0))`;
  const rows = await tx.$queryRaw<(ThrottleState & { key: string })[]>`
    SELECT "key", "failures", "lastFailureAt", "blockedUntil" FROM "LoginThrottle" WHERE "key" = ANY(${names}::text[])`;
  return new Map(rows.map(({ key, ...state }) => [key, state]));
}

async function saveRows(tx: Transaction, rows: { key: string; state: ThrottleState }[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.$executeRaw`
    INSERT INTO "LoginThrottle" ("key", "failures", "lastFailureAt", "blockedUntil")
    SELECT * FROM unnest(${rows.map((r) => r.key)}::text[], ${rows.map((r) => r.state.failures)}::int[],
                         ${rows.map((r) => r.state.lastFailureAt)}::timestamp(3)[], ${rows.map((r) => r.state.blockedUntil)}::timestamp(3)[])
    ON CONFLICT ("key") DO UPDATE SET
      "failures" = EXCLUDED."failures", "lastFailureAt" = EXCLUDED."lastFailureAt", "blockedUntil" = EXCLUDED."blockedUntil"`;
}

// Attempts queue on the keys' locks for a few milliseconds each; a burst may wait longer than Prisma's 2 s default.
const ATTEMPT_TRANSACTION = { maxWait: 30_000, timeout: 30_000 };

/**
 * Takes an attempt on every key at once, before the secret is checked (safe across app instances): refused
 * while any key is blocked or locked; otherwise counted as a failure on each key, with the block it earns.
 * The caller gives it back with `recordSuccess` when the secret matched.
 */
export async function takeAttempt(keys: ThrottleKey[], now: Date): Promise<AttemptOutcome> {
  return db().$transaction(async (tx) => {
    const states = await lockKeys(tx, keys);
    const verdicts = keys.map((k) => ({ key: k.key, verdict: takeAttemptOn(states.get(k.key) ?? null, k.policy, now) }));
    if (verdicts.some((v) => !v.verdict.allowed && v.verdict.reason === "locked")) return { allowed: false, reason: "locked" };
    const waits = verdicts.map((v) => (!v.verdict.allowed && v.verdict.reason === "throttled" ? v.verdict.retryAfterSeconds : 0));
    if (Math.max(0, ...waits) > 0) return { allowed: false, reason: "throttled", retryAfterSeconds: Math.max(...waits) };
    await saveRows(tx, verdicts.flatMap((v) => (v.verdict.allowed ? [{ key: v.key, state: v.verdict.next }] : [])));
    return { allowed: true };
  }, ATTEMPT_TRANSACTION);
}

/**
 * A success clears the account's key (a lock included) and the device's, and gives the address back the
 * attempt it counted: the address keeps its other failures, so one good account cannot launder a spray.
 */
export async function recordSuccess(keys: ThrottleKey[], userId: string, now: Date): Promise<void> {
  const cleared = [accountThrottleKey(userId), ...keys.filter((k) => k.key.startsWith("device:")).map((k) => k.key)];
  const refunded = keys.filter((k) => !cleared.includes(k.key));
  await db().$transaction(async (tx) => {
    const states = await lockKeys(tx, refunded);
    await saveRows(
      tx,
      refunded.flatMap((k) => {
        const state = states.get(k.key);
        return state ? [{ key: k.key, state: refundAttempt(state, now) }] : [];
      }),
    );
    await tx.loginThrottle.deleteMany({ where: { key: { in: cleared } } });
  }, ATTEMPT_TRANSACTION);
}
