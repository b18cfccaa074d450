import { expect, test, type APIRequestContext } from "@playwright/test";
import { ADMIN, CUSTOMER_ACME, MANAGER, apiSignIn, loginAsStaff } from "./helpers";
import { expectNoHorizontalScroll, expectNoSeriousViolations } from "./axe";

const SCREENS = "docs/screenshots/issue-14";
const TICKETS = "/api/v1/tickets";
const MATRIX = "/api/v1/priority-matrix";

interface Matrix {
  version: number;
  cells: unknown[];
  targets: { priority: string; resolutionMinutes: number; firstResponseMinutes: number; updateEveryMinutes: number; tierBudgetMinutes: Record<string, number>; businessHours: boolean }[];
}

/**
 * The breach journey of issue 14: a P1 ticket passes its resolution target, the sweep raises the alert, the
 * manager finds it in the dashboard's Open alerts (oldest first, with its age), acknowledges it with a note,
 * it leaves the panel, the ticket's staff timeline says who acknowledged it, and the alert mail to the manager
 * is in the outbox.
 */
test.describe("alerts a person acknowledges", () => {
  test("a breached resolution target reaches the manager's Open alerts, is acknowledged with a note, and shows on the timeline", async ({ browser, playwright, baseURL }, testInfo) => {
    test.setTimeout(240_000);
    const open = () => playwright.request.newContext({ baseURL, extraHTTPHeaders: { origin: String(baseURL) } });
    const admin: APIRequestContext = await open();
    const customer: APIRequestContext = await open();
    const manager: APIRequestContext = await open();
    const context = await browser.newContext();
    const page = await context.newPage();
    let restore: Matrix | null = null;
    try {
      await apiSignIn(admin, "staff", ADMIN.userId, ADMIN.password);
      await apiSignIn(customer, "customer", CUSTOMER_ACME.userId, CUSTOMER_ACME.pin);
      await apiSignIn(manager, "staff", MANAGER.userId, MANAGER.password);

      // For one ticket, P1's targets shrink to a minute (a version of its own; the ticket keeps it), then come back.
      const current = (await (await admin.get(MATRIX)).json()) as Matrix;
      restore = current;
      const minute = { firstResponseMinutes: 1, resolutionMinutes: 1, updateEveryMinutes: 1, tierBudgetMinutes: { L1: 1, L2: 1, L3: 1 }, businessHours: false };
      const fast = await admin.put(MATRIX, { data: { version: current.version, cells: current.cells, targets: current.targets.map((t) => (t.priority === "P1" ? { ...t, ...minute } : t)), note: "e2e: a one-minute P1" } });
      expect(fast.status(), await fast.text()).toBe(200);
      const title = `Breach${Date.now().toString(36)}`.padEnd(200, "x");
      const created = await customer.post(TICKETS, { data: { type: "INCIDENT", title, description: "Checkout is down for everyone.", category: "platform", impact: "HIGH", urgency: "HIGH" } });
      expect(created.status(), await created.text()).toBe(201);
      const { number } = ((await created.json()) as { ticket: { number: string } }).ticket;
      const back = await admin.put(MATRIX, { data: { version: current.version + 1, cells: current.cells, targets: current.targets, note: "e2e: targets as before" } });
      expect(back.status(), await back.text()).toBe(200);
      restore = null;

      // The sweep (run on demand, as the scheduled one would) raises the breach once the minute has passed.
      await expect
        .poll(
          async () => {
            expect((await manager.post("/api/v1/sla/sweep")).status()).toBe(200);
            const { events } = (await (await manager.get(`${TICKETS}/${number}/events`)).json()) as { events: { type: string; details: { rule: string } | null }[] };
            return events.some((e) => e.type === "ALERT" && e.details?.rule === "sla.resolution-100");
          },
          { timeout: 150_000, intervals: [5_000] },
        )
        .toBe(true);

      // The manager's dashboard: Open alerts, oldest first, with what, why and how long.
      await page.setViewportSize({ width: 1366, height: 900 });
      await loginAsStaff(page, MANAGER);
      await page.goto("/dashboard");
      const panel = page.locator('[data-section="open-alerts"]');
      await expect(panel.getByRole("heading", { name: /Open alerts \(\d+\)/ })).toBeVisible();
      const item = panel.getByRole("listitem").filter({ hasText: number }).filter({ hasText: "Resolution target breached" });
      await expect(item).toHaveCount(1);
      await expect(item).toContainText(/open (\d+ s|\d+ min)/);
      await expect(item.getByRole("link", { name: new RegExp(number) })).toHaveAttribute("href", `/queue/tickets/${number}`);
      await expect(panel.locator('[data-section="alert-figures"]')).toContainText(/In the period: \d+ raised/);
      await expectNoHorizontalScroll(page);
      await panel.screenshot({ path: `${SCREENS}/open-alerts-1366.png` });
      await expectNoSeriousViolations(page, testInfo, "dashboard-open-alerts-1366");

      await page.setViewportSize({ width: 360, height: 800 });
      await page.reload();
      await expect(item).toBeVisible();
      // The charts re-measure after the resize: wait for the page to settle at the phone's width.
      await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth), { timeout: 10_000 }).toBeLessThanOrEqual(360);
      await expectNoHorizontalScroll(page);
      await panel.screenshot({ path: `${SCREENS}/open-alerts-360.png` });
      await expectNoSeriousViolations(page, testInfo, "dashboard-open-alerts-360");
      await page.setViewportSize({ width: 1366, height: 900 });

      // Acknowledge with a note: the alert leaves the panel.
      await item.getByRole("textbox", { name: /Note \(optional\)/ }).fill("Called the customer; the vendor is on it.");
      await item.getByRole("button", { name: "Acknowledge" }).click();
      await expect(item).toHaveCount(0);

      // A second acknowledgement is refused, naming who acknowledged it.
      const alerts = (await (await manager.get(`${TICKETS}/${number}/events`)).json()) as { events: { type: string; details: { rule: string; inputs: { alertId?: number } } | null }[] };
      const ack = alerts.events.find((e) => e.type === "ALERT_ACKNOWLEDGED")!;
      const again = await manager.post(`/api/v1/alerts/${ack.details!.inputs.alertId}/acknowledge`, { data: {} });
      expect(again.status()).toBe(409);
      expect(((await again.json()) as { error: { message: string } }).error.message).toMatch(/^Already acknowledged by Mia Manager at /);

      // The ticket's staff timeline says who acknowledged it, with the note.
      await page.goto(`/queue/tickets/${number}`);
      const timeline = page.getByRole("region", { name: "Timeline" });
      await expect(timeline).toContainText("Alert acknowledged");
      await expect(timeline).toContainText(/Mia Manager acknowledged the alert: .*Note: Called the customer; the vendor is on it\./);
      await timeline.getByText(/Mia Manager acknowledged the alert/).scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${SCREENS}/timeline-acknowledged-1366.png` });

      // The customer's view of the ticket has no trace of it.
      const customerEvents = (await (await customer.get(`${TICKETS}/${number}/events`)).json()) as { events: { type: string }[] };
      expect(customerEvents.events.map((e) => e.type)).not.toContain("ALERT_ACKNOWLEDGED");

      // The breach mail to the manager waits in the outbox (no SMTP here).
      await page.goto("/admin/outbox");
      const mail = page.getByRole("listitem").filter({ hasText: `[${number}] Resolution target breached:` });
      await expect(mail).toContainText("manager@tierdesk.example");

      // Nothing left for the scheduled sweep: the one-minute ticket is closed, so it tells nobody during later journeys.
      await expect(async () => {
        const { ticket } = (await (await manager.get(`${TICKETS}/${number}`)).json()) as { ticket: { version: number } };
        expect((await manager.patch(`${TICKETS}/${number}`, { data: { version: ticket.version, status: "CLOSED" } })).status()).toBe(200);
      }).toPass({ timeout: 15_000 });
    } finally {
      if (restore) await admin.put(MATRIX, { data: { cells: restore.cells, targets: restore.targets, note: "e2e: targets as before" } });
      await Promise.all([admin.dispose(), customer.dispose(), manager.dispose(), context.close()]);
    }
  });

  test("an admin makes a member the group's lead on /admin/groups; the group shows its leads", async ({ page }, testInfo) => {
    await page.setViewportSize({ width: 1366, height: 900 });
    await loginAsStaff(page, ADMIN);
    await page.goto("/admin/groups");
    const desk = page.getByRole("form", { name: "Group Service Desk" });
    await expect(desk.locator("[data-leads]")).toContainText("Leads: none");
    const lead = desk.getByRole("checkbox", { name: "Lead of Service Desk: Lena First" });
    await lead.check();
    await desk.getByRole("button", { name: "Save Service Desk" }).click();
    await expect(desk.getByRole("status")).toContainText("Group saved.");
    await expect(desk.locator("[data-leads]")).toHaveText("Leads: Lena First");
    await desk.screenshot({ path: `${SCREENS}/group-leads-1366.png` });
    await expectNoSeriousViolations(page, testInfo, "admin-groups-leads");
    // Back as seeded: no leads.
    await lead.uncheck();
    await desk.getByRole("button", { name: "Save Service Desk" }).click();
    await expect(desk.locator("[data-leads]")).toContainText("Leads: none");
  });
});
