import type { APIRequestContext, Page, TestInfo } from "@playwright/test";
import { CUSTOMER_ACME, CUSTOMER_GLOBEX, L1_AGENT, MANAGER, apiSignIn, uniqueTitle } from "./helpers";
import { expectNoSeriousViolations } from "./axe";
import { expect, test } from "./people";

const TICKETS = "/api/v1/tickets";

async function shot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await page.screenshot({ path: testInfo.outputPath(name), fullPage: true });
}

/** The agent's current version of the ticket, then a status change through the API. */
async function setStatus(agent: APIRequestContext, number: string, status: string): Promise<void> {
  const { ticket } = (await (await agent.get(`${TICKETS}/${number}`)).json()) as { ticket: { version: number } };
  const response = await agent.patch(`${TICKETS}/${number}`, { data: { version: ticket.version, status } });
  expect(response.status(), await response.text()).toBe(200);
}

test.describe("portal: the customer's tickets", () => {
  test("agent reply reaches the customer and the outbox; the customer replies, reopens, confirms, rates; Globex sees none of it", async ({ signedIn, browser, playwright, baseURL }, testInfo) => {
    test.setTimeout(180_000);
    const agent = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { origin: String(baseURL) } });
    const globex = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { origin: String(baseURL) } });
    try {
      const page = await signedIn(CUSTOMER_ACME);
      const title = uniqueTitle("Invoices fail to export");
      let number = "";
      const reply = "We can reproduce it and are working on a fix.";

      await test.step("the customer opens a ticket (the form is another journey's); an L1 agent claims it and replies publicly", async () => {
        await page.goto("/portal");
        const created = await page.request.post(TICKETS, { headers: { origin: new URL(page.url()).origin }, data: { type: "INCIDENT", title, description: "The CSV export stops at 10 %.", category: "billing", impact: "HIGH", urgency: "HIGH" } });
        expect(created.status()).toBe(201);
        number = ((await created.json()) as { ticket: { number: string } }).ticket.number;
        await apiSignIn(agent, "staff", L1_AGENT.userId, L1_AGENT.password);
        expect((await agent.post(`${TICKETS}/${number}/claim`)).status()).toBe(200);
        expect((await agent.post(`${TICKETS}/${number}/comments`, { data: { body: reply, visibility: "PUBLIC" } })).status()).toBe(201);
      });

      await test.step("My tickets: status, priority in words, the support level, the next update", async () => {
        await page.goto("/portal/tickets?filter=open");
        const card = page.getByRole("list", { name: "Tickets" }).getByRole("listitem").filter({ hasText: title });
        await expect(card).toContainText("Assigned to an agent");
        await expect(card).toContainText("Priority: Critical");
        await expect(card).toContainText("With: Level 1 support");
        // Today's promise gives the time only; one past midnight UTC gives the day too.
        await expect(card).toContainText(/Next update: by (\w{3} \d{1,2} \w{3}, )?\d\d:\d\d UTC/);
        await expect(card).not.toContainText("service-desk");
        await expectNoSeriousViolations(page, testInfo, "portal-tickets");
        await shot(page, testInfo, "01-ticket-list.png");
        await card.getByRole("link").click();
      });

      await test.step("the ticket page shows the agent's reply and nothing internal", async () => {
        await expect(page).toHaveURL(new RegExp(`/portal/tickets/${number}$`));
        await expect(page.getByRole("heading", { name: title })).toBeVisible();
        await expect(page.getByText(/We will update you by (\w{3} \d{1,2} \w{3}, )?\d\d:\d\d UTC/)).toBeVisible();
        await expect(page.getByText(reply)).toBeVisible();
        await expect(page.getByText("Lena First (support)")).toBeVisible();
        // No group, agent login or internal priority code on the customer's page.
        const shown = await page.locator("main").innerText();
        for (const internal of ["Service Desk", "service-desk", "l1agent", "P1"]) expect(shown).not.toContain(internal);
        await expectNoSeriousViolations(page, testInfo, "portal-ticket");
        await shot(page, testInfo, "02-agent-reply.png");
      });

      const managerPage = await signedIn(MANAGER);
      await test.step("the manager finds the reply's mail in the outbox (no SMTP_URL here: it stays there)", async () => {
        await managerPage.goto("/admin/outbox");
        const mail = managerPage.getByRole("listitem").filter({ hasText: `[${number}] New reply: ${title}` });
        await expect(mail).toContainText("carla@acme.example");
        await mail.getByText("Message").click();
        await expect(mail).toContainText(reply);
        await shot(managerPage, testInfo, "03-outbox.png");
      });

      await test.step("the customer replies", async () => {
        await page.getByLabel("Your reply").fill("Thanks. It also fails for the March invoices.");
        await page.getByRole("button", { name: "Send reply" }).click();
        await expect(page.getByRole("status").filter({ hasText: "Reply sent." })).toBeVisible();
        await expect(page.getByRole("listitem").filter({ hasText: "It also fails for the March invoices." })).toContainText("You");
        await shot(page, testInfo, "04-customer-reply.png");
      });

      await test.step("the agent resolves; the customer says it is still broken, and it goes back to L1 with its agent", async () => {
        await setStatus(agent, number, "RESOLVED");
        await page.reload();
        await expect(page.getByRole("heading", { name: "Is your problem solved?" })).toBeVisible();
        await shot(page, testInfo, "05-resolved.png");
        await page.getByText("Still broken?").click();
        await page.getByLabel("What is still not working?").fill("The March export still stops at 10 %.");
        await page.getByRole("button", { name: "Still broken", exact: true }).click();
        await expect(page.getByText("Reopened: support is on it again.")).toBeVisible();
        // The notice is for this view only: the address drops it, so a later action or a reload does not repeat it.
        await expect(page).toHaveURL(new RegExp(`/portal/tickets/${number}$`));
        await expect(page.getByRole("definition").filter({ hasText: "In progress" })).toBeVisible();
        await expect(page.getByText("Still broken: The March export still stops at 10 %.")).toBeVisible();
        const staffView = ((await (await agent.get(`${TICKETS}/${number}`)).json()) as { ticket: { tier: string; status: string; assignee: { userId: string } } }).ticket;
        expect({ tier: staffView.tier, status: staffView.status, assignee: staffView.assignee.userId }).toEqual({ tier: "L1", status: "IN_PROGRESS", assignee: L1_AGENT.userId });
        await shot(page, testInfo, "06-still-broken.png");
      });

      await test.step("the customer asks for escalation: support is alerted, the level stays", async () => {
        await page.getByText("Ask for escalation").first().click();
        await page.getByLabel("Why does this need more attention?").fill("Month-end close is tomorrow.");
        await page.getByRole("button", { name: "Send request" }).click();
        await expect(page.getByText("Your request is with support")).toBeVisible();
        await expect(page.getByText("You asked for escalation: support has been alerted.")).toBeVisible();
        await expect(page.getByText("Reopened: support is on it again.")).toBeHidden();
        await shot(page, testInfo, "07-escalation-request.png");
      });

      await test.step("resolved again: the customer confirms and rates it in one click", async () => {
        await setStatus(agent, number, "RESOLVED");
        await page.reload();
        await page.getByRole("button", { name: "Resolved for me" }).click();
        await expect(page.getByText("Thank you: the ticket is closed.")).toBeVisible();
        await expect(page.getByRole("definition").filter({ hasText: "Closed" })).toBeVisible();
        await page.getByLabel("Comment (optional)").fill("Fixed on the second try.");
        await page.getByRole("button", { name: "Rate 4 of 5: Good" }).click();
        await expect(page.getByText("You rated this 4 of 5: “Fixed on the second try.”")).toBeVisible();
        await expect(page.getByRole("button", { name: "Rate 4 of 5: Good" })).toHaveAttribute("aria-pressed", "true");
        await expectNoSeriousViolations(page, testInfo, "portal-ticket-closed");
        await shot(page, testInfo, "08-rated.png");
      });

      await test.step("counted for managers; the resolutions and the closure were mailed at once", async () => {
        // The reopen's held "In progress" went into the second resolution, seconds later (lib/mail/mail-timing.ts).
        const summary = (await (await managerPage.request.get("/api/v1/ratings/summary")).json()) as { count: number; byScore: Record<string, number> };
        expect(summary.count).toBeGreaterThanOrEqual(1);
        expect(summary.byScore["4"]).toBeGreaterThanOrEqual(1);
        await managerPage.goto("/admin/outbox");
        for (const subject of [`[${number}] Resolved: ${title}`, `[${number}] Closed: ${title}`]) {
          await expect(managerPage.getByRole("listitem").filter({ hasText: subject }).first()).toBeVisible();
        }
        await expect(managerPage.getByRole("listitem").filter({ hasText: `[${number}] In progress: ${title}` })).toHaveCount(0);
      });

      await test.step("the closed ticket names the level that resolved it; changing the score keeps the comment", async () => {
        await expect(page.getByRole("term").filter({ hasText: "Resolved by" })).toBeVisible();
        await expect(page.getByLabel("Comment (optional)")).toHaveValue("Fixed on the second try.");
        await page.getByRole("button", { name: "Rate 5 of 5: Excellent" }).click();
        await expect(page.getByText("You rated this 5 of 5: “Fixed on the second try.”")).toBeVisible();
      });

      await test.step("at 360 px the list and the ticket page fit, even beside a 200-character unbroken title", async () => {
        const long = await page.request.post(TICKETS, {
          headers: { origin: new URL(page.url()).origin },
          data: { type: "INCIDENT", title: "W".repeat(200), description: "A title with no place to break.", category: "billing" },
        });
        expect(long.status()).toBe(201);
        await page.setViewportSize({ width: 360, height: 780 });
        await page.goto("/portal/tickets");
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
        await expect(page.getByRole("list", { name: "Tickets" }).getByRole("listitem").filter({ hasText: title })).toContainText("Resolved by: Level 1 support");
        await shot(page, testInfo, "09-mobile-list-360.png");
        await page.goto(`/portal/tickets/${number}`);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
        await expectNoSeriousViolations(page, testInfo, "portal-ticket-360");
        await shot(page, testInfo, "10-mobile-ticket-360.png");
      });

      await test.step("a customer may not read the outbox", async () => {
        await page.goto("/admin/outbox");
        await expect(page).toHaveURL(/\/portal$/);
      });

      await test.step("Globex: every portal page and route on Acme's ticket is 404, and nothing changed", async () => {
        await apiSignIn(globex, "customer", CUSTOMER_GLOBEX.userId, CUSTOMER_GLOBEX.pin);
        const before = ((await (await page.request.get(`${TICKETS}/${number}`)).json()) as { ticket: { version: number } }).ticket.version;
        expect((await globex.get(`${TICKETS}/${number}`)).status()).toBe(404);
        expect((await globex.get(`${TICKETS}/${number}/events`)).status()).toBe(404);
        const attempts: [string, object][] = [
          ["comments", { body: "hello" }],
          ["resolve-confirm", { version: before }],
          ["reopen", { version: before, reason: "mine?" }],
          ["escalation-request", { version: before, reason: "mine?" }],
          ["rating", { score: 1 }],
        ];
        for (const [verb, data] of attempts) {
          const response = await globex.post(`${TICKETS}/${number}/${verb}`, { data });
          expect(response.status(), verb).toBe(404);
          expect(((await response.json()) as { error: { code: string } }).error.code).toBe("NOT_FOUND");
        }
        const globexBrowser = await browser.newContext({ storageState: await globex.storageState() });
        try {
          const globexPage = await globexBrowser.newPage();
          expect((await globexPage.goto(`/portal/tickets/${number}`))?.status()).toBe(404);
          await globexPage.goto("/portal/tickets");
          await expect(globexPage.getByText(title)).toHaveCount(0);
        } finally {
          await globexBrowser.close();
        }
        expect(((await (await page.request.get(`${TICKETS}/${number}`)).json()) as { ticket: { version: number } }).ticket.version).toBe(before);
      });
    } finally {
      await agent.dispose();
      await globex.dispose();
    }
  });
});
