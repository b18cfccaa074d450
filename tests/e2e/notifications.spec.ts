import path from "node:path";
import { expect, test, type APIRequestContext, type Page, type TestInfo } from "@playwright/test";
import { CUSTOMER_ACME, L1_AGENT, L2_AGENT, apiSignIn, loginAsStaff, waitForHydration } from "./helpers";
import { expectNoHorizontalScroll, expectNoSeriousViolations } from "./axe";

/** The journey's pictures, kept with the issue. */
const shots = (name: string) => path.resolve(test.info().project.testDir, "../../docs/screenshots/issue-14", name);
const stamp = Date.now().toString(36);
/** A ticket title may be 200 characters: one unbroken word, which must wrap rather than widen the panel. */
const LONG_TITLE = `Bell${stamp}`.padEnd(200, "x");

type Playwright = { request: { newContext(options: object): Promise<APIRequestContext> } };

async function signedIn(playwright: Playwright, baseURL: string | undefined, kind: "customer" | "staff", userId: string, secret: string): Promise<APIRequestContext> {
  const context = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { origin: String(baseURL) } });
  await apiSignIn(context, kind, userId, secret);
  return context;
}

const bell = (page: Page) => page.getByRole("banner").getByRole("button", { name: /^Notifications, / });
const panel = (page: Page) => page.getByRole("region", { name: "Notifications" });

async function shot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await page.screenshot({ path: shots(name) });
  await page.screenshot({ path: testInfo.outputPath(name), fullPage: true });
}

/** The panel stays inside the window at this width, and the page does not scroll sideways. */
async function expectPanelFits(page: Page): Promise<void> {
  const box = await panel(page).boundingBox();
  const width = page.viewportSize()!.width;
  expect(box, "the panel is on screen").not.toBeNull();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(width);
  await expectNoHorizontalScroll(page);
}

test.describe("staff notifications", () => {
  let customer: APIRequestContext;
  let l1: APIRequestContext;
  let l2: APIRequestContext;

  test.beforeAll(async ({ playwright, baseURL }) => {
    customer = await signedIn(playwright, baseURL, "customer", CUSTOMER_ACME.userId, CUSTOMER_ACME.pin);
    l1 = await signedIn(playwright, baseURL, "staff", L1_AGENT.userId, L1_AGENT.password);
    l2 = await signedIn(playwright, baseURL, "staff", L2_AGENT.userId, L2_AGENT.password);
  });

  test.afterAll(async () => {
    await Promise.all([customer?.dispose(), l1?.dispose(), l2?.dispose()]);
  });

  async function openTicket(title: string): Promise<string> {
    const created = await customer.post("/api/v1/tickets", { data: { type: "INCIDENT", title, description: "The dashboard answers 500.", category: "platform" } });
    expect(created.status(), await created.text()).toBe(201);
    return ((await created.json()) as { ticket: { number: string } }).ticket.number;
  }

  async function escalateToL2(number: string): Promise<void> {
    expect((await l1.post(`/api/v1/tickets/${number}/claim`)).status()).toBe(200);
    const escalated = await l1.post(`/api/v1/tickets/${number}/escalate`, { data: { reason: "Needs platform logs", summary: "Reproduced the 500; status page is green." } });
    expect(escalated.status(), await escalated.text()).toBe(200);
  }

  test("l1agent escalates; l2agent's bell on /queue goes to 1 within 15 s without a reload, opens, and leads to the ticket, which is then read", async ({ browser }, testInfo) => {
    test.setTimeout(120_000);
    // Start from nothing unread, whatever earlier tests left.
    expect((await l2.post("/api/v1/notifications/read", { data: { all: true } })).status()).toBe(200);
    const number = await openTicket(LONG_TITLE);

    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    try {
      const priya = await context.newPage();
      await loginAsStaff(priya, L2_AGENT);
      await expect(bell(priya)).toHaveAccessibleName("Notifications, none unread");
      // A reload would lose this mark.
      await priya.evaluate(() => Object.assign(window, { __stillTheSamePage: true }));

      await escalateToL2(number);
      await expect(bell(priya)).toHaveAccessibleName("Notifications, 1 unread", { timeout: 15_000 });
      await expect(bell(priya).getByTestId("notification-count")).toHaveText("1");
      expect(await priya.evaluate(() => (window as unknown as { __stillTheSamePage?: boolean }).__stillTheSamePage)).toBe(true);
      await expect(priya).toHaveURL(/\/queue$/);

      // Keyboard: Enter opens, Escape closes and gives focus back to the bell.
      await bell(priya).focus();
      await priya.keyboard.press("Enter");
      await expect(panel(priya)).toBeVisible();
      const item = panel(priya).getByTestId("notification-item").first();
      await expect(item).toContainText("Assigned to you");
      await expect(item).toContainText(number);
      await expect(item).toContainText(LONG_TITLE);
      await expect(item).toContainText("Unread");
      await expectPanelFits(priya);
      await shot(priya, testInfo, "bell-open-1366.png");
      await expectNoSeriousViolations(priya, testInfo, "bell-open-1366");
      await priya.keyboard.press("Escape");
      await expect(panel(priya)).toBeHidden();
      await expect(bell(priya)).toBeFocused();

      // Tab moves from the bell into the panel: "Mark all read", then the notification.
      await priya.keyboard.press("Enter");
      await expect(panel(priya)).toBeVisible();
      await priya.keyboard.press("Tab");
      await expect(panel(priya).getByRole("button", { name: "Mark all read" })).toBeFocused();
      await priya.keyboard.press("Tab");
      await expect(item).toBeFocused();

      // At a phone's width the panel fits the screen and the long title wraps.
      await priya.setViewportSize({ width: 360, height: 780 });
      await expectPanelFits(priya);
      await shot(priya, testInfo, "bell-open-360.png");
      await priya.setViewportSize({ width: 1366, height: 900 });

      // Following it opens the ticket page and marks it read.
      await item.click();
      await expect(priya).toHaveURL(new RegExp(`/queue/tickets/${number}$`));
      await expect(priya.getByRole("heading", { level: 1 })).toContainText(LONG_TITLE.slice(0, 40));
      await expect(bell(priya)).toHaveAccessibleName("Notifications, none unread");
      await expect
        .poll(async () => {
          const page = (await (await l2.get("/api/v1/notifications?limit=5")).json()) as { items: { ticket: { number: string }; readAt: string | null }[] };
          return page.items.find((n) => n.ticket.number === number)?.readAt ?? null;
        })
        .not.toBeNull();
    } finally {
      await context.close();
    }
  });

  test("/notifications: the history grouped under the bell, filters, mark one and all read, and mail preferences saved", async ({ page }, testInfo) => {
    test.setTimeout(150_000);
    expect((await l2.post("/api/v1/notifications/read", { data: { all: true } })).status()).toBe(200);
    // Two notifications about one ticket (assigned, then the customer replied) and one about another.
    const first = await openTicket(LONG_TITLE);
    await escalateToL2(first);
    const reply = await customer.post(`/api/v1/tickets/${first}/comments`, { data: { body: "It still fails at 10:05." } });
    expect(reply.status(), await reply.text()).toBe(201);
    const second = await openTicket(`Second ${stamp}`);
    await escalateToL2(second);

    await page.setViewportSize({ width: 1366, height: 900 });
    await loginAsStaff(page, L2_AGENT);
    await expect(bell(page)).toHaveAccessibleName("Notifications, 3 unread");
    await bell(page).click();
    // Newest first: the second ticket, then the first with its two notifications under one header (older,
    // read notifications of other journeys may follow: only this test's tickets are looked at).
    const groupHeaders = panel(page).getByRole("heading", { level: 3 });
    await expect(groupHeaders.filter({ hasText: first })).toHaveCount(1);
    await expect(groupHeaders.filter({ hasText: second })).toHaveCount(0);
    const items = panel(page).getByTestId("notification-item");
    await expect(items.first()).toContainText(second);
    await expect(items.nth(1)).toContainText("The customer replied");
    await expect(items.nth(2)).toContainText("Assigned to you");
    await expect(items.filter({ hasText: "Unread" })).toHaveCount(3);
    await shot(page, testInfo, "bell-grouped-1366.png");
    await panel(page).getByRole("link", { name: "All notifications and preferences" }).click();

    await expect(page).toHaveURL(/\/notifications$/);
    await expect(page.getByRole("heading", { level: 1, name: "Notifications" })).toBeVisible();
    await waitForHydration(page);
    const history = page.getByTestId("notification-history");
    await expect(page.getByTestId("unread-summary")).toHaveText("3 unread");
    await expect(history.getByRole("button", { name: /^Mark read/ })).toHaveCount(3);
    await expect(page.getByRole("navigation", { name: "Filter notifications" }).getByRole("link", { name: "All" })).toHaveAttribute("aria-current", "page");
    await expect(page.getByTestId("no-email-notice")).toContainText("In-app only: you have no email address.");
    for (const width of [1366, 360]) {
      await page.setViewportSize({ width, height: 900 });
      await expectNoHorizontalScroll(page);
      await page.screenshot({ path: shots(`notifications-${width}.png`), fullPage: true });
      await expectNoSeriousViolations(page, testInfo, `notifications-${width}`);
    }
    await page.setViewportSize({ width: 1366, height: 900 });

    // Mark one read: the summary and the bell follow.
    await history.getByRole("button", { name: /^Mark read: The customer replied/ }).click();
    await expect(page.getByTestId("unread-summary")).toHaveText("2 unread");
    await expect(bell(page)).toHaveAccessibleName("Notifications, 2 unread");

    // Filters: Unread keeps the two; Mentions has none.
    await page.getByRole("navigation", { name: "Filter notifications" }).getByRole("link", { name: "Unread" }).click();
    await expect(page).toHaveURL(/\?unread=1$/);
    await expect(history.getByRole("button", { name: /^Mark read/ })).toHaveCount(2);
    await page.getByRole("navigation", { name: "Filter notifications" }).getByRole("link", { name: "Mentions" }).click();
    await expect(page.getByText("Nobody has mentioned you.")).toBeVisible();
    await page.getByRole("navigation", { name: "Filter notifications" }).getByRole("link", { name: "All" }).click();

    // Mark all read.
    await page.getByRole("button", { name: "Mark all read" }).click();
    await expect(page.getByTestId("unread-summary")).toHaveText("All read");
    await expect(bell(page)).toHaveAccessibleName("Notifications, none unread");

    // The customer asks for escalation: an alert, under Alerts, that says nobody has acknowledged it yet.
    const version = ((await (await customer.get(`/api/v1/tickets/${second}`)).json()) as { ticket: { version: number } }).ticket.version;
    const request = await customer.post(`/api/v1/tickets/${second}/escalation-request`, { data: { version, reason: "Month-end close is tomorrow." } });
    expect(request.status(), await request.text()).toBe(200);
    await expect(bell(page)).toHaveAccessibleName("Notifications, 1 unread", { timeout: 15_000 });
    await page.getByRole("navigation", { name: "Filter notifications" }).getByRole("link", { name: "Alerts" }).click();
    await expect(page).toHaveURL(/\?filter=alerts$/);
    const alertItem = history.getByRole("listitem").filter({ hasText: second });
    await expect(alertItem).toHaveCount(1);
    await expect(alertItem.getByTestId("alert-state")).toHaveText("Escalation requested alert · not acknowledged yet");
    await page.screenshot({ path: shots("notifications-alerts-1366.png"), fullPage: true });
    // The assignee, told of the alert, acknowledges it here (agents have no dashboard): it then says who did.
    const alertForm = alertItem.getByRole("form", { name: /^Acknowledge: / });
    await alertForm.getByRole("textbox").fill("Calling the customer now.");
    await alertForm.getByRole("button", { name: "Acknowledge" }).click();
    await expect(alertItem.getByTestId("alert-state")).toHaveText("Escalation requested alert · acknowledged by Priya Second");
    await expect(alertItem.getByRole("form", { name: /^Acknowledge: / })).toHaveCount(0);
    await page.getByRole("navigation", { name: "Filter notifications" }).getByRole("link", { name: "All" }).click();

    // Preferences: My group by mail, Mentions in-app only; saved, and still so after a reload and through the API.
    const myGroup = page.getByRole("group", { name: /My group/ });
    const mentions = page.getByRole("group", { name: /Mentions/ });
    await expect(mentions.getByRole("radio", { name: "In-app and mail" })).toBeChecked();
    await myGroup.getByRole("radio", { name: "In-app and mail" }).check();
    await mentions.getByRole("radio", { name: "In-app only" }).check();
    await page.getByRole("button", { name: "Save preferences" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Preferences saved." })).toBeVisible();
    await page.reload();
    await expect(page.getByRole("group", { name: /My group/ }).getByRole("radio", { name: "In-app and mail" })).toBeChecked();
    await expect(page.getByRole("group", { name: /Mentions/ }).getByRole("radio", { name: "In-app only" })).toBeChecked();
    const saved = (await (await l2.get("/api/v1/me/notification-preferences")).json()) as { kinds: { kind: string; byMail: boolean }[] };
    expect(saved.kinds.filter((k) => k.byMail).map((k) => k.kind)).toEqual(["MY_GROUP", "SLA_ALERTS"]);
  });

  test("the API: customers get 403, a write from another site 403, bad input 400", async ({ playwright, baseURL }) => {
    expect((await customer.get("/api/v1/notifications")).status()).toBe(403);
    expect((await customer.get("/api/v1/me/notification-preferences")).status()).toBe(403);
    expect((await l2.get("/api/v1/notifications?cursor=abc")).status()).toBe(400);
    expect((await l2.get("/api/v1/notifications?filter=%00")).status()).toBe(400);
    expect((await l2.post("/api/v1/notifications/read", { data: { ids: "all" } })).status()).toBe(400);
    expect((await l2.put("/api/v1/me/notification-preferences", { data: { kinds: { SPAM: "mail" } } })).status()).toBe(400);
    const elsewhere = await l2.post("/api/v1/notifications/read", { data: { all: true }, headers: { origin: "https://evil.example" } });
    expect(elsewhere.status()).toBe(403);
    const anonymous = await playwright.request.newContext({ baseURL });
    expect((await anonymous.get("/api/v1/notifications")).status()).toBe(401);
    await anonymous.dispose();
  });
});
