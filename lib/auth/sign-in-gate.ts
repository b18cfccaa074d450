import { availableParallelism } from "node:os";
import { deviceTokenFrom } from "./device-cookie";
import { knownDeviceId } from "./device-token";
import { authSecret } from "./secret";
import { VerificationGate } from "./verification-gate";

/** Sign-ins checked at once: TIERDESK_SIGN_IN_CONCURRENCY, by default twice the cores (scrypt runs on libuv's pool). */
export function signInConcurrency(value = process.env.TIERDESK_SIGN_IN_CONCURRENCY, cores = availableParallelism()): number {
  if (value === undefined || value.trim() === "") return 2 * cores;
  const slots = Number(value);
  if (!Number.isInteger(slots) || slots < 1) throw new Error(`TIERDESK_SIGN_IN_CONCURRENCY must be a whole number of at least 1, not "${value}".`);
  return slots;
}

/** As many again may wait as run; the rest hear 429. */
const slots = signInConcurrency();
const SIGN_IN_GATE = new VerificationGate(slots, 2 * slots);
export const BUSY_RETRY_AFTER_SECONDS = 1;
export const BUSY_MESSAGE = "Many people are signing in right now. Try again in a moment.";

const isCredentialsSignIn = (request: Request) => /\/api\/auth\/callback\/[^/]+$/.test(new URL(request.url).pathname);

/**
 * Whether the sign-in comes from a browser with a device cookie this server signed for the user ID it names
 * (authenticate checks it in full): its owner is never turned away by a flood of strangers' guesses.
 */
async function fromKnownDevice(request: Request): Promise<boolean> {
  const form = await request.clone().formData().catch(() => null);
  const userId = form?.get("userId");
  const token = deviceTokenFrom({ cookie: request.headers.get("cookie") ?? undefined }, userId);
  return typeof userId === "string" && knownDeviceId(authSecret(), token, { userId, secretChangedAt: null }, new Date()) !== null;
}

/**
 * next-auth's POST handler with sign-ins (the credentials callback, where the secret is checked) bounded by
 * the gate. Past it: 429 with Retry-After, and the JSON next-auth's client reads an error from.
 */
export function gateSignIns<C>(handler: (request: Request, context: C) => Promise<Response>) {
  return async (request: Request, context: C): Promise<Response> => {
    if (!isCredentialsSignIn(request)) return handler(request, context);
    const release = await SIGN_IN_GATE.enter(await fromKnownDevice(request));
    if (!release) {
      const url = new URL(`/login?error=${encodeURIComponent(BUSY_MESSAGE)}`, request.url);
      return Response.json({ url: url.toString() }, { status: 429, headers: { "Retry-After": String(BUSY_RETRY_AFTER_SECONDS) } });
    }
    try {
      return await handler(request, context);
    } finally {
      release();
    }
  };
}
