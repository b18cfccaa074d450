import { mkdir } from "node:fs/promises";
import path from "node:path";
import type { APIRequestContext, Page, TestInfo } from "@playwright/test";
import { expectNoHorizontalScroll, expectNoSeriousViolations } from "./axe";
import { ADMIN, L1_AGENT, MANAGER, apiSignIn, waitForHydration } from "./helpers";
import { expect, test } from "./people";

// An admin configures an Alertmanager integration on /admin/integrations; a payload posted to its endpoint
// opens an incident the L1 agent finds in the queue marked Monitoring, with the alert's panel on its page.

const SCREENS = "../../docs/screenshots/issue-16";
const stamp = Date.now().toString(36);
const SLUG = `prod-${stamp}`;
/** A name may be 200 characters: one unbroken word must wrap, not widen the page. */
const LONG_NAME = `Prometheus${stamp}`.padEnd(200, "p");

type Playwright = { request: { newContext(options: object): Promise<APIRequestContext> } };

/** An API client with its own session, sending this site's Origin as the app's own writes do. */
async function apiAs(playwright: Playwright, baseURL: string | undefined, userId: string, secret: string): Promise<APIRequestContext> {
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
    admin = await apiAs(playwright, baseURL, ADMIN.userId, ADMIN.password);
    manager = await apiAs(playwright, baseURL, MANAGER.userId, MANAGER.password);
  });

  test.afterAll(async () => {
    await admin.delete(`/api/v1/admin/integrations/${SLUG}`);
    await admin.delete(`/api/v1/admin/integrations/long-${stamp}`);
    await admin.dispose();
    await manager.dispose();
  });

  test("an admin configures an integration; an alert opens an incident the L1 queue shows as Monitoring", async ({ signedIn }, testInfo) => {
    test.setTimeout(180_000);
    await test.step("an integration with a 200-character unbroken name is created through the API", async () => {
      const created = await admin.post("/api/v1/admin/integrations", { data: { name: LONG_NAME, slug: `long-${stamp}`, customer: "C1002", category: "access" } });
      expect(created.status(), await created.text()).toBe(201);
    });

    const ada = await signedIn(ADMIN);
    await ada.setViewportSize({ width: 1366, height: 900 });
    const list = ada.getByRole("list", { name: "Integrations" });
    await test.step("Ada (admin) fills the form: name, slug, the customer from the typeahead, category, a warning's impact; created, it is listed beside the long-named one", async () => {
      await ada.goto("/admin/integrations");
      await waitForHydration(ada);
      await ada.getByText("New integration", { exact: true }).click();
      const form = ada.getByRole("form", { name: "New integration" });
      await form.getByLabel("Name").fill(`Production Prometheus ${stamp}`);
      await form.getByLabel("Slug").fill(SLUG);
      const box = form.getByRole("combobox", { name: "Customer incidents are opened for" });
      await box.fill("C1001");
      const option = ada.getByRole("option", { name: /C1001/ });
      await expect(option).toBeVisible();
      await box.press("Enter");
      await expect(box).toHaveValue(/C1001/);
      await form.getByLabel("Category", { exact: true }).selectOption("platform");
      await form.getByLabel("warning impact").selectOption("HIGH");
      await expect(form.locator("[data-endpoint]")).toHaveText(new RegExp(`/api/v1/integrations/alertmanager\\?integration=${SLUG}$`));
      await form.getByRole("button", { name: "Create integration" }).click();
      await expect(form.getByText("Integration created.")).toBeVisible();
      await expect(list.getByText(`Production Prometheus ${stamp}`)).toBeVisible();
      await expect(list.getByText(LONG_NAME)).toBeVisible();
    });

    await test.step("the page fits 1366 px (axe) and, the long name opened, 360 px: nothing scrolls sideways", async () => {
      await expectNoHorizontalScroll(ada);
      await expectNoSeriousViolations(ada, testInfo, "admin integrations");
      await shot(ada, testInfo, "admin-integrations-1366.png");
      await ada.setViewportSize({ width: 360, height: 800 });
      await list.getByText(LONG_NAME).click();
      await expectNoHorizontalScroll(ada);
      await shot(ada, testInfo, "admin-integrations-360.png");
    });

    await test.step("the integration is saved with the customer and the warning's impact chosen", async () => {
      const saved = await admin.get(`/api/v1/admin/integrations/${SLUG}`);
      expect(saved.status()).toBe(200);
      expect(((await saved.json()) as { integration: { customer: { userId: string }; severityMap: { warning: { impact: string } } } }).integration).toMatchObject({
        customer: { userId: "C1001" },
        severityMap: { warning: { impact: "HIGH" } },
      });
    });

    await test.step("managers read the page but change nothing", async () => {
      expect((await manager.patch(`/api/v1/admin/integrations/${SLUG}`, { data: { name: "x" } })).status()).toBe(403);
      const mia = await signedIn(MANAGER);
      await mia.goto("/admin/integrations");
      await expect(mia.getByRole("list", { name: "Integrations" }).getByText(`Production Prometheus ${stamp}`)).toBeVisible();
      await expect(mia.getByText("New integration", { exact: true })).toHaveCount(0);
      await mia.context().close();
    });

    // Alertmanager posts (here with the admin's session; a token with alerts:write in production).
    const summary = `Checkout errors above 5 % ${stamp}`;
    await test.step("Alertmanager's bad posts are refused: another version is a 400 naming the field, an unknown integration 404, 9 MB 413", async () => {
      const bad = await admin.post(`/api/v1/integrations/alertmanager?integration=${SLUG}`, { data: { ...payload("fp", summary), version: "3" } });
      expect(bad.status()).toBe(400);
      expect(((await bad.json()) as { error: { fields: Record<string, string[]> } }).error.fields).toHaveProperty("version");
      expect((await admin.post(`/api/v1/integrations/alertmanager?integration=nope-${stamp}`, { data: payload("fp", summary) })).status()).toBe(404);
      const huge = JSON.stringify({ ...payload("fp", summary), groupKey: "k".repeat(9 * 1024 * 1024) });
      expect((await admin.post(`/api/v1/integrations/alertmanager?integration=${SLUG}`, { data: huge, headers: { "content-type": "application/json" } })).status()).toBe(413);
    });

    let number = "";
    await test.step("an alert opens one incident; the same alert again is counted as repeated, not opened again", async () => {
      const posted = await admin.post(`/api/v1/integrations/alertmanager?integration=${SLUG}`, { data: payload(`fp-${stamp}`, summary) });
      expect(posted.status(), await posted.text()).toBe(200);
      const receipt = (await posted.json()) as { opened: string[]; repeated: number };
      expect(receipt.opened).toHaveLength(1);
      number = receipt.opened[0]!;
      const again = (await (await admin.post(`/api/v1/integrations/alertmanager?integration=${SLUG}`, { data: payload(`fp-${stamp}`, summary) })).json()) as { opened: string[]; repeated: number };
      expect(again).toMatchObject({ opened: [], repeated: 1 });
    });

    const lena = await signedIn(L1_AGENT);
    await lena.setViewportSize({ width: 1366, height: 900 });
    await test.step("Lena (L1) finds it in the queue marked Monitoring, and its page shows the alert, seen 2 times", async () => {
      await lena.goto(`/queue?view=unassigned&q=${stamp}`);
      const row = lena.locator("tr", { has: lena.locator(`[data-ticket="${number}"]`) });
      await expect(row).toBeVisible();
      await expect(row.locator("[data-channel=MONITORING]")).toHaveText("Monitoring");
      await expectNoHorizontalScroll(lena);
      await shot(lena, testInfo, "queue-monitoring-1366.png");
      await lena.goto(`/queue/tickets/${number}`);
      const panel = lena.getByRole("region", { name: "Monitoring alert" });
      await expect(panel).toBeVisible();
      await expect(panel.locator("[data-seen-count]")).toHaveText("2 times");
      await expect(lena.getByText("5xx ratio **7.2 %** over 10 minutes.")).toBeVisible();
      await shot(lena, testInfo, "ticket-monitoring-1366.png");
    });

    await test.step("on a phone (360 px) the queue card carries the Monitoring marker and the ticket page the alert, nothing scrolling sideways", async () => {
      await lena.setViewportSize({ width: 360, height: 800 });
      await lena.goto(`/queue?view=unassigned&q=${stamp}`);
      await expect(lena.locator("li", { has: lena.locator(`[data-card-ticket="${number}"]`) }).locator("[data-channel=MONITORING]")).toBeVisible();
      await expectNoHorizontalScroll(lena);
      await shot(lena, testInfo, "queue-monitoring-360.png");
      await lena.goto(`/queue/tickets/${number}`);
      await expect(lena.getByRole("region", { name: "Monitoring alert" })).toBeVisible();
      await expectNoHorizontalScroll(lena);
      await shot(lena, testInfo, "ticket-monitoring-360.png");
      await lena.context().close();
    });
  });
});
