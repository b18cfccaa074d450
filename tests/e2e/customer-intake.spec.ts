import { expect, test, type Page } from "@playwright/test";
import { CUSTOMER_ACME, fillNewTicketForm, loginAsCustomer, uniqueTitle } from "./helpers";

/** The newest ticket on "My tickets" (the list is newest first), or null when there is none. */
async function newestListedTicketNumber(page: Page): Promise<string | null> {
  await page.goto("/portal/tickets");
  await expect(page.getByRole("heading", { name: "My tickets" })).toBeVisible();
  const tickets = page.getByRole("list", { name: "Tickets" });
  if ((await tickets.count()) === 0) return null;
  return ((await tickets.getByTestId("ticket-number").first().textContent()) ?? "").trim();
}

test.describe("customer intake", () => {
  test("a customer opens an incident, sees its number and status, then finds it in My tickets", async ({ page }) => {
    await loginAsCustomer(page, CUSTOMER_ACME);
    await expect(page.getByRole("heading", { name: "New ticket" })).toBeVisible();

    const title = uniqueTitle("Dashboard returns 500");
    await fillNewTicketForm(page, {
      type: "INCIDENT",
      title,
      description: "Since 09:10 every page load of the dashboard fails with an error page.",
      category: "Platform outage or error",
      impact: "A team or several people",
      urgency: "Work has stopped",
    });
    await page.getByRole("button", { name: "Open ticket" }).click();

    const confirmation = page.getByRole("status");
    await expect(confirmation).toBeVisible();
    const number = ((await confirmation.getByTestId("created-ticket-number").textContent()) ?? "").trim();
    expect(number).toMatch(/^INC-\d{6}$/);
    // In the customer's words: the status, the priority (MEDIUM impact × HIGH urgency is P2) and the first update promised.
    await expect(confirmation).toContainText(`Ticket ${number} created. Status: Received. Priority: High.`);
    await expect(confirmation).toContainText(/We will update you by (\w{3} \d{1,2} \w{3}, )?\d\d:\d\d UTC\./);
    // The form is reset for the next ticket.
    await expect(page.getByLabel("Title")).toHaveValue("");

    await confirmation.getByRole("link", { name: "My tickets" }).click();
    await expect(page).toHaveURL(/\/portal\/tickets$/);
    await expect(page.getByRole("heading", { name: "My tickets" })).toBeVisible();

    // Newest first: the ticket just opened is the first card, in the customer's words.
    const newest = page.getByRole("list", { name: "Tickets" }).getByRole("listitem").first();
    await expect(newest.getByTestId("ticket-number")).toHaveText(number);
    await expect(newest.getByTestId("ticket-title")).toHaveText(title);
    await expect(newest).toContainText("Received");
    await expect(newest).toContainText("Level 1 support");
    // MEDIUM impact × HIGH urgency on the default matrix: P2, "High" for the customer.
    await expect(newest).toContainText("Priority: High");
  });

  test("an empty title is refused by the server, the error shows at the field, and nothing is created", async ({ page }) => {
    await loginAsCustomer(page, CUSTOMER_ACME);
    const newestBefore = await newestListedTicketNumber(page);

    await page.goto("/portal");
    const description = `Export stopped at 50 % (${uniqueTitle("ref")}).`;
    await fillNewTicketForm(page, {
      type: "SERVICE_REQUEST",
      title: "",
      description,
      category: "Data, exports and backups",
      impact: "Just me",
      urgency: "It can wait",
    });
    await page.getByRole("button", { name: "Open ticket" }).click();

    const title = page.getByLabel("Title");
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("Some fields are not valid.");
    await expect(title).toHaveAttribute("aria-invalid", "true");
    // The message is tied to the field (aria-describedby), not only somewhere on the page.
    await expect(title).toHaveAccessibleDescription("Enter a title of at least 3 characters.");
    await expect(page.getByRole("status")).toHaveCount(0);
    // What the customer entered is kept (the selects and radios too), and the valid fields are not flagged.
    await expect(page.getByLabel("Description")).toHaveValue(description);
    await expect(page.getByLabel("Description")).not.toHaveAttribute("aria-invalid", "true");
    await expect(page.getByRole("radio", { name: /service request/i })).toBeChecked();
    await expect(page.getByLabel("Category")).toHaveValue("data");
    await expect(page.getByLabel("Who is affected?")).toHaveValue("LOW");
    await expect(page.getByLabel("How urgent is it?")).toHaveValue("LOW");

    expect(await newestListedTicketNumber(page)).toBe(newestBefore);
  });
});
