/** Failed-login back-off: a few free tries, then a delay that doubles with each failure, capped so nobody is locked out for good. */
export interface BackoffPolicy {
  freeFailures: number;
  baseSeconds: number;
  maxSeconds: number;
  /** Failures older than this are forgotten. */
  forgetAfterSeconds: number;
  /**
   * Consecutive failures after which attempts on this key are refused until an admin clears it or the owner
   * signs in from a known device (NIST 800-63B §5.2.2: at most 100). Such a count is never forgotten.
   */
  lockAfterFailures?: number;
}

/** Per account, for devices the account does not know. */
export const PER_ACCOUNT: BackoffPolicy = { freeFailures: 3, baseSeconds: 2, maxSeconds: 15 * 60, forgetAfterSeconds: 24 * 3600, lockAfterFailures: 100 };
/** Per client address: looser, since offices share one address. */
export const PER_ADDRESS: BackoffPolicy = { freeFailures: 10, baseSeconds: 2, maxSeconds: 15 * 60, forgetAfterSeconds: 24 * 3600 };
/** Per known device (a device cookie the account issued): its own back-off, so a stranger elsewhere cannot slow it. */
export const PER_DEVICE: BackoffPolicy = { freeFailures: 3, baseSeconds: 2, maxSeconds: 15 * 60, forgetAfterSeconds: 24 * 3600 };

/** Seconds to wait after the `failures`-th consecutive failure. */
export function backoffSeconds(failures: number, policy: BackoffPolicy): number {
  const over = failures - policy.freeFailures;
  if (over <= 0) return 0;
  return Math.min(policy.maxSeconds, policy.baseSeconds * 2 ** Math.min(over - 1, 30));
}

/** One key's back-off as stored. */
export interface ThrottleState {
  failures: number;
  lastFailureAt: Date;
  blockedUntil: Date;
}

export type AttemptVerdict =
  | { allowed: true; next: ThrottleState }
  | { allowed: false; reason: "throttled"; retryAfterSeconds: number }
  | { allowed: false; reason: "locked" };

/**
 * Whether an attempt on a key may go ahead, and if so the key's state with the attempt already counted as
 * a failure: an attempt is counted before the secret is checked, so parallel guesses cannot all pass the
 * check before any is counted. A success gives the count back (`refundAttempt`) or clears the key.
 */
export function takeAttemptOn(state: ThrottleState | null, policy: BackoffPolicy, now: Date): AttemptVerdict {
  const locked = state !== null && policy.lockAfterFailures !== undefined && state.failures >= policy.lockAfterFailures;
  if (locked) return { allowed: false, reason: "locked" };
  if (state && state.blockedUntil > now) {
    return { allowed: false, reason: "throttled", retryAfterSeconds: Math.ceil((state.blockedUntil.getTime() - now.getTime()) / 1000) };
  }
  const forgotten = !state || state.lastFailureAt.getTime() < now.getTime() - policy.forgetAfterSeconds * 1000;
  const failures = forgotten ? 1 : state.failures + 1;
  return { allowed: true, next: { failures, lastFailureAt: now, blockedUntil: new Date(now.getTime() + backoffSeconds(failures, policy) * 1000) } };
}

/**
 * The key's state once an attempt counted by `takeAttemptOn` turned out a success: its failure is taken
 * back, and so is the wait it earned. Any earlier wait had ended, or the attempt would have been refused;
 * a stranger's failure counted while this one was being checked loses its wait too, which costs at most
 * that one guess on the address (the account keeps its own count).
 */
export function refundAttempt(state: ThrottleState, now: Date): ThrottleState {
  return { ...state, failures: Math.max(0, state.failures - 1), blockedUntil: new Date(Math.min(state.blockedUntil.getTime(), now.getTime())) };
}
