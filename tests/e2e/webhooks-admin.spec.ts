import http from "node:http";
import { mkdir } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { Webhook } from "standardwebhooks";
import { expect, test, type APIRequestContext, type Page, type TestInfo } from "@playwright/test";
import { expectNoHorizontalScroll, expectNoSeriousViolations } from "./axe";
import { ADMIN, CUSTOMER_ACME, MANAGER, apiSignIn, loginAsStaff, waitForHydration } from "./helpers";

const SCREENS = "../../docs/screenshots/issue-16";
const stamp = Date.now().toString(36);
/** 200 characters without a break: a description and a URL path must wrap, not widen the page. */
const LONG_DESCRIPTION = `Hook${stamp}`.padEnd(200, "w");

type Playwright = { request: { newContext(options: object): Promise<APIRequestContext> } };

interface Received {
  id: string;
  timestamp: string;
  signature: string;
  body: string;
}

async function signedIn(playwright: Playwright, baseURL: string | undefined, kind: "customer" | "staff", userId: string, secret: string): Promise<APIRequestContext> {
  const context = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { origin: String(baseURL) } });
  await apiSignIn(context, kind, userId, secret);
  return context;
}

async function shot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const dir = path.resolve(testInfo.project.testDir, SCREENS);
  await mkdir(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, name), fullPage: true });
}

/** A receiver on this machine, as a chat tool's endpoint would be: it keeps every request and answers 204. */
async function startReceiver(): Promise<{ url: string; received: Received[]; close: () => Promise<void> }> {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({
        id: String(req.headers["webhook-id"]),
        timestamp: String(req.headers["webhook-timestamp"]),
        signature: String(req.headers["webhook-signature"]),
        body: Buffer.concat(chunks).toString("utf8"),
      });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}

test.describe("webhooks", () => {
  let admin: APIRequestContext;
  let manager: APIRequestContext;
  let customer: APIRequestContext;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  const created: string[] = [];

  test.beforeAll(async ({ playwright, baseURL }) => {
    admin = await signedIn(playwright, baseURL, "staff", ADMIN.userId, ADMIN.password);
    manager = await signedIn(playwright, baseURL, "staff", MANAGER.userId, MANAGER.password);
    customer = await signedIn(playwright, baseURL, "customer", CUSTOMER_ACME.userId, CUSTOMER_ACME.pin);
    receiver = await startReceiver();
  });

  test.afterAll(async () => {
    for (const id of created) await admin.delete(`/api/v1/admin/webhooks/${id}`);
    await Promise.all([admin.dispose(), manager.dispose(), customer.dispose()]);
    await receiver.close();
  });

  test("an admin registers an endpoint, sees its secret once, and a new ticket is delivered, signed, and logged as delivered", async ({ page, browser }, testInfo) => {
    test.setTimeout(120_000);
    // The API refuses what the form would, and managers only read.
    expect((await admin.post("/api/v1/admin/webhooks", { data: { url: "ftp://hooks.example.com/x", events: ["ticket.created"] } })).status()).toBe(400);
    expect((await admin.post("/api/v1/admin/webhooks", { data: { url: "https://hooks.example.com/x", events: ["ticket.deleted"] } })).status()).toBe(400);
    expect((await manager.post("/api/v1/admin/webhooks", { data: { url: "https://hooks.example.com/x", events: ["ticket.created"] } })).status()).toBe(403);
    expect((await customer.get("/api/v1/admin/webhooks")).status()).toBe(403);

    await page.setViewportSize({ width: 1366, height: 900 });
    await loginAsStaff(page, ADMIN);
    await page.getByRole("link", { name: /Webhooks/ }).first().click();
    await expect(page.getByRole("heading", { name: "Webhooks", level: 1 })).toBeVisible();
    await waitForHydration(page);

    const form = page.getByRole("form", { name: "Register a webhook" });
    const url = `${receiver.url}/tierdesk/${stamp}/${"p".repeat(150)}`;
    await form.getByLabel("URL").fill(url);
    await form.getByLabel("Description (optional)").fill(LONG_DESCRIPTION);
    await form.getByRole("button", { name: "Register webhook" }).click();
    await expect(form.getByRole("alert")).toBeVisible();
    await expect(form.getByText("Choose at least one event.")).toBeVisible();
    await form.getByRole("checkbox", { name: /Ticket opened/ }).check();
    await form.getByRole("checkbox", { name: /Ticket assigned/ }).check();
    await form.getByRole("button", { name: "Register webhook" }).click();

    const secret = (await page.getByTestId("webhook-secret").textContent())!.trim();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/=]{44}$/);
    await expect(page.getByRole("button", { name: "Copy" })).toBeVisible();
    const list = page.getByRole("list", { name: "Webhooks" });
    await expect(list.getByRole("link", { name: url })).toBeVisible();
    await expect(list.getByText("Ticket opened · Ticket assigned").first()).toBeVisible();
    await shot(page, testInfo, "admin-webhooks-secret-1366.png");
    await expectNoSeriousViolations(page, testInfo, "admin-webhooks");

    const listed = ((await (await admin.get("/api/v1/admin/webhooks")).json()) as { webhooks: { id: string; url: string }[] }).webhooks;
    const webhookId = listed.find((w) => w.url === url)!.id;
    created.push(webhookId);
    // Shown once: neither the page reloaded nor the API gives it again.
    await page.reload();
    await expect(page.getByTestId("webhook-secret")).toHaveCount(0);
    expect(await page.content()).not.toContain(secret);
    expect(JSON.stringify(listed)).not.toContain(secret);

    // A customer opens a ticket: the worker (every second here) delivers ticket.created, signed with that secret.
    const opened = await customer.post("/api/v1/tickets", { data: { type: "INCIDENT", title: `Webhook ${stamp}`, description: "Delivered to the chat tool.", category: "access" } });
    expect(opened.status(), await opened.text()).toBe(201);
    const number = ((await opened.json()) as { ticket: { number: string } }).ticket.number;
    const verifier = new Webhook(secret);
    const mine = () =>
      receiver.received.flatMap((r) => {
        const body = verifier.verify(r.body, { "webhook-id": r.id, "webhook-timestamp": r.timestamp, "webhook-signature": r.signature }) as { type: string; data: { ticket: { number: string; title: string } } };
        return body.data.ticket.number === number ? [{ ...body, id: r.id }] : [];
      });
    await expect.poll(() => mine().map((b) => b.type), { timeout: 30_000 }).toContain("ticket.created");
    const delivered = mine().find((b) => b.type === "ticket.created")!;
    expect(delivered.data.ticket.title).toBe(`Webhook ${stamp}`);

    // The endpoint's log shows it delivered, with the answer's code.
    await list.getByRole("link", { name: url }).click();
    await expect(page.getByRole("heading", { name: url, level: 1 })).toBeVisible();
    const row = page.locator(`[data-delivery="${delivered.id}"]`);
    await expect(row).toContainText("Delivered");
    await expect(row).toContainText("Ticket opened");
    await expect(row).toContainText(number);
    await expect(row).toContainText("HTTP 204");
    await expect(row).toContainText("1 attempt");
    await expectNoHorizontalScroll(page);
    await shot(page, testInfo, "admin-webhook-log-1366.png");
    await expectNoSeriousViolations(page, testInfo, "admin-webhook-log");
    await page.setViewportSize({ width: 360, height: 800 });
    await expectNoHorizontalScroll(page);
    await shot(page, testInfo, "admin-webhook-log-360.png");
    await page.goto("/admin/webhooks");
    await expectNoHorizontalScroll(page);
    await shot(page, testInfo, "admin-webhooks-360.png");

    // Disabled by hand, it says so and by whom; enabled again, it is active.
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.goto(`/admin/webhooks/${webhookId}`);
    await waitForHydration(page);
    await page.getByRole("button", { name: "Disable" }).click();
    await expect(page.getByText(`Disabled by ${ADMIN.name}.`)).toBeVisible();
    await page.getByRole("button", { name: "Enable" }).click();
    await expect(page.getByText("Active", { exact: true })).toBeVisible();

    // A manager reads the same page without the controls that change it.
    const managerContext = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    const managerPage = await managerContext.newPage();
    await loginAsStaff(managerPage, MANAGER);
    await managerPage.goto("/admin/webhooks");
    await expect(managerPage.getByRole("list", { name: "Webhooks" }).getByRole("link", { name: url })).toBeVisible();
    await expect(managerPage.getByRole("form", { name: "Register a webhook" })).toHaveCount(0);
    await managerPage.goto(`/admin/webhooks/${webhookId}`);
    await expect(managerPage.locator(`[data-delivery="${delivered.id}"]`)).toContainText("Delivered");
    await expect(managerPage.getByLabel("URL")).toBeDisabled();
    await expect(managerPage.getByRole("button", { name: /Save webhook|Disable|Delete/ })).toHaveCount(0);
    await managerContext.close();
  });
});
