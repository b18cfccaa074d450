import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { CUSTOMER_ACME, CUSTOMER_GLOBEX, L1_AGENT, MANAGER, apiSignIn, loginAsCustomer, loginAsStaff, openTicketViaPortal, uniqueTitle, waitForHydration } from "./helpers";
import { expectNoSeriousViolations } from "./axe";

/** A row of the queue table, found by its ticket number (the row's link is its title, carrying the number). */
const rowOf = (page: Page, number: string) => page.getByRole("row").filter({ has: page.locator(`a[data-ticket="${number}"]`) });
/** The ticket numbers the table shows, in order. */
const shownNumbers = (page: Page) => page.locator("table tbody td:nth-child(2)");

/** Opens tickets as Acme through the API; returns their numbers in order. */
async function openTickets(request: APIRequestContext, tickets: { title: string; impact?: string; urgency?: string }[]): Promise<string[]> {
  const numbers: string[] = [];
  for (const t of tickets) {
    const response = await request.post("/api/v1/tickets", { data: { type: "INCIDENT", description: "Opened for the queue test.", category: "access", ...t } });
    expect(response.status(), await response.text()).toBe(201);
    numbers.push(((await response.json()) as { ticket: { number: string } }).ticket.number);
  }
  return numbers;
}

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

    // Columns by default: selection, number, title, priority, status, customer, assignee, tier budget, resolution, age.
    const cells = rowOf(agent, number).getByRole("cell");
    await expect(cells.nth(1)).toHaveText(number);
    await expect(cells.nth(2)).toHaveText(title);
    // HIGH impact × HIGH urgency on the default matrix.
    await expect(cells.nth(3)).toHaveText("P1");
    await expect(cells.nth(4)).toHaveText("New");
    await expect(cells.nth(5)).toHaveText(`${CUSTOMER_GLOBEX.name} · Globex`);
    await expect(cells.nth(5).locator("span")).toHaveAttribute("title", `${CUSTOMER_GLOBEX.name} (${CUSTOMER_GLOBEX.userId}) · Globex`);
    await expect(cells.nth(6)).toHaveText("Unassigned");
    // Live countdowns of the tier budget and the resolution target, then the age.
    await expect(cells.nth(7).locator("time")).toHaveAttribute("data-tone", "normal");
    const first = await cells.nth(8).textContent();
    await expect(cells.nth(8)).not.toHaveText(first ?? "");
    // Under a minute old it reads in seconds, then in minutes.
    await expect(cells.nth(9)).toHaveText(/^\d+ (s|min)$/);
  } finally {
    await agentContext.close();
  }
});

test("views with counts, filters and search in the URL, keyboard and help, accessible", async ({ page, playwright, baseURL }, testInfo) => {
  const token = `kbd${Date.now().toString(36)}`;
  const customer = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { origin: String(baseURL) } });
  let numbers: string[];
  try {
    await apiSignIn(customer, "customer", CUSTOMER_ACME.userId, CUSTOMER_ACME.pin);
    numbers = await openTickets(customer, [
      { title: `${token} alpha printer jam`, impact: "HIGH", urgency: "HIGH" },
      { title: `${token} beta`, impact: "LOW", urgency: "LOW" },
    ]);
  } finally {
    await customer.dispose();
  }

  await loginAsStaff(page, L1_AGENT);
  await expect(page.getByRole("heading", { name: "L1 queue" })).toBeVisible();
  const views = page.getByRole("navigation", { name: "Queue views" });
  await expect(views.getByRole("link", { name: /^My tier \d+$/ })).toHaveAttribute("aria-current", "page");
  const unassignedCount = Number(await page.getByTestId("count-unassigned").textContent());
  expect(unassignedCount).toBeGreaterThanOrEqual(2);
  await expect(page.getByTestId("count-mine")).toHaveText(/^\d+$/);
  await expectNoSeriousViolations(page, testInfo, "queue");

  // A view, then a search within it: both stay in the URL, which reopens the same queue.
  await views.getByRole("link", { name: /^Unassigned in my groups/ }).click();
  await expect(page).toHaveURL(/[?&]view=unassigned/);
  await expect(views.getByRole("link", { name: /^Unassigned in my groups/ })).toHaveAttribute("aria-current", "page");
  await page.getByRole("searchbox", { name: "Search" }).fill(token);
  await page.getByRole("searchbox", { name: "Search" }).press("Enter");
  await expect(page).toHaveURL(new RegExp(`[?&]q=${token}`));
  await expect(page).toHaveURL(/[?&]view=unassigned/);
  await expect(shownNumbers(page)).toHaveText([numbers[0]!, numbers[1]!]);
  await page.getByRole("combobox", { name: "Priority" }).selectOption("P1");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/[?&]priority=P1/);
  await page.goto(page.url());
  await expect(page.getByRole("searchbox", { name: "Search" })).toHaveValue(token);
  await expect(page.getByRole("combobox", { name: "Priority" })).toHaveValue("P1");
  await expect(shownNumbers(page)).toHaveText([numbers[0]!]);
  await expect(views.getByRole("link", { name: /^Unassigned in my groups/ })).toHaveAttribute("aria-current", "page");

  // Search finds the English stem of a word in the title; the view's count ignores the search.
  await page.goto(`/queue?view=unassigned&q=printers+${token}`);
  await expect(shownNumbers(page)).toHaveText([numbers[0]!]);
  await expect(page.getByTestId("count-unassigned")).toHaveText(String(unassignedCount));

  // Keyboard: j/k move, typing in the search box does not, ? shows the help, Enter opens the ticket.
  await page.goto(`/queue?view=unassigned&q=${token}`);
  await waitForHydration(page);
  await page.getByRole("heading", { name: "L1 queue" }).click();
  await page.keyboard.press("j");
  await expect(rowOf(page, numbers[0]!)).toHaveAttribute("aria-current", "true");
  await page.keyboard.press("j");
  await expect(rowOf(page, numbers[1]!)).toHaveAttribute("aria-current", "true");
  await expect(page.locator(`a[data-ticket="${numbers[1]}"]`)).toBeFocused();
  await page.keyboard.press("k");
  await expect(rowOf(page, numbers[0]!)).toHaveAttribute("aria-current", "true");
  await page.getByRole("searchbox", { name: "Search" }).press("End");
  await page.getByRole("searchbox", { name: "Search" }).press("j");
  await expect(page.getByRole("searchbox", { name: "Search" })).toHaveValue(`${token}j`);
  await expect(rowOf(page, numbers[0]!)).toHaveAttribute("aria-current", "true");

  await page.getByRole("heading", { name: "L1 queue" }).click();
  await page.keyboard.press("?");
  const help = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(help).toBeVisible();
  await expect(help).toContainText("Next ticket");
  await expectNoSeriousViolations(page, testInfo, "queue-help");
  await page.keyboard.press("Escape");
  await expect(help).toBeHidden();

  // The selection stayed on the first row: j goes to the second, and Enter opens it.
  await page.keyboard.press("j");
  await expect(rowOf(page, numbers[1]!)).toHaveAttribute("aria-current", "true");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/queue/tickets/${numbers[1]}$`));
});

test("a new ticket appears without a reload, never under the pointer; the polled API checks its input", async ({ page, playwright, baseURL }) => {
  const token = `live${Date.now().toString(36)}`;
  const customer = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { origin: String(baseURL) } });
  try {
    await apiSignIn(customer, "customer", CUSTOMER_ACME.userId, CUSTOMER_ACME.pin);
    const [waiting] = (await openTickets(customer, [{ title: `${token} already waiting`, impact: "LOW", urgency: "LOW" }])) as [string];

    await loginAsStaff(page, L1_AGENT);
    await page.goto(`/queue?q=${token}`);
    await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
    const waitingLink = page.locator(`a[data-ticket="${waiting}"]`);
    await waitingLink.hover();
    const before = await waitingLink.boundingBox();

    // A P1 sorts above the row under the pointer: it waits until the pointer leaves.
    const [urgent] = (await openTickets(customer, [{ title: `${token} arrives while watching`, impact: "HIGH", urgency: "HIGH" }])) as [string];
    await expect(page.getByText("New updates are waiting")).toBeVisible({ timeout: 25_000 });
    await expect(page.locator(`a[data-ticket="${urgent}"]`)).toHaveCount(0);
    expect(await waitingLink.boundingBox()).toEqual(before);
    await expect(page.getByTestId("count-tier")).not.toHaveText("0");

    await page.mouse.move(0, 0);
    await expect(shownNumbers(page)).toHaveText([urgent, waiting]);
    expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
  } finally {
    await customer.dispose();
  }

  const bad = await page.request.get("/api/v1/queue?view=everything&limit=0");
  expect(bad.status()).toBe(400);
  expect(((await bad.json()) as { error: { fields: Record<string, string[]> } }).error.fields).toMatchObject({ view: expect.any(Array), limit: expect.any(Array) });
  expect((await page.request.get("/api/v1/queue?tier=L2")).status()).toBe(403);
});

test("managers see every tier or choose one; Clear keeps the view", async ({ page }) => {
  await loginAsStaff(page, MANAGER);
  await page.goto("/queue?view=unassigned&q=nothing-matches-this");
  await expect(page.getByRole("heading", { name: "All tiers queue" })).toBeVisible();
  await page.getByRole("combobox", { name: "Tier", exact: true }).selectOption("L2");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/\/queue\?view=unassigned&tier=L2&q=nothing-matches-this$/);
  await expect(page.getByRole("heading", { name: "L2 queue" })).toBeVisible();
  await page.getByRole("link", { name: "Clear" }).click();
  await expect(page).toHaveURL(/\/queue\?view=unassigned&tier=L2$/);
  await expect(page.getByRole("searchbox", { name: "Search" })).toHaveValue("");
});
