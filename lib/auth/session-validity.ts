/** A session lasts at most this long from sign-in, however active it is. */
export const SESSION_MAX_AGE_SECONDS = 12 * 3600;

/** What a session is checked against on every request. */
export interface SessionCheck {
  /** Seconds since the epoch at sign-in. */
  authTime: number;
  role: string;
  revoked: boolean;
  user: { active: boolean; role: string; secretChangedAt: Date | null } | null;
}

/**
 * A session holds while its user exists, is active and keeps the role it signed in with, it was not
 * signed out, it is younger than 12 h, and it began no earlier than the second in which an admin last issued a
 * PIN or reset the password (a new secret ends every session of the old one).
 */
export function sessionHolds(check: SessionCheck, now: Date): boolean {
  const { user } = check;
  if (!user || !user.active || check.revoked || user.role !== check.role) return false;
  if (now.getTime() / 1000 - check.authTime > SESSION_MAX_AGE_SECONDS) return false;
  return !user.secretChangedAt || Math.floor(user.secretChangedAt.getTime() / 1000) <= check.authTime;
}
