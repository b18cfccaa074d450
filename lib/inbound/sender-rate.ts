// The SMTP receiver's limit per sending address: at most `limit` messages from one MAIL FROM address in any
// window of `windowMs` (a sliding window over the times of the messages it took). Pure: the caller keeps the
// times per address and passes the clock in. This is the receiver's flood guard and refuses temporarily (4xx),
// so a real sender queues and retries; the intake's own "N per sender per hour, the rest held" is separate.

export const HOUR_MS = 3_600_000;

export interface SenderRateLimit {
  /** Messages one address may hand over per window; 0 refuses every message. */
  readonly limit: number;
  readonly windowMs: number;
}

export type SenderRateDecision =
  | { readonly allowed: true; /** The times still inside the window, the new one last: store these. */ readonly times: readonly number[] }
  | { readonly allowed: false; /** When the oldest counted message leaves the window (ms from now). */ readonly retryAfterMs: number; readonly times: readonly number[] };

/**
 * The key an address is counted under: trimmed and lower-cased, so `Alice@Example.com` and `alice@example.com`
 * share one window. The null sender (`MAIL FROM:<>`, bounces and other notices) is "" — all of them share one.
 */
export function senderKey(address: string): string {
  return address.trim().toLowerCase();
}

/** The times (ms) of `times` still inside the window that ends at `nowMs` (one later than now, after a clock step back, still counts). */
export function timesInWindow(times: readonly number[], nowMs: number, windowMs: number): number[] {
  return times.filter((t) => t > nowMs - windowMs);
}

/**
 * May one more message be taken at `nowMs` from an address that already handed over messages at `times`?
 * Allowed: `times` is the pruned list with `nowMs` appended (store it). Refused: `times` is the pruned list
 * unchanged (a refused attempt does not count, so a sender retrying gets in once the window has moved on).
 */
export function decideSenderRate(times: readonly number[], nowMs: number, rate: SenderRateLimit): SenderRateDecision {
  const kept = timesInWindow(times, nowMs, rate.windowMs);
  if (kept.length < rate.limit) return { allowed: true, times: [...kept, nowMs] };
  if (rate.limit <= 0) return { allowed: false, retryAfterMs: rate.windowMs, times: kept };
  // The message that must leave before one more fits: with `limit` kept, the oldest of the newest `limit`.
  const oldest = Math.min(...kept.slice(kept.length - rate.limit));
  return { allowed: false, retryAfterMs: Math.max(1, oldest + rate.windowMs - nowMs), times: kept };
}

/** `times` without one occurrence of `t` (a message taken but then not accepted gives its place back). */
export function releaseSenderTime(times: readonly number[], t: number): number[] {
  const i = times.lastIndexOf(t);
  return i < 0 ? [...times] : [...times.slice(0, i), ...times.slice(i + 1)];
}
