/** A token bucket: `ratePerSecond` refill, at most `burst` requests at once. */
export interface BucketLimits {
  ratePerSecond: number;
  burst: number;
}

export interface BucketState {
  /** Requests still allowed now (fractional while refilling). */
  tokens: number;
  /** When `tokens` was last worked out, ms since the epoch. */
  at: number;
}

export const API_TOKEN_LIMITS: BucketLimits = { ratePerSecond: 20, burst: 100 };

export type BucketDecision = { allowed: true; state: BucketState } | { allowed: false; state: BucketState; retryAfterSeconds: number };

/** Takes one request from the bucket at `now` (ms): pure, so the limiter's arithmetic is tested without a clock. */
export function takeFromBucket(state: BucketState | undefined, now: number, limits: BucketLimits = API_TOKEN_LIMITS): BucketDecision {
  const elapsed = state ? Math.max(0, now - state.at) / 1000 : 0;
  const tokens = state ? Math.min(limits.burst, state.tokens + elapsed * limits.ratePerSecond) : limits.burst;
  if (tokens >= 1) return { allowed: true, state: { tokens: tokens - 1, at: now } };
  return { allowed: false, state: { tokens, at: now }, retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / limits.ratePerSecond)) };
}
