// Signs in through next-auth's credentials callback with plain fetch (as tests/e2e/helpers.ts does with
// Playwright's request context) and returns the session cookie for the typed client.
import type { LoginKind } from "../e2e/helpers";

function cookiesOf(response: Response): string[] {
  return response.headers.getSetCookie().map((cookie) => cookie.split(";")[0]!);
}

export async function signInCookie(baseUrl: string, kind: LoginKind, userId: string, secret: string): Promise<string> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  if (csrf.status !== 200) throw new Error(`GET /api/auth/csrf → ${csrf.status}`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const callback = await fetch(`${baseUrl}/api/auth/callback/${kind}`, {
    method: "POST",
    redirect: "manual",
    headers: { cookie: cookiesOf(csrf).join("; "), "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken, userId, [kind === "customer" ? "pin" : "password"]: secret, json: "true" }),
  });
  const session = cookiesOf(callback).find((cookie) => cookie.startsWith("next-auth.session-token="));
  if (!session) throw new Error(`signing in ${userId} gave no session (status ${callback.status}): ${await callback.text()}`);
  return session;
}
