import { mkdir } from "node:fs/promises";
import path from "node:path";
import { expect, test, type APIRequestContext, type Page, type TestInfo } from "@playwright/test";
import { expectNoHorizontalScroll, expectNoSeriousViolations } from "./axe";
import { ADMIN, L1_AGENT, MANAGER, apiSignIn, loginAsStaff, waitForHydration } from "./helpers";

// An admin configures an Alertmanager integration on /admin/integrations; a payload posted to its endpoint
// opens an incident the L1 agent finds in the queue marked Monitoring, with the alert's panel on its page.

const SCREENS = "../../docs/screenshots/issue-16";
const stamp = Date.now().toString(36);
const SLUG = `prod-${stamp}`;
/** A name may be 200 characters: one unbroken word must wrap, not widen the page. */
const LONG_NAME = `Prometheus${stamp}`.padEnd(200, "p");

type Playwright = { request: { newContext(options: object): Promise<APIRequestContext> } };

async function signedIn(playwright: Playwright, baseURL: string | undefined, userId: string, secret: string): Promise<APIRequestContext> {
  const context = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { origin: String(baseURL) } });
  await apiSignIn(context, "staff", userId, secret);
  return context;
}

async function shot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const dir = path.resolve(testInfo.project.testDir, SCREENS);
  await mkdir(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, name), fullPage: true });
}

function payload(fingerprint: string, summary: string, status: "firing" | "resolved" = "firing") {
  const alert = {
    status,
    labels: { alertname: "HighErrorRate", severity: "critical", service: "checkout" },
    annotations: { summary, description: "5xx ratio **7.2 %** over 10 minutes.", runbook_url: "https://runbooks.example/checkout" },
    startsAt: new Date().toISOString(),
    endsAt: "0001-01-01T00:00:00Z",
    generatorURL: "http://prometheus.example:9090/graph",
    fingerprint,
  };
  return { version: "4", groupKey: "{}:{}", truncatedAlerts: 0, status, receiver: "tierdesk", groupLabels: {}, commonLabels: {}, commonAnnotations: {}, externalURL: "http://am.example", alerts: [alert] };
}

test.describe("monitoring alerts", () => {
  let admin: APIRequestContext;
  let manager: APIRequestContext;

  test.beforeAll(async ({ playwright, baseURL }) => {
    admin = await signedIn(playwright, baseURL, ADMIN.userId, ADMIN.password);
    manager = await signedIn(playwright, baseURL, MANAGER.userId, MANAGER.password);
  });

  test.afterAll(async () => {
    await admin.delete(`/api/v1/admin/integrations/${SLUG}`);
    await admin.delete(`/api/v1/admin/integrations/long-${stamp}`);
    await admin.dispose();
    await manager.dispose();
  });

  test("an admin configures an integration; an alert opens an incident the L1 queue shows as Monitoring", async ({ page, browser }, testInfo) => {
    test.setTimeout(180_000);
    const created = await admin.post("/api/v1/admin/integrations", { data: { name: LONG_NAME, slug: `long-${stamp}`, customer: "C1002", category: "access" } });
    expect(created.status(), await created.text()).toBe(201);

    // The admin fills the form: name, slug, the customer from the typeahead, category, auto-resolve.
    await page.setViewportSize({ width: 1366, height: 900 });
    await loginAsStaff(page, ADMIN);
    await page.goto("/admin/integrations");
    await waitForHydration(page);
    await page.getByText("New integration", { exact: true }).click();
    const form = page.getByRole("form", { name: "New integration" });
    await form.getByLabel("Name").fill(`Production Prometheus ${stamp}`);
    await form.getByLabel("Slug").fill(SLUG);
    const box = form.getByRole("combobox", { name: "Customer incidents are opened for" });
    await box.fill("C1001");
    const option = page.getByRole("option", { name: /C1001/ });
    await expect(option).toBeVisible();
    await box.press("Enter");
    await expect(box).toHaveValue(/C1001/);
    await form.getByLabel("Category", { exact: true }).selectOption("platform");
    await form.getByLabel("warning impact").selectOption("HIGH");
    await expect(form.locator("[data-endpoint]")).toHaveText(new RegExp(`/api/v1/integrations/alertmanager\\?integration=${SLUG}$`));
    await form.getByRole("button", { name: "Create integration" }).click();
    await expect(form.getByText("Integration created.")).toBeVisible();
    const list = page.getByRole("list", { name: "Integrations" });
    await expect(list.getByText(`Production Prometheus ${stamp}`)).toBeVisible();
    await expect(list.getByText(LONG_NAME)).toBeVisible();
    await expectNoHorizontalScroll(page);
    await expectNoSeriousViolations(page, testInfo, "admin integrations");
    await shot(page, testInfo, "admin-integrations-1366.png");
    await page.setViewportSize({ width: 360, height: 800 });
    await list.getByText(LONG_NAME).click();
    await expectNoHorizontalScroll(page);
    await shot(page, testInfo, "admin-integrations-360.png");

    const saved = await admin.get(`/api/v1/admin/integrations/${SLUG}`);
    expect(saved.status()).toBe(200);
    expect(((await saved.json()) as { integration: { customer: { userId: string }; severityMap: { warning: { impact: string } } } }).integration).toMatchObject({
      customer: { userId: "C1001" },
      severityMap: { warning: { impact: "HIGH" } },
    });

    // Managers read the page but change nothing.
    expect((await manager.patch(`/api/v1/admin/integrations/${SLUG}`, { data: { name: "x" } })).status()).toBe(403);
    const managerPage = await (await browser.newContext({ baseURL: testInfo.project.use.baseURL })).newPage();
    await loginAsStaff(managerPage, MANAGER);
    await managerPage.goto("/admin/integrations");
    await expect(managerPage.getByRole("list", { name: "Integrations" }).getByText(`Production Prometheus ${stamp}`)).toBeVisible();
    await expect(managerPage.getByText("New integration", { exact: true })).toHaveCount(0);
    await managerPage.context().close();

    // Alertmanager posts (here with the admin's session; a token with alerts:write in production).
    const summary = `Checkout errors above 5 % ${stamp}`;
    const bad = await admin.post(`/api/v1/integrations/alertmanager?integration=${SLUG}`, { data: { ...payload("fp", summary), version: "3" } });
    expect(bad.status()).toBe(400);
    expect(((await bad.json()) as { error: { fields: Record<string, string[]> } }).error.fields).toHaveProperty("version");
    expect((await admin.post(`/api/v1/integrations/alertmanager?integration=nope-${stamp}`, { data: payload("fp", summary) })).status()).toBe(404);
    const huge = JSON.stringify({ ...payload("fp", summary), groupKey: "k".repeat(9 * 1024 * 1024) });
    expect((await admin.post(`/api/v1/integrations/alertmanager?integration=${SLUG}`, { data: huge, headers: { "content-type": "application/json" } })).status()).toBe(413);
    const posted = await admin.post(`/api/v1/integrations/alertmanager?integration=${SLUG}`, { data: payload(`fp-${stamp}`, summary) });
    expect(posted.status(), await posted.text()).toBe(200);
    const receipt = (await posted.json()) as { opened: string[]; repeated: number };
    expect(receipt.opened).toHaveLength(1);
    const number = receipt.opened[0]!;
    const again = (await (await admin.post(`/api/v1/integrations/alertmanager?integration=${SLUG}`, { data: payload(`fp-${stamp}`, summary) })).json()) as { opened: string[]; repeated: number };
    expect(again).toMatchObject({ opened: [], repeated: 1 });

    // The L1 agent finds it in the queue, marked Monitoring, and its page shows the alert.
    const agent = await (await browser.newContext({ baseURL: testInfo.project.use.baseURL, viewport: { width: 1366, height: 900 } })).newPage();
    await loginAsStaff(agent, L1_AGENT);
    await agent.goto(`/queue?view=unassigned&q=${stamp}`);
    const row = agent.locator("tr", { has: agent.locator(`[data-ticket="${number}"]`) });
    await expect(row).toBeVisible();
    await expect(row.locator("[data-channel=MONITORING]")).toHaveText("Monitoring");
    await expectNoHorizontalScroll(agent);
    await shot(agent, testInfo, "queue-monitoring-1366.png");
    await agent.goto(`/queue/tickets/${number}`);
    const panel = agent.getByRole("region", { name: "Monitoring alert" });
    await expect(panel).toBeVisible();
    await expect(panel.locator("[data-seen-count]")).toHaveText("2 times");
    await expect(agent.getByText("5xx ratio **7.2 %** over 10 minutes.")).toBeVisible();
    await shot(agent, testInfo, "ticket-monitoring-1366.png");
    await agent.setViewportSize({ width: 360, height: 800 });
    await agent.goto(`/queue?view=unassigned&q=${stamp}`);
    await expect(agent.locator("li", { has: agent.locator(`[data-card-ticket="${number}"]`) }).locator("[data-channel=MONITORING]")).toBeVisible();
    await expectNoHorizontalScroll(agent);
    await shot(agent, testInfo, "queue-monitoring-360.png");
    await agent.goto(`/queue/tickets/${number}`);
    await expect(agent.getByRole("region", { name: "Monitoring alert" })).toBeVisible();
    await expectNoHorizontalScroll(agent);
    await shot(agent, testInfo, "ticket-monitoring-360.png");
    await agent.context().close();
  });
});
