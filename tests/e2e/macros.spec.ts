import { mkdir } from "node:fs/promises";
import path from "node:path";
import type { APIRequestContext, Page, TestInfo } from "@playwright/test";
import { expectNoHorizontalScroll, expectNoSeriousViolations } from "./axe";
import { ADMIN, CUSTOMER_ACME, L1_AGENT, apiSignIn, pressShortcut, waitForHydration } from "./helpers";
import { expect, test } from "./people";

const SCREENS = "../../docs/screenshots/issue-15";
const stamp = Date.now().toString(36);
/** A macro title may be 200 characters: one unbroken word must wrap, not widen the page. */
const LONG_TITLE = `Macro${stamp}`.padEnd(200, "m");
const MACRO_TITLE = `E2E resolved ${stamp}`;

type Playwright = { request: { newContext(options: object): Promise<APIRequestContext> } };

/** An API client with its own session, sending this site's Origin as the app's own writes do. */
async function apiAs(playwright: Playwright, baseURL: string | undefined, kind: "customer" | "staff", userId: string, secret: string): Promise<APIRequestContext> {
  const context = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { origin: String(baseURL) } });
  await apiSignIn(context, kind, userId, secret);
  return context;
}

async function shot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const dir = path.resolve(testInfo.project.testDir, SCREENS);
  await mkdir(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, name), fullPage: true });
}

test.describe("macros", () => {
  let admin: APIRequestContext;
  let customer: APIRequestContext;
  const macroIds: number[] = [];

  test.beforeAll(async ({ playwright, baseURL }) => {
    admin = await apiAs(playwright, baseURL, "staff", ADMIN.userId, ADMIN.password);
    customer = await apiAs(playwright, baseURL, "customer", CUSTOMER_ACME.userId, CUSTOMER_ACME.pin);
  });

  test.afterAll(async () => {
    for (const id of macroIds) await admin.delete(`/api/v1/admin/macros/${id}`);
    await admin.dispose();
    await customer.dispose();
  });

  test("an agent applies a macro, edits the text, sends it; the customer reads the edited reply and the ticket is resolved; usage shows on the admin page", async ({ signedIn }, testInfo) => {
    test.setTimeout(180_000);
    await test.step("the admin makes two macros through the API: an internal one with a 200-character unbroken title, and a public one that resolves", async () => {
      for (const data of [
        { title: LONG_TITLE, body: "Checking {{ticket.number}} for {{customer.name}}.", visibility: "INTERNAL" },
        { title: MACRO_TITLE, body: "Hello {{customer.name}}, {{ticket.number}} is fixed: sign in again. {{update.promise}}.", category: "access", visibility: "PUBLIC", setStatus: "RESOLVED" },
      ]) {
        const created = await admin.post("/api/v1/admin/macros", { data });
        expect(created.status(), await created.text()).toBe(201);
        macroIds.push(((await created.json()) as { macro: { id: number } }).macro.id);
      }
    });

    await test.step("the API refuses what the form would: an unknown placeholder (400) and a title taken (409)", async () => {
      expect((await admin.post("/api/v1/admin/macros", { data: { title: `x${stamp}`, body: "{{customer.phone}}", visibility: "PUBLIC" } })).status()).toBe(400);
      expect((await admin.post("/api/v1/admin/macros", { data: { title: MACRO_TITLE, body: "x", visibility: "PUBLIC" } })).status()).toBe(409);
    });

    let number = "";
    await test.step("the customer opens a ticket through the API", async () => {
      const opened = await customer.post("/api/v1/tickets", { data: { type: "INCIDENT", title: `Cannot sign in ${stamp}`, description: "Locked out since this morning.", category: "access" } });
      expect(opened.status(), await opened.text()).toBe(201);
      number = ((await opened.json()) as { ticket: { number: string } }).ticket.number;
    });

    await test.step("the preview route fills the macro for staff (nothing is counted); a customer is refused", async () => {
      const preview = await admin.post(`/api/v1/tickets/${number}/macros/${macroIds[1]}/preview`);
      expect(preview.status(), await preview.text()).toBe(200);
      expect(((await preview.json()) as { preview: { body: string } }).preview.body).toContain(`Hello ${CUSTOMER_ACME.name}, ${number} is fixed`);
      expect((await customer.post(`/api/v1/tickets/${number}/macros/${macroIds[1]}/preview`)).status()).toBe(403);
    });

    const lena = await signedIn(L1_AGENT);
    await lena.setViewportSize({ width: 1366, height: 900 });
    const picker = lena.getByRole("dialog", { name: "Apply a macro" });
    await test.step("L1 (Lena) claims and presses m: the picker lists the new macro and the seeded ones (axe), and fits 360 px", async () => {
      await lena.goto(`/queue/tickets/${number}`);
      await waitForHydration(lena);
      await lena.getByRole("toolbar", { name: "Ticket actions" }).getByRole("button", { name: "Claim" }).click();
      await expect(lena.getByTestId("ticket-assignee")).toHaveText(L1_AGENT.name);
      await lena.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await pressShortcut(lena, "m", picker);
      await expect(picker.getByRole("button", { name: new RegExp(MACRO_TITLE) })).toBeVisible();
      await expect(picker.getByRole("button", { name: /Password reset instructions/ })).toBeVisible();
      await shot(lena, testInfo, "macro-picker-1366.png");
      await expectNoSeriousViolations(lena, testInfo, "macro picker");
      await lena.setViewportSize({ width: 360, height: 800 });
      await expectNoHorizontalScroll(lena);
      await shot(lena, testInfo, "macro-picker-360.png");
      await lena.setViewportSize({ width: 1366, height: 900 });
    });

    const body = lena.getByLabel("Message (Markdown)");
    await test.step("she finds the macro by typing and applies it: the composer is filled, public, set to resolve; nothing is sent", async () => {
      await picker.getByLabel("Find a macro").fill(`resolved ${stamp}`);
      await expect(picker.getByRole("listitem")).toHaveCount(1);
      await picker.getByLabel("Find a macro").press("Enter");
      await expect(picker).toBeHidden();
      await expect(body).toHaveValue(new RegExp(`^Hello ${CUSTOMER_ACME.name}, ${number} is fixed: sign in again\\. If anything is still wrong`));
      await expect(body).toBeFocused();
      await expect(lena.getByTestId("applied-macro")).toContainText(MACRO_TITLE);
      await expect(lena.getByRole("checkbox", { name: "Then set the status to Resolved" })).toBeChecked();
      await expect(lena.getByRole("radio", { name: /Public reply/ })).toBeChecked();
      const unsent = await (await customer.get(`/api/v1/tickets/${number}`)).json();
      expect(JSON.stringify(unsent)).not.toContain("is fixed");
    });

    await test.step("she edits the text and sends it: the ticket is resolved and the composer empties", async () => {
      await body.press("End");
      await body.pressSequentially(" Edited: your account was unlocked at 10:05.");
      await shot(lena, testInfo, "macro-applied-1366.png");
      await lena.getByRole("button", { name: "Send public reply" }).click();
      await expect(lena.getByRole("status").filter({ hasText: "Sent." })).toContainText("Status set to Resolved.");
      await expect(body).toHaveValue("");
    });

    await test.step("the customer (Carla) reads the reply as edited", async () => {
      const carla = await signedIn(CUSTOMER_ACME);
      await carla.setViewportSize({ width: 1366, height: 900 });
      await carla.goto(`/portal/tickets/${number}`);
      const reply = carla.getByText(`Hello ${CUSTOMER_ACME.name}, ${number} is fixed: sign in again.`).first();
      await expect(reply).toBeVisible();
      await expect(reply).toContainText("Edited: your account was unlocked at 10:05.");
      await carla.context().close();
    });

    await test.step("Ada (admin) finds Macros on the admin home; the page lists the macro with its one use, the 200-character title wrapping at 1366 px (axe) and at 360 px", async () => {
      const ada = await signedIn(ADMIN);
      await ada.setViewportSize({ width: 1366, height: 900 });
      await ada.goto("/admin");
      await expect(ada.getByRole("link", { name: /Macros/ }).first()).toBeVisible();
      await ada.goto("/admin/macros");
      await expect(ada.locator(`[data-usage="${macroIds[1]}"]`)).toHaveText("1 use");
      await expect(ada.locator(`[data-usage="${macroIds[0]}"]`)).toHaveText("0 uses");
      await ada.getByText(LONG_TITLE).click();
      await expect(ada.getByRole("form", { name: `Macro ${LONG_TITLE}` })).toBeVisible();
      await expectNoHorizontalScroll(ada);
      await shot(ada, testInfo, "admin-macros-1366.png");
      await expectNoSeriousViolations(ada, testInfo, "admin macros");
      await ada.setViewportSize({ width: 360, height: 800 });
      await expectNoHorizontalScroll(ada);
      await shot(ada, testInfo, "admin-macros-360.png");
      await ada.context().close();
    });
  });
});
