import { expect, test } from "@playwright/test";
import { CUSTOMER_ACME, L1_AGENT, apiSignIn, loginAsCustomer, loginAsStaff, openTicketViaPortal, uniqueTitle } from "./helpers";
import { expectNoSeriousViolations } from "./axe";

test.describe("accessibility (axe)", () => {
  test("/login, for customers and for staff", async ({ page }, testInfo) => {
    await page.goto("/login");
    await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
    await expectNoSeriousViolations(page, testInfo, "login-customer");

    await page.goto("/login?staff=1");
    await expect(page.getByLabel("Password", { exact: true })).toBeVisible();
    await expectNoSeriousViolations(page, testInfo, "login-staff");
  });

  test("/portal and /portal/tickets", async ({ page }, testInfo) => {
    await loginAsCustomer(page, CUSTOMER_ACME);
    await expectNoSeriousViolations(page, testInfo, "portal");

    // The form showing field errors, and the confirmation after a ticket is created.
    await page.getByRole("button", { name: "Open ticket" }).click();
    await expect(page.getByLabel("Title")).toHaveAttribute("aria-invalid", "true");
    await expectNoSeriousViolations(page, testInfo, "portal-errors");

    await openTicketViaPortal(page, {
      title: uniqueTitle("Accessibility check"),
      description: "A ticket so that My tickets has a list.",
      category: "Login and access",
    });
    await expectNoSeriousViolations(page, testInfo, "portal-created");

    await page.goto("/portal/tickets");
    await expect(page.getByRole("list", { name: "Tickets" })).toBeVisible();
    await expectNoSeriousViolations(page, testInfo, "portal-tickets");
  });

  test("/queue", async ({ page, playwright, baseURL }, testInfo) => {
    // At least one open ticket, so the queue shows its table.
    const customer = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { origin: String(baseURL) } });
    try {
      await apiSignIn(customer, "customer", CUSTOMER_ACME.userId, CUSTOMER_ACME.pin);
      const created = await customer.post("/api/v1/tickets", {
        data: { type: "SERVICE_REQUEST", title: uniqueTitle("Queue check"), description: "For the queue table.", category: "access" },
      });
      expect(created.status()).toBe(201);
    } finally {
      await customer.dispose();
    }

    await loginAsStaff(page, L1_AGENT);
    await expect(page.getByRole("heading", { name: "L1 queue" })).toBeVisible();
    await expect(page.getByRole("table")).toBeVisible();
    await expectNoSeriousViolations(page, testInfo, "queue");
  });
});
