import { z } from "zod";
import { actorOf, type Actor } from "@/lib/actor";
import { db } from "@/lib/db/client";
import { countThrottledSignIn } from "@/lib/observability/metrics";
import { storableString } from "@/lib/validation/text";
import { issueDeviceToken, knownDeviceId } from "./device-token";
import { recordSuccess, takeAttempt, throttleKeys } from "./login-throttle";
import { authSecret } from "./secret";
import { DECOY_HASH, PIN_MAX_DIGITS, verifySecret } from "./secret-hash";

export type LoginKind = "customer" | "staff";

/** Support user IDs are stored upper-case (C1001), staff usernames lower-case: typing either case works. */
export function normalizeUserId(kind: LoginKind, userId: string): string {
  const trimmed = userId.trim();
  return kind === "customer" ? trimmed.toUpperCase() : trimmed.toLowerCase();
}

export const ZLogin = z.object({
  userId: storableString().trim().min(1).max(64),
  secret: storableString().min(1).max(256),
});

export type AuthResult =
  /** `deviceToken`: the known-device token to leave in the browser (device-token.ts). */
  | { ok: true; actor: Actor; deviceToken: string }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number }
  | { ok: false; reason: "locked" };

/** The same words for an unknown user ID and a wrong secret: a stranger learns nothing. */
export const INVALID_LOGIN_MESSAGE = "That user ID and secret do not match. Check both and try again.";
export const throttledMessage = (seconds: number) =>
  `Too many failed attempts. Try again in ${seconds < 60 ? `${seconds} s` : `${Math.ceil(seconds / 60)} min`}.`;
export const LOCKED_LOGIN_MESSAGE =
  "Too many failed attempts on this account. Sign in from a device you have signed in with before, or ask an admin to unlock it.";

/**
 * Checks a user ID and PIN (customers) or password (staff). Unknown IDs cost the same hash as known ones;
 * customers cannot use the staff door and staff cannot use the customer door; service accounts use neither. The attempt is counted on its
 * throttle keys before the secret is checked (takeAttempt), so parallel guesses cannot outrun the back-off;
 * `deviceToken` is the browser's known-device token for this user ID, if it has one.
 */
export async function authenticate(
  kind: LoginKind,
  credentials: { userId?: unknown; secret?: unknown },
  clientAddress: string | null,
  now = new Date(),
  deviceToken: string | null = null,
): Promise<AuthResult> {
  const parsed = ZLogin.safeParse(credentials);
  // A malformed attempt still counts, on a key the database can store (no NUL).
  const userId = parsed.success ? parsed.data.userId : String(credentials.userId ?? "").replaceAll("\u0000", "").slice(0, 64);
  const user = parsed.success
    ? await db().user.findUnique({ where: { userId: normalizeUserId(kind, parsed.data.userId) } })
    : null;
  const deviceId = user ? knownDeviceId(authSecret(), deviceToken, user, now) : null;
  const keys = throttleKeys(userId, clientAddress, deviceId);
  const attempt = await takeAttempt(keys, now);
  if (!attempt.allowed) countThrottledSignIn(attempt.reason);
  if (!attempt.allowed) return attempt.reason === "locked" ? { ok: false, reason: "locked" } : { ok: false, reason: "throttled", retryAfterSeconds: attempt.retryAfterSeconds };

  // A service account (API tokens only) never signs in, whatever secret it is sent: it is checked as a stranger.
  const rightDoor = user !== null && user.active && !user.serviceAccount && (kind === "customer") === (user.role === "CUSTOMER");
  const secretShapeOk = parsed.success && (kind === "staff" || parsed.data.secret.length <= PIN_MAX_DIGITS);
  const matches = await verifySecret(parsed.success ? parsed.data.secret : "", rightDoor ? user.secretHash : DECOY_HASH);
  if (!(rightDoor && secretShapeOk && matches)) return { ok: false, reason: "invalid" };

  await recordSuccess(keys, userId, now);
  return { ok: true, actor: actorOf(user), deviceToken: issueDeviceToken(authSecret(), user.userId, deviceId, now) };
}
