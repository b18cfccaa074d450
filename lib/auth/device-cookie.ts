import { cookies } from "next/headers";
import { DEVICE_TOKEN_MAX_AGE_SECONDS, deviceCookieName } from "./device-token";

/** The known-device token this browser sent for `userId`, from the sign-in request's Cookie header. */
export function deviceTokenFrom(headers: Record<string, unknown>, userId: unknown): string | null {
  if (typeof userId !== "string" || typeof headers.cookie !== "string") return null;
  const name = deviceCookieName(userId);
  for (const pair of headers.cookie.split(";")) {
    const at = pair.indexOf("=");
    if (at > 0 && pair.slice(0, at).trim() === name) return decodeURIComponent(pair.slice(at + 1).trim());
  }
  return null;
}

/** Leaves the token in the browser: HttpOnly, same-site, Secure over HTTPS, for 180 days. */
export async function rememberDevice(userId: string, token: string): Promise<void> {
  (await cookies()).set(deviceCookieName(userId), token, {
    httpOnly: true,
    sameSite: "lax",
    secure: (process.env.NEXTAUTH_URL ?? "").startsWith("https://"),
    path: "/",
    maxAge: DEVICE_TOKEN_MAX_AGE_SECONDS,
  });
}
