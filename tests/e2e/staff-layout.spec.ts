import { expect, test, type APIRequestContext, type Browser, type Page, type TestInfo } from "@playwright/test";
import { ADMIN, L1_AGENT, MANAGER, apiSignIn, loginAsStaff, waitForHydration } from "./helpers";
import { expectNoSeriousViolations } from "./axe";

/**
 * Every staff page at a phone's and a laptop's width, with the longest unbroken texts the product accepts:
 * one staff header everywhere, nothing scrolls sideways, no serious accessibility violation.
 */

const WIDTHS = [1366, 360] as const;
const stamp = Date.now().toString(36);
/** Ticket and article titles may be 200 characters; person and group names 120 (their validation's cap). */
const LONG_TITLE = `T${stamp}`.padEnd(200, "x");
const LONG_NAME = `N${stamp}`.padEnd(120, "n");
const ARTICLE_SLUG = `long-${stamp}`;
/** A calendar's name, a holiday's and a version note may each be 200 characters (their validation's caps). */
const CALENDAR_SLUG = `cal-${stamp}`;
const LONG_CALENDAR_NAME = `N${stamp}`.padEnd(200, "n");

type Who = { userId: string; password: string; name: string; home?: RegExp };
interface StaffPage {
  path: () => string;
  who: Who;
  links: string[];
  /** The header link that holds the page (null: none does, as /notifications, which the bell opens). */
  current: string | null;
}

const ALL_LINKS = ["Queue", "Inbound", "Dashboard", "Admin"];
/** An agent's header: the queue, and held mail to review. */
const AGENT_LINKS = ["Queue", "Inbound"];
let ticketNumber = "";

const PAGES: StaffPage[] = [
  { path: () => "/queue", who: L1_AGENT, links: AGENT_LINKS, current: "Queue" },
  { path: () => "/notifications", who: L1_AGENT, links: AGENT_LINKS, current: null },
  { path: () => "/notifications", who: MANAGER, links: ALL_LINKS, current: null },
  { path: () => "/inbound", who: L1_AGENT, links: AGENT_LINKS, current: "Inbound" },
  {
    path: () => `/queue/tickets/${ticketNumber}`,
    who: L1_AGENT,
    links: AGENT_LINKS,
    current: "Queue",
  },
  {
    path: () => "/dashboard",
    who: MANAGER,
    links: ALL_LINKS,
    current: "Dashboard",
  },
  { path: () => "/dashboard/tickets?metric=opened&period=today", who: MANAGER, links: ALL_LINKS, current: "Dashboard" },
  { path: () => "/dashboard/alerts", who: MANAGER, links: ALL_LINKS, current: "Dashboard" },
  ...["/admin", "/admin/people", "/admin/groups", "/admin/matrix", "/admin/calendar", "/admin/calendars", "/admin/calendars/new", `/admin/calendars/${CALENDAR_SLUG}`, "/admin/calendars/24x7", "/admin/kb", "/admin/kb/new", `/admin/kb/${ARTICLE_SLUG}`, "/admin/audit", "/admin/outbox", "/admin/tokens", "/admin/integrations", "/admin/demo"].map(
    (path): StaffPage => ({ path: () => path, who: ADMIN, links: ALL_LINKS, current: "Admin" }),
  ),
  // Managers see the admin pages read-only, under the same header.
  { path: () => "/admin", who: MANAGER, links: ALL_LINKS, current: "Admin" },
  { path: () => `/admin/calendars/${CALENDAR_SLUG}`, who: MANAGER, links: ALL_LINKS, current: "Admin" },
];

async function expectFitsWidth(page: Page, width: number): Promise<void> {
  const { scrollWidth, innerWidth, widest } = await page.evaluate(() => {
    // What sticks out, for the failure message: the outermost elements whose right edge passes the window's.
    const out = [...document.body.querySelectorAll("*")].filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1);
    const outermost = out.filter((e) => !out.includes(e.parentElement!));
    const describe = (e: Element) => `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ""}.${[...e.classList].slice(0, 4).join(".")} (${Math.round(e.getBoundingClientRect().right)} px) "${(e.textContent ?? "").slice(0, 40)}"`;
    return { scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth, widest: outermost.slice(0, 5).map(describe) };
  });
  expect(scrollWidth, `page width at ${width} px; sticking out: ${widest.join(" | ")}`).toBeLessThanOrEqual(innerWidth);
}

async function expectStaffHeader(page: Page, spec: StaffPage): Promise<void> {
  const nav = page.getByRole("banner").getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link")).toHaveText(spec.links);
  if (spec.current) await expect(nav.getByRole("link", { name: spec.current })).toHaveAttribute("aria-current", "page");
  await expect(nav.locator("[aria-current]")).toHaveCount(spec.current ? 1 : 0);
  await expect(page.getByRole("banner").getByRole("button", { name: /^Notifications, / })).toBeVisible();
  await expect(page.getByRole("banner").getByTestId("signed-in-as")).toContainText(spec.who.name);
  await expect(page.getByRole("banner").getByRole("button", { name: "Sign out" })).toBeVisible();
}

/** A calendar with the longest name, holiday name and version note its form takes, made through the form (calendars have no API here). */
async function createLongCalendar(browser: Browser, baseURL: string): Promise<void> {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  try {
    await loginAsStaff(page, ADMIN);
    await page.goto("/admin/calendars/new");
    await waitForHydration(page);
    const form = page.getByRole("form", { name: "New calendar" });
    await form.getByLabel("Name", { exact: true }).fill(LONG_CALENDAR_NAME);
    await form.getByLabel("Slug").fill(CALENDAR_SLUG);
    await form.getByRole("button", { name: "Add a holiday" }).click();
    await form.getByLabel("Holiday 1 from").fill("2030-01-01");
    await form.getByLabel("Holiday 1 to").fill("2030-01-02");
    await form.getByLabel("Holiday 1 name").fill(`H${stamp}`.padEnd(200, "h"));
    await form.getByLabel("Version note").fill(`V${stamp}`.padEnd(200, "v"));
    await form.getByRole("button", { name: "Create calendar" }).click();
    await expect(page).toHaveURL(new RegExp(`/admin/calendars/${CALENDAR_SLUG}$`));
  } finally {
    await context.close();
  }
}

const shotName = (path: string, who: Who, width: number) => `${who.userId}${path.split("?")[0]!.replace(/[^a-z0-9]+/gi, "-")}-${width}.png`;

test.describe("staff layout", () => {
  test.beforeAll(async ({ playwright, browser }, testInfo) => {
    // The API set-up and one form filled in a browser, on a shared 2-core machine.
    test.setTimeout(120_000);
    const baseURL = testInfo.project.use.baseURL;
    const open = () => playwright.request.newContext({ baseURL, extraHTTPHeaders: { origin: String(baseURL) } });
    const admin: APIRequestContext = await open();
    const customer: APIRequestContext = await open();
    try {
      await apiSignIn(admin, "staff", ADMIN.userId, ADMIN.password);
      const person = await admin.post("/api/v1/admin/people", {
        data: { userId: `long.${stamp}`, name: LONG_NAME, role: "CUSTOMER", organization: "acme", email: `long.${stamp}@example.com` },
      });
      expect(person.status(), await person.text()).toBe(201);
      const { secret } = (await person.json()) as { secret: string };
      const group = await admin.post("/api/v1/admin/groups", { data: { slug: `long-${stamp}`, name: LONG_NAME, tier: "L2", assignmentMode: "PULL" } });
      expect(group.status(), await group.text()).toBe(201);
      const article = await admin.post("/api/v1/admin/kb-articles", {
        data: { slug: ARTICLE_SLUG, title: LONG_TITLE, body: `${LONG_TITLE}\n\nA body with one long word.`, audience: "CUSTOMER", category: "platform", published: true },
      });
      expect(article.status(), await article.text()).toBe(201);

      await apiSignIn(customer, "customer", `long.${stamp}`, secret);
      const ticket = await customer.post("/api/v1/tickets", {
        data: { type: "INCIDENT", title: LONG_TITLE, description: LONG_TITLE, category: "platform", impact: "HIGH", urgency: "HIGH" },
      });
      expect(ticket.status(), await ticket.text()).toBe(201);
      ticketNumber = ((await ticket.json()) as { ticket: { number: string } }).ticket.number;
      await createLongCalendar(browser, String(baseURL));
    } finally {
      await Promise.all([admin.dispose(), customer.dispose()]);
    }
  });

  for (const spec of PAGES) {
    // Titles must not hold the stamp: Playwright lists the tests and runs them in different processes.
    const label = `${spec.path().replace(ARTICLE_SLUG, "<long article>").replace(CALENDAR_SLUG, "<long calendar>")} as ${spec.who.userId}`.replace("/queue/tickets/", "/queue/tickets/<number>");
    test(`${label}: one header, fits 360 and 1366 px, no serious axe violation`, async ({ page }, testInfo: TestInfo) => {
      // Two widths, full-page screenshots (the groups page is 9,500 px tall at 360 px) and two axe runs on a shared 2-core machine.
      test.setTimeout(150_000);
      await loginAsStaff(page, spec.who);
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: 900 });
        await page.goto(spec.path());
        await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
        await expectStaffHeader(page, spec);
        await page.screenshot({ path: testInfo.outputPath(shotName(spec.path(), spec.who, width)), fullPage: true });
        await expectFitsWidth(page, width);
        await expectNoSeriousViolations(page, testInfo, `${label}-${width}`);
      }
    });
  }

  test("an unknown ticket and an unknown address get a branded not-found page with a way back", async ({ page }, testInfo) => {
    await loginAsStaff(page, L1_AGENT);
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 900 });

      // The ticket page streams behind its loading skeleton, so its not-found arrives with status 200 (and noindex).
      await page.goto("/queue/tickets/999999999");
      await expect(page.getByRole("heading", { level: 1, name: "Ticket not found" })).toBeVisible();
      await expect(page.getByRole("banner").getByRole("navigation", { name: "Main" }).getByRole("link")).toHaveText(AGENT_LINKS);
      await page.screenshot({ path: testInfo.outputPath(`not-found-ticket-${width}.png`), fullPage: true });
      await expectFitsWidth(page, width);
      await expectNoSeriousViolations(page, testInfo, `not-found-ticket-${width}`);

      const unknown = await page.goto(`/no-such-page-${stamp}`);
      expect(unknown?.status()).toBe(404);
      await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
      await expect(page.getByText("Tierdesk", { exact: true })).toBeVisible();
      await page.screenshot({ path: testInfo.outputPath(`not-found-page-${width}.png`), fullPage: true });
      await expectFitsWidth(page, width);
      await expectNoSeriousViolations(page, testInfo, `not-found-page-${width}`);
    }
    // The way back from the unknown address leads home: an agent's home is the queue.
    await page.getByRole("link", { name: "Back to Tierdesk" }).click();
    await expect(page).toHaveURL(/\/queue$/);
    await page.goto("/queue/tickets/999999999");
    await page.getByRole("link", { name: "Back to the queue" }).click();
    await expect(page).toHaveURL(/\/queue$/);
  });
});
