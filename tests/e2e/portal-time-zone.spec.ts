import { expect, test } from "@playwright/test";
import { CUSTOMER_ACME, loginAsCustomer, openTicketViaPortal, uniqueTitle } from "./helpers";

test.describe("times in the customer's own time zone", () => {
  test.use({ timezoneId: "Europe/Berlin" });

  test("the portal names the browser's zone, with no hydration mismatch", async ({ page }) => {
    const errors: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(message.text());
    });
    await loginAsCustomer(page, CUSTOMER_ACME);
    const number = await openTicketViaPortal(page, { title: uniqueTitle("Zone check"), description: "Which zone are the times in?", category: "Login and access" });

    await page.goto("/portal/tickets");
    const card = page.getByRole("listitem").filter({ hasText: number });
    await expect(card).toContainText(/Next update: by (\w{3} \d{1,2} \w{3}, )?\d\d:\d\d (CET|CEST)/);
    await expect(card).toContainText(/Last activity: \d{1,2} \w{3}, \d\d:\d\d (CET|CEST)/);

    await page.goto(`/portal/tickets/${number}`);
    await expect(page.getByText(/We will update you by (\w{3} \d{1,2} \w{3}, )?\d\d:\d\d (CET|CEST)/)).toBeVisible();
    await expect(page.getByText(/Opened \d{1,2} \w{3}, \d\d:\d\d (CET|CEST)/)).toBeVisible();
    expect(errors.filter((e) => /hydrat/i.test(e))).toEqual([]);
  });
});
