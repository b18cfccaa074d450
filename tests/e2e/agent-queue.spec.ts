import { expect, test } from "@playwright/test";
import { CUSTOMER_GLOBEX, L1_AGENT, loginAsCustomer, loginAsStaff, openTicketViaPortal, uniqueTitle } from "./helpers";

test("a ticket a customer opens appears in the L1 queue of a signed-in agent", async ({ page, browser }) => {
  await loginAsCustomer(page, CUSTOMER_GLOBEX);
  const title = uniqueTitle("Cannot reach the billing page");
  const number = await openTicketViaPortal(page, {
    type: "INCIDENT",
    title,
    description: "The billing page shows a blank screen for everyone in our team.",
    category: "Billing and invoices",
    impact: "Many people or the whole organization",
    urgency: "Work has stopped",
  });

  // The agent works in a browser of their own.
  const agentContext = await browser.newContext();
  try {
    const agent = await agentContext.newPage();
    await loginAsStaff(agent, L1_AGENT);
    await expect(agent.getByRole("heading", { name: "L1 queue" })).toBeVisible();

    const row = agent.getByRole("row").filter({ has: agent.getByRole("cell", { name: number, exact: true }) });
    await expect(row).toHaveCount(1);
    const cells = row.getByRole("cell");
    await expect(cells.nth(1)).toHaveText(title);
    // HIGH impact × HIGH urgency on the default matrix.
    await expect(cells.nth(2)).toHaveText("P1");
    await expect(cells.nth(3)).toHaveText("New");
    await expect(cells.nth(4)).toHaveText("Billing and invoices");
    await expect(cells.nth(5)).toHaveText(`${CUSTOMER_GLOBEX.name} (${CUSTOMER_GLOBEX.userId}, Globex)`);
    await expect(cells.nth(6)).toHaveText("Unassigned");
  } finally {
    await agentContext.close();
  }
});
