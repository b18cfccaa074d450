/** A delivery is tried this many times before it is FAILED for good. */
export const MAX_WEBHOOK_ATTEMPTS = 8;
/** The first retry waits this long; each further one doubles it, up to BACKOFF_CAP_SECONDS. */
export const BACKOFF_BASE_SECONDS = 30;
export const BACKOFF_CAP_SECONDS = 60 * 60;
/** Events in a row whose delivery failed for good before the endpoint is disabled. */
export const DISABLE_AFTER_FAILED_EVENTS = 8;

/** The wait after the `attempts`-th attempt failed: 30 s, 60 s, 120 s … never more than an hour. */
export function webhookBackoffSeconds(attempts: number): number {
  return Math.min(BACKOFF_CAP_SECONDS, BACKOFF_BASE_SECONDS * 2 ** Math.max(0, attempts - 1));
}
