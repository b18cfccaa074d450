import { mkdir } from "node:fs/promises";
import path from "node:path";
import { expect, test, type APIRequestContext, type Page, type TestInfo } from "@playwright/test";
import { expectNoHorizontalScroll, expectNoSeriousViolations } from "./axe";
import { ADMIN, CUSTOMER_ACME, L1_AGENT, apiSignIn, loginAsCustomer, loginAsStaff, pressShortcut, waitForHydration } from "./helpers";

const SCREENS = "../../docs/screenshots/issue-15";
const stamp = Date.now().toString(36);
/** A macro title may be 200 characters: one unbroken word must wrap, not widen the page. */
const LONG_TITLE = `Macro${stamp}`.padEnd(200, "m");
const MACRO_TITLE = `E2E resolved ${stamp}`;

type Playwright = { request: { newContext(options: object): Promise<APIRequestContext> } };

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

test.describe("macros", () => {
  let admin: APIRequestContext;
  let customer: APIRequestContext;
  const macroIds: number[] = [];

  test.beforeAll(async ({ playwright, baseURL }) => {
    admin = await signedIn(playwright, baseURL, "staff", ADMIN.userId, ADMIN.password);
    customer = await signedIn(playwright, baseURL, "customer", CUSTOMER_ACME.userId, CUSTOMER_ACME.pin);
  });

  test.afterAll(async () => {
    for (const id of macroIds) await admin.delete(`/api/v1/admin/macros/${id}`);
    await admin.dispose();
    await customer.dispose();
  });

  test("an agent applies a macro, edits the text, sends it; the customer reads the edited reply and the ticket is resolved; usage shows on the admin page", async ({ page, browser }, testInfo) => {
    test.setTimeout(180_000);
    for (const data of [
      { title: LONG_TITLE, body: "Checking {{ticket.number}} for {{customer.name}}.", visibility: "INTERNAL" },
      { title: MACRO_TITLE, body: "Hello {{customer.name}}, {{ticket.number}} is fixed: sign in again. {{update.promise}}.", category: "access", visibility: "PUBLIC", setStatus: "RESOLVED" },
    ]) {
      const created = await admin.post("/api/v1/admin/macros", { data });
      expect(created.status(), await created.text()).toBe(201);
      macroIds.push(((await created.json()) as { macro: { id: number } }).macro.id);
    }
    // The API refuses what the form would: an unknown placeholder (400) and a title taken (409).
    expect((await admin.post("/api/v1/admin/macros", { data: { title: `x${stamp}`, body: "{{customer.phone}}", visibility: "PUBLIC" } })).status()).toBe(400);
    expect((await admin.post("/api/v1/admin/macros", { data: { title: MACRO_TITLE, body: "x", visibility: "PUBLIC" } })).status()).toBe(409);

    const opened = await customer.post("/api/v1/tickets", { data: { type: "INCIDENT", title: `Cannot sign in ${stamp}`, description: "Locked out since this morning.", category: "access" } });
    expect(opened.status(), await opened.text()).toBe(201);
    const number = ((await opened.json()) as { ticket: { number: string } }).ticket.number;

    // The preview route fills the macro for staff (nothing is counted); a customer is refused.
    const preview = await admin.post(`/api/v1/tickets/${number}/macros/${macroIds[1]}/preview`);
    expect(preview.status(), await preview.text()).toBe(200);
    expect(((await preview.json()) as { preview: { body: string } }).preview.body).toContain(`Hello ${CUSTOMER_ACME.name}, ${number} is fixed`);
    expect((await customer.post(`/api/v1/tickets/${number}/macros/${macroIds[1]}/preview`)).status()).toBe(403);

    // The agent claims, presses m, finds the macro by typing, and applies it: the composer is filled, nothing is sent.
    await page.setViewportSize({ width: 1366, height: 900 });
    await loginAsStaff(page, L1_AGENT);
    await page.goto(`/queue/tickets/${number}`);
    await waitForHydration(page);
    await page.getByRole("toolbar", { name: "Ticket actions" }).getByRole("button", { name: "Claim" }).click();
    await expect(page.getByTestId("ticket-assignee")).toHaveText(L1_AGENT.name);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const picker = page.getByRole("dialog", { name: "Apply a macro" });
    await pressShortcut(page, "m", picker);
    await expect(picker.getByRole("button", { name: new RegExp(MACRO_TITLE) })).toBeVisible();
    await expect(picker.getByRole("button", { name: /Password reset instructions/ })).toBeVisible();
    await shot(page, testInfo, "macro-picker-1366.png");
    await expectNoSeriousViolations(page, testInfo, "macro picker");
    await page.setViewportSize({ width: 360, height: 800 });
    await expectNoHorizontalScroll(page);
    await shot(page, testInfo, "macro-picker-360.png");
    await page.setViewportSize({ width: 1366, height: 900 });

    await picker.getByLabel("Find a macro").fill(`resolved ${stamp}`);
    await expect(picker.getByRole("listitem")).toHaveCount(1);
    await picker.getByLabel("Find a macro").press("Enter");
    await expect(picker).toBeHidden();
    const body = page.getByLabel("Message (Markdown)");
    await expect(body).toHaveValue(new RegExp(`^Hello ${CUSTOMER_ACME.name}, ${number} is fixed: sign in again\\. If anything is still wrong`));
    await expect(body).toBeFocused();
    await expect(page.getByTestId("applied-macro")).toContainText(MACRO_TITLE);
    await expect(page.getByRole("checkbox", { name: "Then set the status to Resolved" })).toBeChecked();
    await expect(page.getByRole("radio", { name: /Public reply/ })).toBeChecked();
    const unsent = await (await customer.get(`/api/v1/tickets/${number}`)).json();
    expect(JSON.stringify(unsent)).not.toContain("is fixed");

    await body.press("End");
    await body.pressSequentially(" Edited: your account was unlocked at 10:05.");
    await shot(page, testInfo, "macro-applied-1366.png");
    await page.getByRole("button", { name: "Send public reply" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Sent." })).toContainText("Status set to Resolved.");
    await expect(body).toHaveValue("");

    // The customer reads the reply as edited, on a resolved ticket.
    const customerPage = await (await browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
    await loginAsCustomer(customerPage, CUSTOMER_ACME);
    await customerPage.goto(`/portal/tickets/${number}`);
    const reply = customerPage.getByText(`Hello ${CUSTOMER_ACME.name}, ${number} is fixed: sign in again.`).first();
    await expect(reply).toBeVisible();
    await expect(reply).toContainText("Edited: your account was unlocked at 10:05.");
    await customerPage.context().close();

    // The admin page lists the macro with its one use; the 200-character title wraps at both widths.
    const adminPage = await (await browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
    await loginAsStaff(adminPage, ADMIN);
    await expect(adminPage.getByRole("link", { name: /Macros/ }).first()).toBeVisible();
    await adminPage.goto("/admin/macros");
    await expect(adminPage.locator(`[data-usage="${macroIds[1]}"]`)).toHaveText("1 use");
    await expect(adminPage.locator(`[data-usage="${macroIds[0]}"]`)).toHaveText("0 uses");
    await adminPage.getByText(LONG_TITLE).click();
    await expect(adminPage.getByRole("form", { name: `Macro ${LONG_TITLE}` })).toBeVisible();
    await expectNoHorizontalScroll(adminPage);
    await shot(adminPage, testInfo, "admin-macros-1366.png");
    await expectNoSeriousViolations(adminPage, testInfo, "admin macros");
    await adminPage.setViewportSize({ width: 360, height: 800 });
    await expectNoHorizontalScroll(adminPage);
    await shot(adminPage, testInfo, "admin-macros-360.png");
    await adminPage.context().close();
  });
});
