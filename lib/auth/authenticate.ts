import { z } from "zod";
import { actorOf, type Actor } from "@/lib/actor";
import { db } from "@/lib/db/client";
import { DECOY_HASH, PIN_MAX_DIGITS, verifySecret } from "./secret-hash";
import { recordFailure, recordSuccess, retryAfterSeconds, throttleKeys } from "./login-throttle";

export type LoginKind = "customer" | "staff";

/** Support user IDs are stored upper-case (C1001), staff usernames lower-case: typing either case works. */
export function normalizeUserId(kind: LoginKind, userId: string): string {
  const trimmed = userId.trim();
  return kind === "customer" ? trimmed.toUpperCase() : trimmed.toLowerCase();
}

export const ZLogin = z.object({
  userId: z.string().trim().min(1).max(64),
  secret: z.string().min(1).max(256),
});

export type AuthResult =
  | { ok: true; actor: Actor }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number };

/** The same words for an unknown user ID and a wrong secret: a stranger learns nothing. */
export const INVALID_LOGIN_MESSAGE = "That user ID and secret do not match. Check both and try again.";
export const throttledMessage = (seconds: number) =>
  `Too many failed attempts. Try again in ${seconds < 60 ? `${seconds} s` : `${Math.ceil(seconds / 60)} min`}.`;

/**
 * Checks a user ID and PIN (customers) or password (staff). Unknown IDs cost the same hash as known ones;
 * customers cannot use the staff door and staff cannot use the customer door.
 */
export async function authenticate(
  kind: LoginKind,
  credentials: { userId?: unknown; secret?: unknown },
  clientAddress: string | null,
  now = new Date(),
): Promise<AuthResult> {
  const parsed = ZLogin.safeParse(credentials);
  const userId = parsed.success ? parsed.data.userId : String(credentials.userId ?? "").slice(0, 64);
  const keys = throttleKeys(userId, clientAddress);
  const wait = await retryAfterSeconds(keys, now);
  if (wait > 0) return { ok: false, reason: "throttled", retryAfterSeconds: wait };

  const user = parsed.success
    ? await db().user.findUnique({ where: { userId: normalizeUserId(kind, parsed.data.userId) } })
    : null;
  const rightDoor = user !== null && user.active && (kind === "customer") === (user.role === "CUSTOMER");
  const secretShapeOk = parsed.success && (kind === "staff" || parsed.data.secret.length <= PIN_MAX_DIGITS);
  const matches = await verifySecret(parsed.success ? parsed.data.secret : "", rightDoor ? user.secretHash : DECOY_HASH);

  if (!(rightDoor && secretShapeOk && matches)) {
    await recordFailure(keys, now);
    return { ok: false, reason: "invalid" };
  }
  await recordSuccess(userId);
  return {
    ok: true,
    actor: actorOf(user),
  };
}
