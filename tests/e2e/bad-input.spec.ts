import { expect, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import { ADMIN, CUSTOMER_ACME, L1_AGENT, apiSignIn, uniqueTitle } from "./helpers";

// Issue 12: bad input is a 400 that names the field, never a 500, over real HTTP routes: a NUL byte in
// a text field or query (PostgreSQL cannot store it) and a cursor past the int4 range. Emoji and
// right-to-left text are accepted.
const NUL = "Printer\u0000jams";
const HUGE = "2147483648";

async function expectFieldError(response: APIResponse, field: string): Promise<void> {
  expect(response.status(), await response.text()).toBe(400);
  const body = (await response.json()) as { error: { code: string; fields?: Record<string, string[]> } };
  expect(body.error.code).toBe("VALIDATION");
  expect(Object.keys(body.error.fields ?? {})).toContain(field);
}

const ticket = (title: string) => ({ type: "INCIDENT", title, description: "From the bad-input e2e check.", category: "platform" });

async function signedIn(
  playwright: { request: { newContext(o: { baseURL?: string; extraHTTPHeaders?: Record<string, string> }): Promise<APIRequestContext> } },
  baseURL: string | undefined,
  as: "customer" | "staff",
  userId: string,
  secret: string,
) {
  // Signed-in writes must name this site, as a browser's same-origin fetch does (lib/http/cross-site-write.ts).
  const request = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { origin: String(baseURL) } });
  await apiSignIn(request, as, userId, secret);
  return request;
}

test.describe("bad input over HTTP", () => {
  test("a customer's NUL title, NUL search and huge cursor are 400s; emoji and RTL text are accepted", async ({ playwright, baseURL }) => {
    const customer = await signedIn(playwright, baseURL, "customer", CUSTOMER_ACME.userId, CUSTOMER_ACME.pin);
    await expectFieldError(await customer.post("/api/v1/tickets", { data: ticket(NUL) }), "title");
    await expectFieldError(await customer.get(`/api/v1/tickets?cursor=${HUGE}`), "cursor");
    await expectFieldError(await customer.get("/api/v1/kb/articles?q=%00"), "q");

    const title = `${uniqueTitle("😀 مرحبا")}`;
    const created = await customer.post("/api/v1/tickets", { data: ticket(title) });
    expect(created.status()).toBe(201);
    const { ticket: opened } = (await created.json()) as { ticket: { number: string; title: string } };
    expect(opened.title).toBe(title);
    await expectFieldError(await customer.post(`/api/v1/tickets/${opened.number}/comments`, { data: { body: NUL } }), "body");
    await customer.dispose();
  });

  test("staff and admin queries with NUL or a huge cursor are 400s", async ({ playwright, baseURL }) => {
    const agent = await signedIn(playwright, baseURL, "staff", L1_AGENT.userId, L1_AGENT.password);
    await expectFieldError(await agent.get(`/api/v1/queue?cursor=P1.${HUGE}`), "cursor");
    await expectFieldError(await agent.get("/api/v1/queue?q=a%00b"), "q");
    expect((await agent.get("/api/v1/queue?q=%D9%85%D8%B1%D8%AD%D8%A8%D8%A7")).status()).toBe(200);
    await agent.dispose();

    const admin = await signedIn(playwright, baseURL, "staff", ADMIN.userId, ADMIN.password);
    await expectFieldError(await admin.get(`/api/v1/admin/audit?cursor=${HUGE}`), "cursor");
    await expectFieldError(await admin.get("/api/v1/admin/audit?entity=User%00"), "entity");
    await expectFieldError(await admin.post("/api/v1/admin/people", { data: { userId: "C7001", name: NUL, role: "CUSTOMER" } }), "name");
    await admin.dispose();
  });

  test("a page's repeated query parameter is read as the page expects, never a 500", async ({ request }) => {
    // ?callbackUrl=a&callbackUrl=b arrives as an array: the sign-in page used to call a string method on it.
    const login = await request.get("/login?callbackUrl=/queue&callbackUrl=https://evil.example/&staff=1&staff=1");
    expect(login.status(), (await login.text()).slice(0, 500)).toBe(200);
    expect(await login.text()).toContain("Sign in to the support portal.");
    for (const path of ["/portal/search?q=printer&q=vpn", "/portal/tickets?filter=open&filter=closed", "/portal?related=INC-000001&related=x"]) {
      // Signed out, each sends the visitor to sign in; with the parameters repeated it still answers.
      expect((await request.get(path, { maxRedirects: 0 })).status(), path).toBeLessThan(500);
    }
  });
});
