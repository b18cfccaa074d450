import path from "node:path";
import { expect, test, type Page, type TestInfo } from "@playwright/test";
import { CUSTOMER_ACME, L1_AGENT, loginAsCustomer, loginAsStaff, uniqueTitle, waitForHydration } from "./helpers";
import { expectNoHorizontalScroll, expectNoSeriousViolations } from "./axe";

/** The journey's pictures, kept with the issue. */
const shots = (name: string) => path.resolve(test.info().project.testDir, "../../docs/screenshots/issue-15", name);
/** A ticket title may be 200 characters: one unbroken word, which must wrap rather than widen the page. */
const LONG_TITLE = `Call${Date.now().toString(36)}`.padEnd(200, "x");

async function shot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await page.screenshot({ path: shots(name), fullPage: true });
  await page.screenshot({ path: testInfo.outputPath(name), fullPage: true });
}

/** Finds the customer in the typeahead with the keyboard only: type, ↓, Enter. */
async function chooseCustomer(page: Page, typed: string, line: RegExp, listShot?: string): Promise<void> {
  const box = page.getByRole("combobox", { name: "Customer" });
  await box.fill(typed);
  const option = page.getByRole("option", { name: line });
  await expect(option).toBeVisible();
  if (listShot) await page.screenshot({ path: shots(listShot) });
  await box.press("ArrowDown");
  await box.press("ArrowUp");
  await expect(option).toHaveAttribute("aria-selected", "true");
  await box.press("Enter");
  await expect(page.getByRole("listbox", { name: "Customers" })).toBeHidden();
  await expect(box).toHaveValue(line);
}

test.describe("first contact: L1 logs a call for a customer", () => {
  test("a phone call logged, claimed and resolved on first contact; the customer sees it opened for them by Service Desk", async ({ page, browser }) => {
    const title = uniqueTitle("Phone: printer offline");
    await loginAsStaff(page, L1_AGENT);
    await page.getByRole("link", { name: "New ticket for a customer" }).click();
    await expect(page).toHaveURL(/\/queue\/new$/);
    await waitForHydration(page);

    await chooseCustomer(page, "carla", /^Carla Customer · C1001 · /);
    await expect(page.getByLabel("Channel")).toHaveValue("PHONE");
    await page.getByLabel("Title").fill(title);
    await page.getByLabel("Description").fill("Caller: the office printer shows offline since 9:00.");
    await page.getByLabel("Category").selectOption({ label: "Platform outage or error" });
    await expect(page.getByRole("checkbox", { name: /I'm handling it/ })).toBeChecked();
    await page.getByRole("checkbox", { name: /Resolved on first contact/ }).check();
    await page.getByLabel("Resolution note (sent to the customer)").fill("Restarted the print spooler with the caller; the printer is back online.");
    await page.getByRole("button", { name: "Log and resolve" }).click();

    await expect(page).toHaveURL(/\/queue\/tickets\/INC-\d{6,}$/);
    const number = page.url().split("/").pop()!;
    await expect(page.getByRole("heading", { name: title })).toBeVisible();
    // The decision log says who opened it, for whom and by which channel, and that Lena took it at once.
    await expect(page.getByText(/Opened by Lena First \(l1agent\) for C1001 .* by phone/).first()).toBeVisible();
    await expect(page.getByText("Claimed by Lena First on first contact: they logged the phone contact and are handling it.").first()).toBeVisible();

    // The customer finds it in the portal, resolved, opened for them by the desk and not by a named agent.
    const customer = await browser.newPage();
    try {
      await loginAsCustomer(customer, CUSTOMER_ACME);
      await customer.goto("/portal/tickets");
      await expect(customer.getByRole("link", { name: new RegExp(title) })).toBeVisible();
      await customer.goto(`/portal/tickets/${number}`);
      const header = customer.locator("header", { has: customer.getByRole("heading", { name: title }) });
      await expect(header).toContainText("Opened for you by Service Desk");
      await expect(header).toContainText("Resolved");
      await expect(header).not.toContainText("Lena");
      await expect(customer.getByText("Ticket opened for you by Service Desk.")).toBeVisible();
      await expect(customer.getByText("Description, as Service Desk logged it")).toBeVisible();
      await customer.setViewportSize({ width: 1366, height: 900 });
      await customer.screenshot({ path: shots("first-contact-portal-ticket-1366.png"), fullPage: true });
    } finally {
      await customer.close();
    }
  });

  for (const width of [360, 1366]) {
    test(`the new-ticket page at ${width} px with a 200-character unbroken title: no sideways scrolling, accessible`, async ({ page }, testInfo) => {
      await page.setViewportSize({ width, height: 900 });
      await loginAsStaff(page, L1_AGENT);
      await page.goto("/queue/new");
      await waitForHydration(page);
      await chooseCustomer(page, "C100", /^Carla Customer · C1001 · /, `first-contact-typeahead-${width}.png`);
      await page.getByLabel("Title").fill(LONG_TITLE);
      await page.getByRole("checkbox", { name: /Resolved on first contact/ }).check();
      await expectNoHorizontalScroll(page);
      await expectNoSeriousViolations(page, testInfo, `first-contact-new-${width}`);
      await shot(page, testInfo, `first-contact-new-ticket-${width}.png`);
      // Nothing is submitted: a claimed open ticket would be swept (and alert) under later journeys.
    });
  }
});
