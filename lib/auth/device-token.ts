// A known device (OWASP's "device cookies"): a successful sign-in leaves a signed token for that user ID in
// the browser. Attempts that present it are throttled on the device's own key, so a stranger who keeps the
// account or the office address throttled does not lock the owner out. A new PIN or password ends every
// token issued before it; a leaked token is throttled like any client.
import { createHash, createHmac, randomUUID, timingSafeEqual } from "node:crypto";

export const DEVICE_TOKEN_MAX_AGE_SECONDS = 180 * 86_400;

/** One cookie per user ID on a browser, named by a hash of the ID (the cookie name does not show it). */
export function deviceCookieName(userId: string): string {
  return `tierdesk-device-${createHash("sha256").update(userId.trim().toLowerCase()).digest("hex").slice(0, 16)}`;
}

const mac = (secret: string, userId: string, deviceId: string, issuedAt: number) =>
  createHmac("sha256", secret).update(`tierdesk-device|v1|${userId.trim().toLowerCase()}|${deviceId}|${issuedAt}`).digest("base64url");

/** A token for `userId` on the device `deviceId` (a new device when null), issued at `now`. */
export function issueDeviceToken(secret: string, userId: string, deviceId: string | null, now: Date): string {
  const id = deviceId ?? randomUUID();
  const issuedAt = Math.floor(now.getTime() / 1000);
  return `${id}.${issuedAt}.${mac(secret, userId, id, issuedAt)}`;
}

/**
 * The device id a token names when it is this server's, for this user ID, younger than its maximum age and
 * no older than the user's last new secret; null otherwise.
 */
export function knownDeviceId(
  secret: string,
  token: string | null | undefined,
  user: { userId: string; secretChangedAt: Date | null },
  now: Date,
): string | null {
  const match = /^([0-9a-f-]{36})\.(\d{1,12})\.([\w-]{43})$/.exec(token ?? "");
  if (!match) return null;
  const [, deviceId, issued, signature] = match;
  const issuedAt = Number(issued);
  const expected = Buffer.from(mac(secret, user.userId, deviceId!, issuedAt));
  if (!timingSafeEqual(expected, Buffer.from(signature!))) return null;
  const nowSeconds = now.getTime() / 1000;
  if (issuedAt > nowSeconds + 60 || nowSeconds - issuedAt > DEVICE_TOKEN_MAX_AGE_SECONDS) return null;
  if (user.secretChangedAt && issuedAt < Math.floor(user.secretChangedAt.getTime() / 1000)) return null;
  return deviceId!;
}
