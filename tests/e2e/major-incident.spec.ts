import path from "node:path";
import type { APIRequestContext, Page } from "@playwright/test";
import { CUSTOMER_ACME, CUSTOMER_GLOBEX, L1_AGENT, L2_AGENT, apiSignIn, waitForHydration } from "./helpers";
import { expectNoHorizontalScroll } from "./axe";
import { expect, test, type Person } from "./people";

// Issue 15 §4: one outage, three customer tickets from two organizations attached to a major incident;
// one public update on the parent reaches all three portals, and no customer sees another's ticket or name.
const shots = (name: string) => path.resolve(test.info().project.testDir, "../../docs/screenshots/issue-15", name);
const stamp = Date.now().toString(36);
/** A 200-character unbroken title: the pages must wrap or cut it, never scroll sideways. */
const LONG_TITLE = `Outage${stamp}`.padEnd(200, "x");
const UPDATE = `We found the cause (a failed load balancer) and are replacing it. Next update within 30 minutes. ${stamp}`;

type Playwright = { request: { newContext(options: object): Promise<APIRequestContext> } };
type SignedIn = (person: Person) => Promise<Page>;

/** An API client with its own session, sending this site's Origin as the app's own writes do. */
async function apiAs(playwright: Playwright, baseURL: string | undefined, kind: "customer" | "staff", userId: string, secret: string): Promise<APIRequestContext> {
  const context = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { origin: String(baseURL) } });
  await apiSignIn(context, kind, userId, secret);
  return context;
}

async function openTicket(customer: APIRequestContext, title: string): Promise<string> {
  const created = await customer.post("/api/v1/tickets", { data: { type: "INCIDENT", title, description: "The platform does not answer.", category: "platform" } });
  expect(created.status(), await created.text()).toBe(201);
  return ((await created.json()) as { ticket: { number: string } }).ticket.number;
}

/** `visit` at 1366 and at 360 px wide, each time in a fresh browser of `person`'s own, signed in, closed afterwards. */
async function atWidths(signedIn: SignedIn, person: Person, visit: (page: Page, width: number) => Promise<void>): Promise<void> {
  for (const width of [1366, 360]) {
    const page = await signedIn(person);
    try {
      await page.setViewportSize({ width, height: 900 });
      await visit(page, width);
    } finally {
      await page.context().close();
    }
  }
}

test.describe("major incident", () => {
  let carla: APIRequestContext;
  let gus: APIRequestContext;
  let l1: APIRequestContext;
  let l2: APIRequestContext;
  let parent = "";
  const children: { number: string; customer: typeof CUSTOMER_ACME | typeof CUSTOMER_GLOBEX }[] = [];

  test.beforeAll(async ({ playwright, baseURL }) => {
    carla = await apiAs(playwright, baseURL, "customer", CUSTOMER_ACME.userId, CUSTOMER_ACME.pin);
    gus = await apiAs(playwright, baseURL, "customer", CUSTOMER_GLOBEX.userId, CUSTOMER_GLOBEX.pin);
    l1 = await apiAs(playwright, baseURL, "staff", L1_AGENT.userId, L1_AGENT.password);
    l2 = await apiAs(playwright, baseURL, "staff", L2_AGENT.userId, L2_AGENT.password);
  });

  test.afterAll(async () => {
    // Resolved, the parent and its children leave nothing for the SLA sweep to change under later specs.
    if (parent) {
      const { ticket } = (await (await l1.get(`/api/v1/tickets/${parent}`)).json()) as { ticket: { version: number; status: string } };
      if (ticket.status !== "RESOLVED") await l1.patch(`/api/v1/tickets/${parent}`, { data: { version: ticket.version, status: "RESOLVED" } });
    }
    await Promise.all([carla?.dispose(), gus?.dispose(), l1?.dispose(), l2?.dispose()]);
  });

  test("three children from two organizations; one update on the parent reaches all three portals", async ({ signedIn }) => {
    test.setTimeout(180_000);
    await test.step("one outage: Gus (Globex) opens the parent with a 200-character unbroken title, Carla (Acme) two tickets and Gus one more", async () => {
      parent = await openTicket(gus, LONG_TITLE);
      children.push({ number: await openTicket(carla, `Dashboard down ${stamp}`), customer: CUSTOMER_ACME });
      children.push({ number: await openTicket(carla, `API answers 502 ${stamp}`), customer: CUSTOMER_ACME });
      children.push({ number: await openTicket(gus, `Cannot sign in ${stamp}`), customer: CUSTOMER_GLOBEX });
    });

    await test.step("L1 may not declare a major incident; L2 may", async () => {
      expect((await l1.post(`/api/v1/tickets/${parent}/major-incident`)).status()).toBe(403);
      const declared = await l2.post(`/api/v1/tickets/${parent}/major-incident`);
      expect(declared.status(), await declared.text()).toBe(200);
    });

    await test.step("L1 attaches two children through the API and the third from the parent's page, which counts the customers affected; attaching it again is a conflict", async () => {
      for (const child of children.slice(0, 2)) {
        const attached = await l1.post(`/api/v1/tickets/${parent}/children`, { data: { child: child.number } });
        expect(attached.status(), await attached.text()).toBe(201);
      }
      const page = await signedIn(L1_AGENT);
      try {
        await page.setViewportSize({ width: 1366, height: 900 });
        await page.goto(`/queue/tickets/${parent}`);
        await waitForHydration(page);
        const links = page.getByRole("region", { name: /Links/ });
        await links.getByLabel("Ticket number to attach").fill(children[2]!.number);
        await links.getByRole("button", { name: "Attach child" }).click();
        await expect(links.getByRole("list", { name: "Child tickets" }).getByRole("listitem")).toHaveCount(3);
        await expect(links.locator("[data-affected]")).toHaveText("Affects 2 customers in 2 organizations.");
      } finally {
        await page.context().close();
      }
      expect((await l1.post(`/api/v1/tickets/${parent}/children`, { data: { child: children[2]!.number } })).status()).toBe(409);
    });

    await test.step("L1 posts one public update on the parent", async () => {
      const posted = await l1.post(`/api/v1/tickets/${parent}/comments`, { data: { body: UPDATE, visibility: "PUBLIC" } });
      expect(posted.status(), await posted.text()).toBe(201);
    });

    await test.step("on the staff parent page (1366 and 360 px), L1 sees the badge and the children with their customers, nothing scrolling sideways", async () => {
      await atWidths(signedIn, L1_AGENT, async (page, width) => {
        await page.goto(`/queue/tickets/${parent}`);
        const links = page.getByRole("region", { name: /Links/ });
        await expect(links).toContainText("Major incident");
        for (const child of children) await expect(links).toContainText(child.number);
        await links.scrollIntoViewIfNeeded();
        await expectNoHorizontalScroll(page);
        await page.screenshot({ path: shots(`major-incident-parent-${width}.png`), fullPage: width === 360 ? false : true });
      });
    });

    await test.step("in the queue (1366 and 360 px), the parent's row carries the major-incident marker with the child count", async () => {
      await atWidths(signedIn, L1_AGENT, async (page, width) => {
        await page.goto(`/queue?q=${parent}&view=tier`);
        await expect(page.locator("[data-major-incident]").first()).toHaveAttribute("title", "Major incident: 3 child tickets");
        await expectNoHorizontalScroll(page);
        await page.screenshot({ path: shots(`major-incident-queue-${width}.png`) });
      });
    });

    for (const [i, child] of children.entries()) {
      await test.step(`${child.customer.name} reads the update on ${child.number} in the portal (1366 and 360 px), and nothing of the parent or the other customer`, async () => {
        await atWidths(signedIn, child.customer, async (page, width) => {
          await page.goto(`/portal/tickets/${child.number}`);
          await expect(page.getByText(UPDATE)).toBeVisible();
          const text = await page.locator("main").innerText();
          expect(text).not.toContain(parent);
          const other = child.customer === CUSTOMER_ACME ? CUSTOMER_GLOBEX : CUSTOMER_ACME;
          expect(text).not.toContain(other.name);
          await expectNoHorizontalScroll(page);
          if (i === 0 || i === 2) await page.screenshot({ path: shots(`major-incident-portal-${child.customer.userId}-${width}.png`), fullPage: true });
        });
      });
    }
  });
});
