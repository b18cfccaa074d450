import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { expect, test, type APIRequestContext, type Page, type PlaywrightWorkerArgs } from "@playwright/test";
import { CUSTOMER_ACME, L1_AGENT, MANAGER, apiSignIn, loginAsCustomer, loginAsStaff, openTicketViaPortal, uniqueTitle } from "./helpers";

// The HTTP walls of issue 12: page security headers, cross-site writes, body limits, forged server actions.

const TICKETS = "/api/v1/tickets";
const EVIL = "https://evil.example";
const MB = 1024 * 1024;

const ticketInput = (title = uniqueTitle("Walls")) => ({ type: "INCIDENT", title, description: "Opened by the HTTP walls suite.", category: "billing" });

async function signedIn(playwright: PlaywrightWorkerArgs["playwright"], baseURL: string | undefined, who: "customer" | "agent", headers: Record<string, string>): Promise<APIRequestContext> {
  const context = await playwright.request.newContext({ baseURL, extraHTTPHeaders: headers });
  if (who === "customer") await apiSignIn(context, "customer", CUSTOMER_ACME.userId, CUSTOMER_ACME.pin);
  else await apiSignIn(context, "staff", L1_AGENT.userId, L1_AGENT.password);
  return context;
}

/** CSP violations Chromium reports on the console while `page` is used. */
function cspViolations(page: Page): string[] {
  const seen: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) seen.push(message.text());
  });
  return seen;
}

/** The id of a real server action (Next.js lists them in the build's manifest), to send it a body it cannot decode. */
function realActionId(): string {
  const manifest = JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")) as { node: Record<string, unknown> };
  const id = Object.keys(manifest.node)[0];
  if (!id) throw new Error("The build lists no server action.");
  return id;
}

test.describe("security headers", () => {
  test("every page has a nonce-only script policy, and the pages still hydrate, submit forms and draw charts", async ({ page, browser }, testInfo) => {
    const violations = cspViolations(page);
    const login = await page.goto("/login");
    const policy = login!.headers()["content-security-policy"] ?? "";
    expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'(;|$)/);
    expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    for (const directive of ["img-src 'self' data:", "frame-ancestors 'none'", "form-action 'self'", "object-src 'none'", "base-uri 'self'"]) {
      expect(policy).toContain(directive);
    }
    expect(login!.headers()["referrer-policy"]).toBe("same-origin");
    expect(login!.headers()["strict-transport-security"]).toBeUndefined();

    // Hydrated React is what signs in (the form posts through next-auth's client), and a server action opens a ticket.
    await loginAsCustomer(page, CUSTOMER_ACME);
    await openTicketViaPortal(page, { type: "INCIDENT", title: uniqueTitle("CSP form"), description: "A server action under the CSP.", category: "Platform outage or error", impact: "Just me", urgency: "Work is slowed down" });
    await page.screenshot({ path: testInfo.outputPath("csp-portal.png"), fullPage: true });

    const manager = await browser.newContext();
    try {
      const dashboard = await manager.newPage();
      const dashboardViolations = cspViolations(dashboard);
      await loginAsStaff(dashboard, MANAGER);
      await dashboard.goto("/dashboard?period=today");
      await expect(dashboard.locator(".recharts-surface").first()).toBeVisible();
      await dashboard.screenshot({ path: testInfo.outputPath("csp-dashboard.png"), fullPage: true });
      expect(dashboardViolations).toEqual([]);
    } finally {
      await manager.close();
    }
    expect(violations).toEqual([]);
  });

  test("Strict-Transport-Security only when served over HTTPS", async ({ request }) => {
    const proxied = await request.get("/login", { headers: { "x-forwarded-proto": "https" } });
    expect(proxied.headers()["strict-transport-security"]).toMatch(/^max-age=\d+/);
    expect((await request.get("/login")).headers()["strict-transport-security"]).toBeUndefined();
  });

  test("a Markdown image from another host is shown as a link and never loaded", async ({ page, playwright, baseURL }) => {
    const customer = await signedIn(playwright, baseURL, "customer", { origin: String(baseURL) });
    try {
      const created = await customer.post(TICKETS, { data: ticketInput() });
      expect(created.status()).toBe(201);
      const { number } = ((await created.json()) as { ticket: { number: string } }).ticket;
      const reply = await customer.post(`${TICKETS}/${number}/comments`, { data: { body: `See ![the error](${EVIL}/pixel.png) here.`, visibility: "PUBLIC" } });
      expect(reply.status()).toBe(201);

      const foreign: string[] = [];
      page.on("request", (r) => {
        if (r.url().startsWith(EVIL)) foreign.push(r.url());
      });
      await loginAsStaff(page, L1_AGENT);
      await page.goto(`/queue/tickets/${number}`);
      await expect(page.getByRole("link", { name: "the error" })).toHaveAttribute("href", `${EVIL}/pixel.png`);
      await expect(page.locator(`img[src^="${EVIL}"]`)).toHaveCount(0);
      expect(foreign).toEqual([]);
    } finally {
      await customer.dispose();
    }
  });
});

test.describe("cross-site writes to the API", () => {
  test("a signed-in write from another origin, or with no Origin, is 403 JSON and changes nothing; the same site's is accepted", async ({ playwright, baseURL }) => {
    const own = await signedIn(playwright, baseURL, "customer", { origin: String(baseURL) });
    const evilCustomer = await signedIn(playwright, baseURL, "customer", { origin: EVIL });
    const evilAgent = await signedIn(playwright, baseURL, "agent", { origin: EVIL });
    const bare = await signedIn(playwright, baseURL, "agent", {});
    const anonymous = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { origin: EVIL } });
    try {
      const created = await own.post(TICKETS, { data: ticketInput() });
      expect(created.status()).toBe(201);
      const { number } = ((await created.json()) as { ticket: { number: string } }).ticket;
      const count = async () => ((await (await own.get(`${TICKETS}?limit=100`)).json()) as { tickets: unknown[] }).tickets.length;
      const before = await count();

      const refused = [
        await evilCustomer.post(TICKETS, { data: ticketInput() }),
        await evilCustomer.post(`${TICKETS}/${number}/comments`, { data: { body: "Forged.", visibility: "PUBLIC" } }),
        await evilCustomer.post(`${TICKETS}/${number}/attachments`, { multipart: { attachments: { name: "x.log", mimeType: "text/plain", buffer: Buffer.from("forged\n") } } }),
        await evilAgent.post(`${TICKETS}/${number}/claim`),
        await evilAgent.post(`${TICKETS}/${number}/presence`),
        await bare.post(`${TICKETS}/${number}/claim`),
      ];
      for (const response of refused) {
        expect(response.status()).toBe(403);
        expect(response.headers()["content-type"]).toContain("application/json");
        expect(((await response.json()) as { error: { code: string } }).error.code).toBe("FORBIDDEN");
      }
      expect(await count()).toBe(before);
      const ticket = (await (await evilAgent.get(`${TICKETS}/${number}`)).json()) as { ticket: { assignee: unknown } };
      expect(ticket.ticket.assignee).toBeNull();
      expect(((await (await own.get(`${TICKETS}/${number}/attachments`)).json()) as { attachments: unknown[] }).attachments).toEqual([]);

      // Without a cookie there is no session to abuse: 401 as before.
      expect((await anonymous.post(`${TICKETS}/${number}/claim`)).status()).toBe(401);
      // The browser's own word for a same-origin request is enough.
      expect((await bare.post(`${TICKETS}/${number}/claim`, { headers: { "sec-fetch-site": "same-origin" } })).status()).toBe(200);
    } finally {
      await Promise.all([own, evilCustomer, evilAgent, bare, anonymous].map((c) => c.dispose()));
    }
  });
});

test.describe("body limits and forged server actions", () => {
  test("a 2 MB write to a page that takes no files is 413; a 20 MB reply with files still goes through", async ({ page, playwright, baseURL }) => {
    test.setTimeout(120_000);
    const agent = await signedIn(playwright, baseURL, "agent", { origin: String(baseURL) });
    try {
      const big = await agent.post("/queue", {
        headers: { "next-action": `7f${randomBytes(20).toString("hex")}`, "content-type": "text/plain;charset=UTF-8" },
        data: Buffer.alloc(2 * MB, 0x41),
      });
      expect(big.status()).toBe(413);
    } finally {
      await agent.dispose();
    }

    await loginAsCustomer(page, CUSTOMER_ACME);
    const number = await openTicketViaPortal(page, { type: "INCIDENT", title: uniqueTitle("Big logs"), description: "Two large logs follow.", category: "Platform outage or error", impact: "Just me", urgency: "Work is slowed down" });
    await page.goto(`/portal/tickets/${number}`);
    const reply = page.getByRole("form", { name: "Reply" });
    await reply.getByLabel("Your reply").fill("Both worker logs from today.");
    await reply.getByLabel("Attachments (optional)").setInputFiles([
      { name: "worker-1.log", mimeType: "text/plain", buffer: Buffer.alloc(10 * MB, 0x41) },
      { name: "worker-2.log", mimeType: "text/plain", buffer: Buffer.alloc(10 * MB, 0x42) },
    ]);
    await reply.getByRole("button", { name: "Send reply" }).click();
    await expect(reply.getByRole("status")).toHaveText("Reply sent.", { timeout: 60_000 });
    const listed = (await (await page.request.get(`${TICKETS}/${number}/attachments`)).json()) as { attachments: { fileName: string; size: number }[] };
    expect(listed.attachments.map((a) => [a.fileName, a.size])).toEqual([["worker-1.log", 10 * MB], ["worker-2.log", 10 * MB]]);
  });

  test("a forged server action (unknown id, or a body Next.js cannot decode) is 4xx, never 500", async ({ playwright, baseURL }) => {
    const customer = await signedIn(playwright, baseURL, "customer", { origin: String(baseURL) });
    try {
      const forged = [
        await customer.post("/portal", { headers: { "next-action": `7f${randomBytes(20).toString("hex")}`, "content-type": "text/plain;charset=UTF-8" }, data: "[]" }),
        await customer.post("/portal", { headers: { "next-action": "not-an-action-id", "content-type": "text/plain;charset=UTF-8" }, data: "[]" }),
        await customer.post("/portal", { headers: { "next-action": realActionId(), "content-type": "text/plain;charset=UTF-8" }, data: "{{{ not json" }),
        await customer.post("/portal", { headers: { "next-action": realActionId(), "content-type": "multipart/form-data; boundary=xyz" }, data: "garbage" }),
        await customer.post("/portal", { headers: { "next-action": realActionId(), "content-type": "multipart/form-data" }, data: "garbage" }),
        await customer.post("/portal/tickets/INC-000001", { headers: { "content-type": "multipart/form-data; boundary=xyz" }, data: "--xyz\r\nbroken" }),
      ];
      for (const response of forged) {
        expect(response.status(), await response.text()).toBeGreaterThanOrEqual(400);
        expect(response.status()).toBeLessThan(500);
      }
    } finally {
      await customer.dispose();
    }
  });
});
