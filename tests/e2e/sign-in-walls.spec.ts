import { expect, test, type APIRequestContext } from "@playwright/test";
import { ADMIN, CUSTOMER_GLOBEX, apiSignIn, apiSignOut } from "./helpers";

// Every test here comes from the same client address as the rest of the suite: what it throttles, it clears.

/** One sign-in attempt through next-auth's credentials callback: the error next-auth reports, or null. */
async function attempt(request: APIRequestContext, userId: string, pin: string, headers: Record<string, string> = {}): Promise<string | null> {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await request.post("/api/auth/callback/customer", { form: { csrfToken, userId, pin, json: "true" }, headers });
  const { url } = (await response.json()) as { url: string };
  return new URL(url).searchParams.get("error");
}

test.describe("sign-in walls", () => {
  test("a sign-in leaves an HttpOnly device cookie; with it the owner gets in while a stranger keeps the account throttled", async ({ playwright, baseURL }) => {
    const owner = await playwright.request.newContext({ baseURL });
    const stranger = await playwright.request.newContext({ baseURL });
    try {
      await apiSignIn(owner, "customer", CUSTOMER_GLOBEX.userId, CUSTOMER_GLOBEX.pin);
      const device = (await owner.storageState()).cookies.find((c) => c.name.startsWith("tierdesk-device-"));
      expect(device).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
      expect(device!.expires - Date.now() / 1000).toBeGreaterThan(170 * 86_400);
      await apiSignOut(owner);

      // Four wrong PINs: three free, the fourth earns the account a wait.
      for (let i = 0; i < 4; i++) expect(await attempt(stranger, CUSTOMER_GLOBEX.userId, `00000${i}`)).toMatch(/do not match/);
      expect(await attempt(stranger, CUSTOMER_GLOBEX.userId, CUSTOMER_GLOBEX.pin)).toMatch(/Too many failed attempts/);
      // The owner's browser still has its device cookie: in at once.
      await apiSignIn(owner, "customer", CUSTOMER_GLOBEX.userId, CUSTOMER_GLOBEX.pin);
    } finally {
      await owner.dispose();
      await stranger.dispose();
    }
  });

  test("a client cannot leave the per-address back-off by sending its own X-Forwarded-For", async ({ playwright, baseURL }) => {
    const admin = await playwright.request.newContext({ baseURL });
    const client = await playwright.request.newContext({ baseURL });
    try {
      await apiSignIn(admin, "staff", ADMIN.userId, ADMIN.password);
      // Unknown user IDs (no account key is slowed), each claiming another address or none at all: the
      // address's 10 free failures (fewer if earlier tests used some) run out all the same.
      let refused: string | null = null;
      for (let i = 0; i < 12 && !refused?.startsWith("Too many"); i++) {
        const forwardedFor = i % 2 ? `198.51.100.${i}` : "x";
        refused = await attempt(client, `C9${String(i).padStart(3, "0")}`, "123456", { "x-forwarded-for": forwardedFor });
      }
      expect(refused).toMatch(/Too many failed attempts/);

      const { throttles } = (await (await admin.get("/api/v1/admin/login-throttles")).json()) as { throttles: { key: string; failures: number }[] };
      const address = throttles.find((t) => t.key.startsWith("ip:") && t.failures >= 11);
      // Every guess counted on the socket's address; none on an address the client claimed.
      expect(address?.key).toMatch(/^ip:(127\.0\.0\.1|::1)$/);
      expect(throttles.some((t) => t.key.includes("198.51.100.") || t.key.includes("203.0.113."))).toBe(false);
      const cleared = await admin.post("/api/v1/admin/login-throttles/clear", { data: { key: address!.key }, headers: { origin: baseURL! } });
      expect(cleared.status()).toBe(200);
    } finally {
      await admin.dispose();
      await client.dispose();
    }
  });

  test("after sign-out the old session cookie no longer reads a user from /api/auth/session", async ({ playwright, baseURL }) => {
    const browser = await playwright.request.newContext({ baseURL });
    try {
      await apiSignIn(browser, "customer", CUSTOMER_GLOBEX.userId, CUSTOMER_GLOBEX.pin);
      const before = await browser.storageState();
      await apiSignOut(browser);
      // Someone who kept the cookie (a copy, another tab that did not hear of the sign-out) sends it again.
      const copy = await playwright.request.newContext({ baseURL, storageState: before });
      try {
        expect(await (await copy.get("/api/auth/session")).json()).toEqual({});
        expect((await copy.get("/api/v1/tickets")).status()).toBe(401);
      } finally {
        await copy.dispose();
      }
    } finally {
      await browser.dispose();
    }
  });
});
