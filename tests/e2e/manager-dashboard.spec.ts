import { readFile } from "node:fs/promises";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { CUSTOMER_ACME, L1_AGENT, L2_AGENT, MANAGER, apiSignIn, loginAsStaff, uniqueTitle } from "./helpers";
import { expectNoSeriousViolations } from "./axe";

async function signedIn(playwright: { request: { newContext(o: object): Promise<APIRequestContext> } }, baseURL: string | undefined, kind: "customer" | "staff", userId: string, secret: string) {
  const context = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { origin: String(baseURL) } });
  await apiSignIn(context, kind, userId, secret);
  return context;
}

test.describe("manager dashboard", () => {
  test("customers and agents are refused the dashboard and the metrics API; signed-out callers get 401", async ({ page, playwright, baseURL }) => {
    const anonymous = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { origin: String(baseURL) } });
    expect((await anonymous.get("/api/v1/metrics/escalations")).status()).toBe(401);
    await anonymous.dispose();
    for (const [kind, userId, secret] of [
      ["customer", CUSTOMER_ACME.userId, CUSTOMER_ACME.pin],
      ["staff", L1_AGENT.userId, L1_AGENT.password],
    ] as const) {
      const context = await signedIn(playwright, baseURL, kind, userId, secret);
      const response = await context.get("/api/v1/metrics/escalations?period=7d");
      expect(response.status(), `${userId} reads the metrics API`).toBe(403);
      await context.dispose();
    }
    const manager = await signedIn(playwright, baseURL, "staff", MANAGER.userId, MANAGER.password);
    const metrics = await manager.get("/api/v1/metrics/escalations?period=today&priority=P2");
    expect(metrics.status()).toBe(200);
    expect(await metrics.json()).toMatchObject({ period: { name: "today" }, filters: { priority: "P2" }, funnel: { opened: expect.any(Number) }, deflections: { deflections: expect.any(Number) }, satisfaction: { distribution: expect.any(Array) } });
    expect((await manager.get("/api/v1/metrics/escalations?period=custom&from=2026-01-02")).status()).toBe(400);
    await manager.dispose();

    // An agent who opens /dashboard lands on their queue.
    await loginAsStaff(page, L1_AGENT);
    await page.goto("/dashboard");
    await expect(page).toHaveURL(/\/queue$/);
  });

  test("a manager reads the funnel, drills into L2→L3 escalations and exports CSV", async ({ page, playwright, baseURL }, testInfo) => {
    // Today: two platform tickets go to L2, one of them on to L3.
    const customer = await signedIn(playwright, baseURL, "customer", CUSTOMER_ACME.userId, CUSTOMER_ACME.pin);
    const l1 = await signedIn(playwright, baseURL, "staff", L1_AGENT.userId, L1_AGENT.password);
    const l2 = await signedIn(playwright, baseURL, "staff", L2_AGENT.userId, L2_AGENT.password);
    const numbers: string[] = [];
    for (const title of [uniqueTitle("Dashboard to L3"), uniqueTitle("Dashboard stays at L2")]) {
      const created = await customer.post("/api/v1/tickets", { data: { type: "INCIDENT", title, description: "For the manager dashboard journey.", category: "platform" } });
      expect(created.status()).toBe(201);
      const number = ((await created.json()) as { ticket: { number: string } }).ticket.number;
      expect((await l1.post(`/api/v1/tickets/${number}/claim`)).status()).toBe(200);
      const escalated = await l1.post(`/api/v1/tickets/${number}/escalate`, { data: { reason: "Needs L2", summary: "Followed the SOP." } });
      expect(escalated.status()).toBe(200);
      numbers.push(number);
    }
    const [toL3, atL2] = numbers as [string, string];
    const toEngineering = await l2.post(`/api/v1/tickets/${toL3}/escalate`, { data: { reason: "Bug in the service", summary: "Reproduced; stack trace attached." } });
    expect(toEngineering.status()).toBe(200);
    await Promise.all([customer.dispose(), l1.dispose(), l2.dispose()]);

    // 1. The manager signs in and lands on the dashboard, then reads today's funnel.
    await loginAsStaff(page, MANAGER);
    await page.goto("/dashboard?period=today");
    const funnel = page.locator('table[data-table="funnel"]');
    await expect(funnel).toBeHidden();
    await page.locator('[data-section="funnel"]').getByText("Show the numbers").click();
    await expect(funnel).toBeVisible();
    const l2l3Row = funnel.getByRole("row", { name: /Escalated L2→L3/ });
    const l2l3Link = l2l3Row.getByRole("link", { name: /list the tickets/ });
    const figure = Number((await l2l3Link.textContent())?.replace(/,/g, ""));
    expect(figure).toBeGreaterThanOrEqual(1);
    const opened = Number((await funnel.getByRole("row", { name: /^Opened/ }).getByRole("link").textContent())?.replace(/,/g, ""));
    expect(opened).toBeGreaterThanOrEqual(2);
    await expect(page.locator('[data-section="funnel"] .recharts-surface').first()).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath("01-funnel.png"), fullPage: true });
    await expectNoSeriousViolations(page, testInfo, "dashboard");

    // 2. Drill into L2→L3: exactly the tickets behind the figure.
    await l2l3Link.click();
    await expect(page).toHaveURL(/\/dashboard\/tickets\?metric=escalated-l2-l3&period=today/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Escalated L2→L3");
    const rows = page.getByTestId("metric-tickets").locator("tbody tr");
    await expect(rows).toHaveCount(figure);
    await expect(rows.filter({ hasText: toL3 })).toHaveCount(1);
    await expect(rows.filter({ hasText: atL2 })).toHaveCount(0);
    await expect(rows.first()).toContainText("L3");
    await page.screenshot({ path: testInfo.outputPath("02-drill-down-l2-l3.png"), fullPage: true });
    await expectNoSeriousViolations(page, testInfo, "dashboard-tickets");

    // 3. Back on the dashboard, export the funnel as CSV.
    await page.getByRole("link", { name: "← Dashboard" }).click();
    await expect(page).toHaveURL(/\/dashboard\?period=today$/);
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export CSV of Escalation funnel" }).click()]);
    expect(download.suggestedFilename()).toMatch(/^tierdesk-funnel-\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = await readFile((await download.path())!, "utf8");
    const lines = csv.trim().split("\r\n");
    expect(lines[0]).toBe("Step,Tickets,Rate (%),Rate of");
    expect(lines.find((line) => line.startsWith("Escalated L2→L3,"))?.split(",").slice(0, 2)).toEqual(["Escalated L2→L3", String(figure)]);
    await page.screenshot({ path: testInfo.outputPath("03-csv-exported.png"), fullPage: true });
  });
});
