// Sessions for the mix, outside the measured window. "form" (the default): every person signs in through the
// login form of their instance (next-auth's credentials callback, the PIN or password checked with its 128 MiB
// scrypt, the device cookie set), as a browser does. "token" (BENCH_SIGN_IN=token, quicker while developing):
// one staff member and one customer sign in through the form on each instance; everyone else gets the session
// cookie next-auth itself would write after that check: its own encode() with the shared secret, the claims of
// the real sign-in's token with the person's own id, login, role, tier, a new session id and sign-in time.
import { randomUUID } from "node:crypto";
import { decode, encode, type JWT } from "next-auth/jwt";
import { signIn } from "../bench-app-server";
import { CUSTOMER_PIN, STAFF_PASSWORD, type BenchPerson } from "./data";
import type { Instance } from "./http-client";

const SESSION_COOKIE = "next-auth.session-token";
const SESSION_MAX_AGE_SECONDS = 12 * 3600;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export type SignInMode = "form" | "token";

export interface Signed {
  cookie: string;
  retries: number;
}

/** Through the login form, retried with a growing pause when the sign-in gate turns it away (429). */
export async function signInThroughForm(instance: Instance, p: BenchPerson): Promise<Signed> {
  const customer = p.role === "CUSTOMER";
  for (let attempt = 1; ; attempt++) {
    try {
      return { cookie: await signIn(instance.origin, p.userId, customer ? CUSTOMER_PIN : STAFF_PASSWORD, "", customer ? "customer" : "staff"), retries: attempt - 1 };
    } catch (error) {
      if (attempt >= 5) throw error;
      await sleep(1000 * attempt);
    }
  }
}

const sessionTokenOf = (cookie: string) => /(?:^|; )next-auth\.session-token=([^;]+)/.exec(cookie)?.[1] ?? null;

/** The claims of a real sign-in's session, to write others like it. */
export async function sessionClaims(cookie: string, secret: string): Promise<JWT> {
  const token = sessionTokenOf(cookie);
  const claims = token ? await decode({ token, secret }) : null;
  if (!claims) throw new Error("The sign-in's session cookie could not be read with the shared secret.");
  return claims;
}

/** A session cookie for `person` as next-auth writes one, shaped like `template` (a real sign-in's claims). */
export async function mintSession(template: JWT, person: BenchPerson & { id: string; name: string }, secret: string): Promise<string> {
  const shape: JWT = { ...template };
  // encode() sets these afresh; the e-mail and picture were the template person's.
  for (const key of ["iat", "exp", "jti", "email", "picture"]) delete shape[key];
  const token: JWT = {
    ...shape,
    name: person.name,
    sub: person.id,
    userId: person.userId,
    role: person.role,
    tier: person.tier,
    sid: randomUUID(),
    authTime: Math.floor(Date.now() / 1000),
  };
  return `${SESSION_COOKIE}=${await encode({ token, secret, maxAge: SESSION_MAX_AGE_SECONDS })}`;
}
