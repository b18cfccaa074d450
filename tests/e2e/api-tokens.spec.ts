import { mkdir } from "node:fs/promises";
import path from "node:path";
import { expect, test, type Page, type TestInfo } from "@playwright/test";
import { expectNoHorizontalScroll, expectNoSeriousViolations } from "./axe";
import { ADMIN, MANAGER, loginAsStaff, waitForHydration } from "./helpers";

// Issue 16 §1: an admin makes a token on /admin/tokens, sees it once, a script uses it with no cookie, the admin
// revokes it and the script's next request is refused.

const SCREENS = "../../docs/screenshots/issue-16";
const stamp = Date.now().toString(36);
/** A token's name may be 200 characters: one unbroken word must wrap, not widen the page. */
const LONG_NAME = `Token${stamp}`.padEnd(200, "k");

async function shot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const dir = path.resolve(testInfo.project.testDir, SCREENS);
  await mkdir(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, name), fullPage: true });
}

test.describe("API tokens", () => {
  test("an admin creates a token, sees it once, a cookie-less script uses it within its scope, and after revoking it the next request gets 401", async ({ page, playwright, baseURL }, testInfo) => {
    test.setTimeout(120_000);
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
    await page.setViewportSize({ width: 1366, height: 900 });
    await loginAsStaff(page, ADMIN);
    await page.getByRole("link", { name: /API tokens/ }).first().click();
    await expect(page).toHaveURL(/\/admin\/tokens$/);
    await waitForHydration(page);

    await page.getByLabel("Name").fill(LONG_NAME);
    await page.getByRole("checkbox", { name: /Read tickets/ }).check();
    await page.getByRole("checkbox", { name: /Read the dashboard's metrics/ }).check();
    await page.getByRole("button", { name: "Create token" }).click();
    const shown = page.getByTestId("new-token");
    await expect(shown).toHaveText(/^tdk_[0-9A-Za-z]{43}$/);
    await expect(page.getByText("you will not see it again")).toBeVisible();
    const token = (await shown.textContent())!;
    await page.getByRole("button", { name: "Copy" }).click();
    await expect(page.getByText("Copied.")).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(token);
    await shot(page, testInfo, "admin-token-created-1366.png");
    await page.setViewportSize({ width: 360, height: 800 });
    await expectNoHorizontalScroll(page);
    await shot(page, testInfo, "admin-token-created-360.png");
    await page.setViewportSize({ width: 1366, height: 900 });

    // The admin logs a call in the browser session; a script (no cookie, no Origin, only the token) reads it as the admin.
    const logged = await page.request.post("/api/v1/tickets", {
      headers: { origin: String(baseURL) },
      data: { type: "INCIDENT", title: `Logged ${stamp}`, description: "A call.", category: "access", customer: "C1001", channel: "PHONE" },
    });
    expect(logged.status(), await logged.text()).toBe(201);
    const number = ((await logged.json()) as { ticket: { number: string } }).ticket.number;
    const script = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${token}` } });
    const listed = await script.get("/api/v1/tickets");
    expect(listed.status(), await listed.text()).toBe(200);
    expect(((await listed.json()) as { tickets: { number: string }[] }).tickets.map((t) => t.number)).toContain(number);
    expect((await script.get(`/api/v1/tickets/${number}`)).status()).toBe(200);
    const write = await script.post("/api/v1/tickets", { data: { type: "INCIDENT", title: "x", description: "x", category: "access", customer: "C1001", channel: "PHONE" } });
    expect(write.status()).toBe(403);
    expect(((await write.json()) as { error: { scope: string; message: string } }).error).toMatchObject({ scope: "tickets:write", message: expect.stringContaining("tickets:write") });
    expect(write.headers()["www-authenticate"]).toContain('error="insufficient_scope"');
    expect((await script.get("/api/v1/metrics/escalations")).status()).toBe(200);

    // Shown once: after a reload the page has only the prefix, with the last use and where it came from.
    await page.reload();
    await expect(page.getByTestId("new-token")).toHaveCount(0);
    await expect(page.locator("body")).not.toContainText(token);
    const row = page.locator(`tr[data-token="${token.slice(0, 8)}"]`);
    await expect(row.getByTitle(LONG_NAME)).toBeVisible();
    await expect(row).toContainText("Read tickets");
    await expect(row).toContainText("just now");
    await expect(row).toContainText(/127\.0\.0\.1|::1/);
    await expect(row).toContainText("Active");
    await expectNoHorizontalScroll(page);
    await shot(page, testInfo, "admin-tokens-1366.png");
    await expectNoSeriousViolations(page, testInfo, "admin tokens");
    await page.setViewportSize({ width: 360, height: 800 });
    await expectNoHorizontalScroll(page);
    await shot(page, testInfo, "admin-tokens-360.png");
    await page.setViewportSize({ width: 1366, height: 900 });

    await row.getByRole("button", { name: /^Revoke token/ }).click();
    const dialog = page.getByRole("dialog");
    await expect(dialog).toContainText("refused from the next one on");
    await dialog.getByRole("button", { name: "Revoke", exact: true }).click();
    await expect(row).toContainText("Revoked");

    const refused = await script.get("/api/v1/tickets");
    expect(refused.status()).toBe(401);
    expect(refused.headers()["www-authenticate"]).toMatch(/^Bearer realm="tierdesk", error="invalid_token"/);
    const unknown = await (await playwright.request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer tdk_${"x".repeat(43)}` } })).get("/api/v1/tickets");
    expect(await unknown.json()).toEqual(await refused.json());
    await script.dispose();
  });

  test("a token for a service account made on the page acts as that account, which is marked on /admin/people and cannot sign in", async ({ page, playwright, baseURL }) => {
    await loginAsStaff(page, ADMIN);
    await page.goto("/admin/tokens");
    await waitForHydration(page);
    const accountId = `svc-${stamp}`;
    await page.getByLabel("Name").fill(`Desk robot ${stamp}`);
    await page.getByRole("checkbox", { name: /Open and work tickets/ }).check();
    await page.getByRole("radio", { name: "A service account" }).check();
    await page.getByLabel("Service account user ID").fill(accountId);
    await page.getByLabel("Its name (optional)").fill("Desk robot");
    await page.getByRole("button", { name: "Create token" }).click();
    const token = (await page.getByTestId("new-token").textContent())!;
    expect(token).toMatch(/^tdk_/);

    const script = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${token}` } });
    const opened = await script.post("/api/v1/tickets", { data: { type: "INCIDENT", title: `Robot ${stamp}`, description: "Opened by a script.", category: "access", customer: "C1001", channel: "PHONE", claim: true } });
    expect(opened.status(), await opened.text()).toBe(201);
    expect(((await opened.json()) as { ticket: { assignee: { userId: string } } }).ticket.assignee.userId).toBe(accountId);
    // The same request with a cookie too is refused: one identity per request.
    const mixed = await script.get("/api/v1/tickets", { headers: { cookie: "next-auth.session-token=x" } });
    expect(mixed.status()).toBe(400);
    await script.dispose();

    await page.goto("/admin/people");
    const person = page.getByRole("row").filter({ hasText: accountId });
    await expect(person).toContainText("Service account");
    await expect(person.getByRole("button", { name: /Reset the password/ })).toHaveCount(0);
  });

  test("managers see the tokens read-only", async ({ page }) => {
    await loginAsStaff(page, MANAGER);
    await page.goto("/admin/tokens");
    await expect(page.getByRole("heading", { name: "API tokens", level: 1 })).toBeVisible();
    await expect(page.getByRole("region", { name: "API tokens" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Create token" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: /^Revoke/ })).toHaveCount(0);
  });
});
