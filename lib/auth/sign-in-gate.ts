import { availableParallelism } from "node:os";
import { VerificationGate } from "./verification-gate";

/** Twice the cores verify at once (scrypt runs on libuv's pool), a few more wait; the rest hear 429. */
const SIGN_IN_GATE = new VerificationGate(2 * availableParallelism(), 4 * availableParallelism());
export const BUSY_RETRY_AFTER_SECONDS = 1;
export const BUSY_MESSAGE = "Many people are signing in right now. Try again in a moment.";

const isCredentialsSignIn = (request: Request) => /\/api\/auth\/callback\/[^/]+$/.test(new URL(request.url).pathname);

/**
 * next-auth's POST handler with sign-ins (the credentials callback, where the secret is checked) bounded by
 * the gate. Past it: 429 with Retry-After, and the JSON next-auth's client reads an error from.
 */
export function gateSignIns<C>(handler: (request: Request, context: C) => Promise<Response>) {
  return async (request: Request, context: C): Promise<Response> => {
    if (!isCredentialsSignIn(request)) return handler(request, context);
    const release = await SIGN_IN_GATE.enter();
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
