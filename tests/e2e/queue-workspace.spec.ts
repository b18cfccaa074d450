import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { expectNoHorizontalScroll, expectNoSeriousViolations } from "./axe";
import { CUSTOMER_ACME, L1_AGENT, L1_AGENT_2, apiSignIn, loginAsStaff, waitForHydration } from "./helpers";
import { LONG_UNBROKEN_TITLE, longNamedCustomer } from "./queue-fixtures";

type Levels = { impact: "HIGH" | "MEDIUM" | "LOW"; urgency: "HIGH" | "MEDIUM" | "LOW" };

/** Opens tickets through the API as the signed-in customer of `request`; returns their numbers in order. */
async function openTickets(request: APIRequestContext, titles: string[], levels: (i: number) => Levels = () => ({ impact: "LOW", urgency: "LOW" })): Promise<string[]> {
  const numbers: string[] = [];
  for (const [i, title] of titles.entries()) {
    const response = await request.post("/api/v1/tickets", { data: { type: "INCIDENT", title, description: "Opened for the queue workspace test.", category: "access", ...levels(i) } });
    expect(response.status(), await response.text()).toBe(201);
    numbers.push(((await response.json()) as { ticket: { number: string } }).ticket.number);
  }
  return numbers;
}

async function asCustomer(playwright: { request: { newContext: (o: object) => Promise<APIRequestContext> } }, baseURL: string): Promise<APIRequestContext> {
  const customer = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL } });
  await apiSignIn(customer, "customer", CUSTOMER_ACME.userId, CUSTOMER_ACME.pin);
  return customer;
}

const shownNumbers = (page: Page) => page.locator("table tbody td:nth-child(2)");
const checkbox = (page: Page, number: string) => page.locator("table").getByRole("checkbox", { name: `Select ${number}` });

test("bulk claim of 5 tickets, one claimed meanwhile by someone else: 4 done, 1 refused with the reason", async ({ page, playwright, baseURL }, testInfo) => {
  const token = `bulk${Date.now().toString(36)}`;
  const customer = await asCustomer(playwright, String(baseURL));
  const numbers = await openTickets(customer, [1, 2, 3, 4, 5].map((i) => `${token} ticket ${i}`));
  await customer.dispose();

  await loginAsStaff(page, L1_AGENT);
  await page.goto(`/queue?q=${token}&sort=age`);
  await waitForHydration(page);
  await expect(shownNumbers(page)).toHaveText(numbers);

  // x selects the row the keyboard is on; a shift-click on the last box selects the range from it.
  await page.getByRole("heading", { name: "L1 queue" }).click();
  await page.keyboard.press("j");
  await page.keyboard.press("x");
  await expect(checkbox(page, numbers[0]!)).toBeChecked();
  await checkbox(page, numbers[4]!).click({ modifiers: ["Shift"] });
  for (const n of numbers) await expect(checkbox(page, n)).toBeChecked();
  const bar = page.getByRole("toolbar", { name: "Bulk actions" });
  await expect(bar).toContainText("5 selected");
  await expectNoSeriousViolations(page, testInfo, "queue-selection");

  // Meanwhile a colleague claims the third one.
  const colleague = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { origin: String(baseURL) } });
  await apiSignIn(colleague, "staff", L1_AGENT_2.userId, L1_AGENT_2.password);
  expect((await colleague.post(`/api/v1/tickets/${numbers[2]}/claim`)).status()).toBe(200);
  await colleague.dispose();

  await bar.getByRole("button", { name: "Claim" }).click();
  const outcome = page.getByRole("region", { name: "Bulk action outcome" });
  await expect(outcome).toContainText("4 done, 1 refused.");
  await expect(outcome.locator('li[data-outcome="done"]')).toHaveCount(4);
  await expect(outcome.locator('li[data-outcome="refused"]')).toHaveText(`${numbers[2]}: refused — Someone else has claimed this ticket.`);
  await expect(bar).toBeHidden();
  await expectNoSeriousViolations(page, testInfo, "queue-bulk-outcome");

  // The API answers the same way, and refuses more than 100 tickets whole.
  const api = await page.request.post("/api/v1/tickets/bulk", {
    headers: { origin: String(baseURL) },
    data: { action: "claim", tickets: numbers.map((number) => ({ number, version: 1 })) },
  });
  expect(api.status()).toBe(200);
  expect(await api.json()).toMatchObject({ done: 4, refused: 1 });
  const tooMany = await page.request.post("/api/v1/tickets/bulk", {
    headers: { origin: String(baseURL) },
    data: { action: "claim", tickets: Array.from({ length: 101 }, (_, i) => ({ number: `INC-${900_000 + i}`, version: 1 })) },
  });
  expect(tooMany.status()).toBe(400);
});

test("sort by resolution time left holds across pages: page 2 continues the order, no repeats or gaps", async ({ page, playwright, baseURL }) => {
  const token = `sort${Date.now().toString(36)}`;
  const customer = await asCustomer(playwright, String(baseURL));
  const levels: Levels[] = [
    { impact: "LOW", urgency: "LOW" },
    { impact: "HIGH", urgency: "HIGH" },
    { impact: "MEDIUM", urgency: "MEDIUM" },
    { impact: "HIGH", urgency: "MEDIUM" },
    { impact: "LOW", urgency: "MEDIUM" },
  ];
  await openTickets(customer, levels.map((_, i) => `${token} sorted ${i}`), (i) => levels[i]!);
  await customer.dispose();

  await loginAsStaff(page, L1_AGENT);
  await page.goto(`/queue?q=${token}&limit=3`);
  const resolutionHeader = page.getByRole("columnheader", { name: "Resolution" });
  await expect(resolutionHeader.getByRole("link")).toHaveAttribute("title", "Sort by resolution, ascending");
  await resolutionHeader.getByRole("link").click();
  await expect(page).toHaveURL(/sort=resolution&dir=asc/);
  await expect(resolutionHeader).toHaveAttribute("aria-sort", "ascending");
  await expect(shownNumbers(page)).toHaveCount(3);
  const first = await shownNumbers(page).allTextContents();
  await page.getByRole("link", { name: "Next page" }).click();
  await expect(page).toHaveURL(/cursor=resolution\.asc\./);
  await expect(shownNumbers(page)).toHaveCount(2);
  const second = await shownNumbers(page).allTextContents();

  const all = (await (await page.request.get(`/api/v1/queue?q=${token}&sort=resolution&limit=100`)).json()) as { rows: { number: string; due: { resolutionDueAt: string | null } }[] };
  const due = all.rows.map((r) => Date.parse(r.due.resolutionDueAt!));
  expect(due).toEqual([...due].sort((a, b) => a - b));
  expect([...first, ...second]).toEqual(all.rows.map((r) => r.number));
  expect(new Set([...first, ...second]).size).toBe(5);

  // The other direction, from the header again.
  await page.goto(`/queue?q=${token}&sort=resolution&dir=asc`);
  await resolutionHeader.getByRole("link").click();
  await expect(page).toHaveURL(/sort=resolution&dir=desc/);
  await expect(resolutionHeader).toHaveAttribute("aria-sort", "descending");
  await expect(shownNumbers(page)).toHaveText([...all.rows.map((r) => r.number)].reverse());
});

test("dense at 1366×900 (25+ rows, long title and customer cut, nothing sideways) and stacked cards at 360 px", async ({ page, playwright, baseURL }, testInfo) => {
  // 31 tickets to open and two axe runs over 30 rows: more than the default minute on a shared 2-core machine.
  test.setTimeout(180_000);
  const token = `dense${Date.now().toString(36)}`;
  const long = await longNamedCustomer(await playwright.request.newContext({ baseURL, extraHTTPHeaders: { origin: String(baseURL) } }), String(baseURL), playwright);
  const [longOne] = await openTickets(long, [`${LONG_UNBROKEN_TITLE.slice(0, 200 - token.length - 1)} ${token}`]);
  await openTickets(long, Array.from({ length: 29 }, (_, i) => `${token} row ${i + 1}`));
  await long.dispose();

  await page.setViewportSize({ width: 1366, height: 900 });
  await loginAsStaff(page, L1_AGENT);
  await page.goto(`/queue?q=${token}&sort=age`);
  await expect(shownNumbers(page)).toHaveCount(30);
  const title = page.locator(`a[data-ticket="${longOne}"]`);
  await expect(title).toHaveAttribute("title", /^Unbroken/);
  const visible = await page.locator("table tbody tr").evaluateAll((rows) => rows.filter((r) => r.getBoundingClientRect().bottom <= window.innerHeight).length);
  expect(visible, "rows fully visible at 1366×900").toBeGreaterThanOrEqual(25);
  const rowHeights = await page.locator("table tbody tr").evaluateAll((rows) => new Set(rows.map((r) => Math.round(r.getBoundingClientRect().height))).size);
  expect(rowHeights, "every row one line").toBe(1);
  await expectNoHorizontalScroll(page);
  await page.screenshot({ path: "/work/screens/after-queue-1366.png" });
  await expectNoSeriousViolations(page, testInfo, "queue-dense");

  // The whole row opens the ticket: a click on the customer cell follows the title's link.
  // (the link lies over the cell, so the click goes to the cell's place on screen, as a person's would).
  const customerCell = await page.locator("table tbody tr").first().getByRole("cell").nth(5).boundingBox();
  await page.mouse.click(customerCell!.x + customerCell!.width / 2, customerCell!.y + customerCell!.height / 2);
  await expect(page).toHaveURL(/\/queue\/tickets\/INC-\d+$/);

  await page.setViewportSize({ width: 360, height: 800 });
  await page.goto(`/queue?q=${token}&sort=age`);
  const cards = page.getByRole("list", { name: "Tickets" });
  await expect(cards).toBeVisible();
  await expect(page.getByRole("table")).toBeHidden();
  await expect(cards.getByRole("listitem")).toHaveCount(30);
  await expect(cards.getByRole("listitem").first()).toContainText("Resolution");
  await expectNoHorizontalScroll(page);
  await page.screenshot({ path: "/work/screens/after-queue-360.png" });
  await expectNoSeriousViolations(page, testInfo, "queue-360");
});

test("columns shown per person are kept; saved views list with counts, refuse a duplicate name, rename and delete", async ({ page, playwright, baseURL }, testInfo) => {
  const token = `views${Date.now().toString(36)}`;
  const customer = await asCustomer(playwright, String(baseURL));
  await openTickets(customer, [`${token} one`, `${token} two`]);
  await customer.dispose();

  await loginAsStaff(page, L1_AGENT_2);
  await page.goto(`/queue?q=${token}`);
  await waitForHydration(page);
  await page.getByText("Columns", { exact: true }).click();
  await page.getByRole("checkbox", { name: "Updated", exact: true }).check();
  await page.getByRole("checkbox", { name: "Assignee", exact: true }).uncheck();
  await expect(page.getByRole("columnheader", { name: /Updated/ })).toBeVisible();
  await expect.poll(async () => ((await (await page.request.get("/api/v1/queue/preferences")).json()) as { hiddenColumns: string[] }).hiddenColumns.sort()).toEqual(["assignee", "first-response", "tier"]);
  await page.reload();
  await expect(page.getByRole("columnheader", { name: "Assignee" })).toHaveCount(0);
  await expect(page.getByRole("columnheader", { name: /Updated/ })).toBeVisible();

  await page.getByRole("button", { name: "Saved views" }).click();
  const dialog = page.getByRole("dialog", { name: "Saved views" });
  await dialog.getByLabel(/Save the current view/).fill(`Mine ${token}`);
  await dialog.getByRole("button", { name: "Save view" }).click();
  await expect(page).toHaveURL(/\/queue\?saved=\d+$/);
  const views = page.getByRole("navigation", { name: "Queue views" });
  const saved = views.getByRole("link", { name: new RegExp(`^Mine ${token} 2$`) });
  await expect(saved).toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("heading", { name: `L1 queue: Mine ${token}` })).toBeVisible();
  await expectNoSeriousViolations(page, testInfo, "queue-saved-view");

  await page.getByRole("button", { name: "Saved views" }).click();
  await dialog.getByLabel(/Save the current view/).fill(`Mine ${token}`);
  await dialog.getByRole("button", { name: "Save view" }).click();
  await expect(dialog.getByRole("alert")).toContainText("already have a view named");
  await dialog.getByLabel(`Name of Mine ${token}`).fill(`Renamed ${token}`);
  await dialog.getByRole("button", { name: "Rename" }).click();
  await expect(views.getByRole("link", { name: new RegExp(`^Renamed ${token}`) })).toBeVisible();
  await dialog.getByRole("button", { name: `Delete Renamed ${token}` }).click();
  await expect(page).toHaveURL(/\/queue$/);
  await expect(views.getByRole("link", { name: new RegExp(token) })).toHaveCount(0);
});
