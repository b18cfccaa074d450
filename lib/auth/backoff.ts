/** Failed-login back-off: a few free tries, then a delay that doubles with each failure, capped so nobody is locked out for good. */
export interface BackoffPolicy {
  freeFailures: number;
  baseSeconds: number;
  maxSeconds: number;
  /** Failures older than this are forgotten. */
  forgetAfterSeconds: number;
}

export const PER_ACCOUNT: BackoffPolicy = { freeFailures: 3, baseSeconds: 2, maxSeconds: 15 * 60, forgetAfterSeconds: 24 * 3600 };
/** Per client address: looser, since offices share one address. */
export const PER_ADDRESS: BackoffPolicy = { freeFailures: 10, baseSeconds: 2, maxSeconds: 15 * 60, forgetAfterSeconds: 24 * 3600 };

/** Seconds to wait after the `failures`-th consecutive failure. */
export function backoffSeconds(failures: number, policy: BackoffPolicy): number {
  const over = failures - policy.freeFailures;
  if (over <= 0) return 0;
  return Math.min(policy.maxSeconds, policy.baseSeconds * 2 ** Math.min(over - 1, 30));
}
