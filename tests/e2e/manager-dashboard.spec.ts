import { readFile } from "node:fs/promises";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { ADMIN, CUSTOMER_ACME, L1_AGENT, L2_AGENT, L3_AGENT, MANAGER, apiSignIn, loginAsStaff, uniqueTitle } from "./helpers";
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

  test("the L4 vendor targets section shows each group and priority, fits 360 and 1366 px with a long group name, and drills down", async ({ page, playwright, baseURL }, testInfo) => {
    test.setTimeout(180_000); // a dozen API calls, two widths with screenshots and an axe run on a shared 2-core machine
    // An L4 group with the longest name the app accepts (120 characters), unbroken; and the demo's cloud vendor (with targets).
    const suffix = Date.now().toString(36);
    const longName = `Vendor${"X".repeat(114 - suffix.length)}${suffix}`;
    const admin = await signedIn(playwright, baseURL, "staff", ADMIN.userId, ADMIN.password);
    const slug = `long-vendor-${suffix}`;
    expect((await admin.post("/api/v1/admin/groups", { data: { slug, name: longName, tier: "L4", assignmentMode: "PULL", l4Kind: "VENDOR" } })).status()).toBe(201);
    await admin.dispose();
    const customer = await signedIn(playwright, baseURL, "customer", CUSTOMER_ACME.userId, CUSTOMER_ACME.pin);
    const manager = await signedIn(playwright, baseURL, "staff", MANAGER.userId, MANAGER.password);
    const l3 = await signedIn(playwright, baseURL, "staff", L3_AGENT.userId, L3_AGENT.password);
    const handedOff: Record<string, string> = {};
    for (const group of ["cloud-vendor", slug]) {
      const created = await customer.post("/api/v1/tickets", { data: { type: "INCIDENT", title: uniqueTitle(`To ${group}`), description: "For the L4 section.", category: "platform", impact: "HIGH", urgency: "HIGH" } });
      expect(created.status()).toBe(201);
      const number = ((await created.json()) as { ticket: { number: string } }).ticket.number;
      expect((await manager.post(`/api/v1/tickets/${number}/assign`, { data: { userId: L3_AGENT.userId, group: "engineering-support" } })).status()).toBe(200);
      const escalated = await l3.post(`/api/v1/tickets/${number}/escalate`, { data: { reason: "The vendor's service fails", summary: "Logs attached.", toGroup: group, externalReference: `CASE-${suffix}` } });
      expect(escalated.status()).toBe(200);
      handedOff[group] = number;
    }
    const metrics = (await (await manager.get("/api/v1/metrics/escalations?period=today")).json()) as { vendorTargets: { rows: { group: { slug: string }; priority: string; engagements: number; noTarget: number; response: { pending: number } }[] } };
    expect(metrics.vendorTargets.rows.find((r) => r.group.slug === slug)).toMatchObject({ priority: "P1", engagements: 1, noTarget: 1 });
    expect(metrics.vendorTargets.rows.find((r) => r.group.slug === "cloud-vendor" && r.priority === "P1")?.response.pending).toBeGreaterThanOrEqual(1);
    await Promise.all([customer.dispose(), manager.dispose(), l3.dispose()]);

    await loginAsStaff(page, MANAGER);
    for (const width of [1366, 360]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto("/dashboard?period=today");
      const section = page.locator('[data-section="vendor-targets"]');
      await expect(section.getByRole("heading", { name: "L4 vendor targets" })).toBeVisible();
      await section.getByText("Show the numbers").click();
      const table = section.locator('table[data-table="vendor-targets"]');
      await expect(table).toBeVisible();
      await expect(table.getByRole("row", { name: new RegExp(longName) })).toHaveCount(1);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `the page scrolls sideways at ${width} px`).toBeLessThanOrEqual(0);
      await section.scrollIntoViewIfNeeded();
      await section.screenshot({ path: testInfo.outputPath(`l4-section-${width}.png`) });
      await page.screenshot({ path: testInfo.outputPath(`l4-dashboard-${width}.png`), fullPage: true });
    }
    await expectNoSeriousViolations(page, testInfo, "dashboard-l4");

    // The cloud vendor's P1 engagements list the ticket handed to it today, and not the other one.
    await page.setViewportSize({ width: 1366, height: 900 });
    const cloudRow = page.locator('table[data-table="vendor-targets"]').getByRole("row", { name: /^Cloud Vendor P1/ });
    await cloudRow.getByRole("link", { name: /Engagements: list the tickets/ }).click();
    await expect(page).toHaveURL(/\/dashboard\/tickets\?metric=vendor-engagements&period=today&priority=P1&group=cloud-vendor/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Handed to an L4 group (engagements started)");
    const rows = page.getByTestId("metric-tickets").locator("tbody tr");
    await expect(rows.filter({ hasText: handedOff["cloud-vendor"]! })).toHaveCount(1);
    await expect(rows.filter({ hasText: handedOff[slug]! })).toHaveCount(0);

    // CSV of the section: raw seconds in its header.
    await page.goBack();
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export CSV of L4 vendor targets" }).click()]);
    expect(download.suggestedFilename()).toMatch(/^tierdesk-vendor-targets-\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = await readFile((await download.path())!, "utf8");
    expect(csv.split("\r\n")[0]).toContain("Time at vendor p90 (s)");
    expect(csv).toContain(longName);
  });
});
