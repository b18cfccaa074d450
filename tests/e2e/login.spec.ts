import { expect, test } from "@playwright/test";
import {
  CUSTOMER_ACME,
  CUSTOMER_GLOBEX,
  L1_AGENT_2,
  expectRedirectedToLogin,
  loginAsCustomer,
  signOutViaUi,
  submitLogin,
  waitForHydration,
} from "./helpers";

// Failed logins are throttled per user ID and per client address (every test comes from the same
// address). This file makes the suite's only deliberate failures: three, on three different user IDs.
const INVALID = "That user ID and secret do not match. Check both and try again.";

test.describe("login", () => {
  test("a wrong PIN shows an error and opens no session", async ({ page }) => {
    await submitLogin(page, "customer", CUSTOMER_GLOBEX.userId, "000000");
    await expect(page.getByRole("main").getByRole("alert")).toHaveText(INVALID);
    await expect(page).toHaveURL(/\/login$/);
    // The PIN never lands in the address bar.
    expect(page.url()).not.toContain("000000");

    await expectRedirectedToLogin(page, "/portal");
  });

  test("a customer cannot sign in through the staff form", async ({ page }) => {
    await submitLogin(page, "staff", CUSTOMER_ACME.userId, CUSTOMER_ACME.pin);
    await expect(page.getByRole("main").getByRole("alert")).toHaveText(INVALID);
    await expectRedirectedToLogin(page, "/portal");
  });

  test("staff cannot sign in through the customer form", async ({ page }) => {
    await submitLogin(page, "customer", L1_AGENT_2.userId, L1_AGENT_2.password);
    await expect(page.getByRole("main").getByRole("alert")).toHaveText(INVALID);
    expect(await expectRedirectedToLogin(page, "/queue")).toBe("/queue");
  });

  test("a login form submitted before its scripts run does not put the PIN in the URL", async ({ browser }) => {
    // Without JavaScript the browser submits the form itself, as it does before hydration. The
    // credentials never reach next-auth this way, so this costs no failed login.
    const context = await browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto("/login");
      await page.getByLabel("User ID").fill(CUSTOMER_ACME.userId);
      await page.getByLabel("PIN").fill(CUSTOMER_ACME.pin);
      const submitted = page.waitForRequest((r) => r.isNavigationRequest() && new URL(r.url()).pathname === "/login");
      await page.getByRole("button", { name: "Sign in" }).click();
      const request = await submitted;
      expect(request.method()).toBe("POST");
      expect(request.url()).not.toContain(CUSTOMER_ACME.pin);
      await page.waitForLoadState("load");
      expect(page.url()).not.toContain(CUSTOMER_ACME.pin);
      await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
    } finally {
      await context.close();
    }
  });

  test("signing out ends the session", async ({ page }) => {
    await loginAsCustomer(page, CUSTOMER_ACME);
    await page.goto("/portal/tickets");
    await expect(page.getByRole("heading", { name: "My tickets" })).toBeVisible();

    await signOutViaUi(page);
    expect(await expectRedirectedToLogin(page, "/portal")).toBe("/portal");
    expect(await expectRedirectedToLogin(page, "/portal/tickets")).toBe("/portal/tickets");
  });

  test("signing in from a deep link returns to that page, query included", async ({ page }) => {
    expect(await expectRedirectedToLogin(page, "/portal/tickets?cursor=1")).toBe("/portal/tickets?cursor=1");
    await waitForHydration(page);
    await page.getByLabel("User ID").fill(CUSTOMER_GLOBEX.userId);
    await page.getByLabel("PIN", { exact: true }).fill(CUSTOMER_GLOBEX.pin);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/portal\/tickets\?cursor=1$/);
    await expect(page.getByRole("heading", { name: "My tickets" })).toBeVisible();
  });
});
