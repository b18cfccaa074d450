import { PER_ACCOUNT, PER_ADDRESS } from "@/lib/auth/backoff";

/** What the purge removes, as instants: rows before them have no further use. */
export interface PurgeCutoffs {
  /** A login-throttle row goes once its block has ended before this instant… */
  throttleBlockedBefore: Date;
  /** …and its last failure is older than this: every policy has forgotten it, so the row counts for nothing. */
  throttleLastFailureBefore: Date;
  /** A revoked session's row goes once the session would have expired anyway: its token is refused by age. */
  revokedSessionExpiredBefore: Date;
}

/** The longest any back-off policy remembers a failure. */
export const LONGEST_FORGET_AFTER_SECONDS = Math.max(PER_ACCOUNT.forgetAfterSeconds, PER_ADDRESS.forgetAfterSeconds);

/** Pure: the cutoffs at `now`. */
export function purgeCutoffs(now: Date): PurgeCutoffs {
  return {
    throttleBlockedBefore: now,
    throttleLastFailureBefore: new Date(now.getTime() - LONGEST_FORGET_AFTER_SECONDS * 1000),
    revokedSessionExpiredBefore: now,
  };
}
