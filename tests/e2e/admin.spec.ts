import { expect, test, type APIRequestContext, type Page, type TestInfo } from "@playwright/test";
import { ADMIN, CUSTOMER_ACME, L1_AGENT, MANAGER, apiSignIn, loginAsCustomer, loginAsStaff, signOutViaUi } from "./helpers";
import { expectNoSeriousViolations } from "./axe";

const MATRIX = "/api/v1/priority-matrix";
const ADMIN_PAGES = ["/admin/matrix", "/admin/people", "/admin/audit", "/admin/groups", "/admin/kb", "/admin/kb/new", "/admin/calendar", "/admin/calendars", "/admin/calendars/new", "/admin/calendars/default", "/admin/webhooks", "/admin/tokens"];
/** An id no webhook has: the refusal comes before any lookup. */
const SOME_UUID = "00000000-0000-4000-8000-000000000000";

const shot = (page: Page, testInfo: TestInfo, name: string) => page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true });

test.describe("admin", () => {
  let asAdmin: APIRequestContext;
  let asManager: APIRequestContext;
  let asCustomer: APIRequestContext;
  let asAgent: APIRequestContext;
  let originalMatrix: { version: number; cells: unknown[]; targets: unknown[] };

  test.beforeAll(async ({ playwright }, testInfo) => {
    const baseURL = testInfo.project.use.baseURL;
    const open = () => playwright.request.newContext({ baseURL, extraHTTPHeaders: { origin: String(baseURL) } });
    [asAdmin, asManager, asCustomer, asAgent] = [await open(), await open(), await open(), await open()];
    await apiSignIn(asAdmin, "staff", ADMIN.userId, ADMIN.password);
    await apiSignIn(asManager, "staff", MANAGER.userId, MANAGER.password);
    await apiSignIn(asCustomer, "customer", CUSTOMER_ACME.userId, CUSTOMER_ACME.pin);
    await apiSignIn(asAgent, "staff", L1_AGENT.userId, L1_AGENT.password);
    originalMatrix = await (await asAdmin.get(MATRIX)).json();
  });

  test.afterAll(async () => {
    // Leave the matrix as the seed had it, for the specs that run after this one.
    // This context has sat idle through the whole describe: a reset of its kept-alive connection is retried.
    const now = await (await asAdmin.get(MATRIX, { maxRetries: 2 })).json();
    if (now.version !== originalMatrix.version) {
      const restored = await asAdmin.put(MATRIX, { data: { version: now.version, note: "e2e: back to the seeded matrix", cells: originalMatrix.cells, targets: originalMatrix.targets } });
      expect(restored.status(), await restored.text()).toBe(200);
    }
    await Promise.all([asAdmin, asManager, asCustomer, asAgent].map((c) => c.dispose()));
  });

  test("customers and agents are refused every admin page and API route; managers read but do not write", async ({ browser }) => {
    for (const [who, ctx] of [["customer", asCustomer], ["agent", asAgent]] as const) {
      for (const [method, path] of [
        ["get", "/api/v1/admin/audit"],
        ["get", "/api/v1/admin/matrix-versions"],
        ["get", "/api/v1/admin/people"],
        ["get", "/api/v1/admin/login-throttles"],
        ["post", "/api/v1/admin/what-if"],
        ["post", "/api/v1/admin/what-if/stream"],
        ["post", "/api/v1/admin/people"],
        ["post", "/api/v1/admin/people/pin"],
        ["post", "/api/v1/admin/people/password"],
        ["post", "/api/v1/admin/people/deactivate"],
        ["post", "/api/v1/admin/login-throttles/clear"],
        ["get", "/api/v1/admin/groups"],
        ["post", "/api/v1/admin/groups"],
        ["put", "/api/v1/admin/groups"],
        ["delete", "/api/v1/admin/groups/cloud-vendor"],
        ["get", "/api/v1/admin/categories"],
        ["post", "/api/v1/admin/categories"],
        ["put", "/api/v1/admin/categories"],
        ["delete", "/api/v1/admin/categories/platform"],
        ["get", "/api/v1/admin/kb-articles"],
        ["post", "/api/v1/admin/kb-articles"],
        ["put", "/api/v1/admin/kb-articles"],
        ["delete", "/api/v1/admin/kb-articles/help-data"],
        ["get", "/api/v1/admin/support-calendar"],
        ["put", "/api/v1/admin/support-calendar"],
        ["get", "/api/v1/admin/calendars"],
        ["post", "/api/v1/admin/calendars"],
        ["get", "/api/v1/admin/calendars/default"],
        ["put", "/api/v1/admin/calendars/default"],
        ["delete", "/api/v1/admin/calendars/default"],
        ["get", "/api/v1/admin/calendars/default/versions"],
        ["get", "/api/v1/admin/organizations"],
        ["put", "/api/v1/admin/organizations/acme"],
        ["get", "/api/v1/admin/webhooks"],
        ["post", "/api/v1/admin/webhooks"],
        ["get", `/api/v1/admin/webhooks/${SOME_UUID}`],
        ["patch", `/api/v1/admin/webhooks/${SOME_UUID}`],
        ["delete", `/api/v1/admin/webhooks/${SOME_UUID}`],
        ["get", `/api/v1/admin/webhooks/${SOME_UUID}/deliveries`],
        ["post", `/api/v1/admin/webhooks/${SOME_UUID}/deliveries/1/redeliver`],
        ["get", "/api/v1/admin/tokens"],
        ["post", "/api/v1/admin/tokens"],
        ["delete", "/api/v1/admin/tokens/00000000-0000-4000-8000-000000000000"],
      ] as const) {
        const response = method === "get" || method === "delete" ? await ctx[method](path) : await ctx[method](path, { data: {} });
        expect(response.status(), `${who} ${method} ${path}`).toBe(403);
        expect((await response.json()).error.code).toBe("FORBIDDEN");
      }
    }
    // Managers read, and may publish the matrix, but do not create people or issue PINs.
    expect((await asManager.get("/api/v1/admin/audit")).status()).toBe(200);
    expect((await asManager.post("/api/v1/admin/people", { data: { userId: "C5555", name: "No", role: "CUSTOMER" } })).status()).toBe(403);
    expect((await asManager.post("/api/v1/admin/people/pin", { data: { userId: CUSTOMER_ACME.userId } })).status()).toBe(403);
    expect((await asManager.post("/api/v1/admin/people/password", { data: { userId: L1_AGENT.userId } })).status()).toBe(403);
    expect((await asManager.post("/api/v1/admin/groups", { data: { slug: "no", name: "No", tier: "L2", assignmentMode: "PULL" } })).status()).toBe(403);
    expect((await asManager.delete("/api/v1/admin/groups/cloud-vendor")).status()).toBe(403);
    expect((await asManager.delete("/api/v1/admin/categories/platform")).status()).toBe(403);
    expect((await asManager.delete("/api/v1/admin/kb-articles/help-data")).status()).toBe(403);
    expect((await asManager.get("/api/v1/admin/calendars")).status()).toBe(200);
    expect((await asManager.put("/api/v1/admin/organizations/acme", { data: { calendar: null } })).status()).toBe(403);
    expect((await asManager.delete("/api/v1/admin/calendars/default")).status()).toBe(403);

    // A refused delete is a 409 that names what still refers to the record; an unknown slug is 404.
    const sop = await asAdmin.delete("/api/v1/admin/kb-articles/sop-data");
    expect(sop.status()).toBe(409);
    expect((await sop.json()).error).toMatchObject({ code: "CONFLICT", message: "Article sop-data cannot be deleted: it is the SOP article of category data." });
    expect((await asAdmin.delete("/api/v1/admin/groups/no-such-group")).status()).toBe(404);

    // Bad input gets field errors and changes nothing.
    const bad = await asAdmin.post("/api/v1/admin/people", { data: { userId: "?", name: "", role: "AGENT" } });
    expect(bad.status()).toBe(400);
    expect(Object.keys((await bad.json()).error.fields).sort()).toEqual(["name", "tier", "userId"]);

    // Pages: customers and agents land on their own home.
    for (const [user, home] of [
      [{ kind: "customer" as const }, /\/portal$/],
      [{ kind: "staff" as const }, /\/queue$/],
    ] as const) {
      const context = await browser.newContext();
      const page = await context.newPage();
      if (user.kind === "customer") await loginAsCustomer(page, CUSTOMER_ACME);
      else await loginAsStaff(page, L1_AGENT);
      for (const path of ADMIN_PAGES) {
        await page.goto(path);
        await expect(page).toHaveURL(home);
      }
      await context.close();
    }
  });

  test("an admin drafts a matrix change, runs the what-if, publishes, and a new ticket gets the new priority", async ({ page }, testInfo) => {
    // Before: MEDIUM impact × MEDIUM urgency is P3.
    const before = await asCustomer.post("/api/v1/tickets", { data: { type: "INCIDENT", title: "Before the change", description: "Half the team cannot export.", category: "platform", impact: "MEDIUM", urgency: "MEDIUM" } });
    expect(before.status(), await before.text()).toBe(201);
    expect((await before.json()).ticket.priorityLabel).toBe("Medium"); // P3, in the customer's words

    await loginAsStaff(page, ADMIN);
    await page.goto("/admin/matrix");
    await expect(page.getByRole("heading", { name: `Draft from version ${originalMatrix.version}` })).toBeVisible();
    await shot(page, testInfo, "01-matrix-editor");

    await page.getByLabel("Impact Medium, urgency Medium").selectOption("P2");
    await page.getByLabel("P2 First response (minutes)").fill("45");
    await shot(page, testInfo, "02-matrix-draft");

    await page.getByRole("button", { name: "Run what-if" }).click();
    const whatIf = page.getByTestId("what-if-result");
    await expect(whatIf).toBeVisible();
    await expect(whatIf).toContainText("would get another priority");
    // The ticket opened above is P3 now and would be P2 on the draft.
    const p2 = whatIf.getByRole("row", { name: /^P2/ });
    const [current, draft] = (await p2.getByRole("cell").allTextContents()).map(Number);
    expect(draft! - current!).toBeGreaterThanOrEqual(1);
    // The ticket is listed among those with another outcome, linked to its page.
    await whatIf.getByText(/^Tickets with another outcome/).click();
    await expect(whatIf.getByTestId("what-if-changed").getByRole("link", { name: (await before.json()).ticket.number })).toBeVisible();
    await shot(page, testInfo, "03-what-if");
    await expectNoSeriousViolations(page, testInfo, "admin-matrix");

    // Nothing is published by the what-if.
    const unchanged = await (await asAdmin.get(MATRIX)).json();
    expect(unchanged.version).toBe(originalMatrix.version);

    // The streaming route the page reads: progress after each batch, then the result; a bad period is a 400 before anything streams.
    const today = new Date().toISOString().slice(0, 10);
    const stream = await asAdmin.post("/api/v1/admin/what-if/stream", { data: { from: today, to: today, draft: { cells: unchanged.cells, targets: unchanged.targets } } });
    expect(stream.status()).toBe(200);
    expect(stream.headers()["content-type"]).toContain("application/x-ndjson");
    const lines = (await stream.text()).trim().split("\n").map((line) => JSON.parse(line));
    expect(lines.at(-1).result).toMatchObject({ changed: 0, reclassified: 0 });
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.slice(0, -1).every((line) => line.progress && line.progress.done <= line.progress.total)).toBe(true);
    const badPeriod = await asAdmin.post("/api/v1/admin/what-if/stream", { data: { from: today, to: "2000-01-01", draft: { cells: unchanged.cells, targets: unchanged.targets } } });
    expect(badPeriod.status()).toBe(400);
    expect((await badPeriod.json()).error.fields.to).toBeTruthy();

    // A bad target gets its field error and publishes nothing.
    await page.getByLabel("P2 First response (minutes)").fill("0");
    await page.getByRole("button", { name: "Publish new version" }).click();
    await expect(page.getByRole("region", { name: /^Draft from version/ }).getByRole("alert")).toContainText("not valid");
    await expect(page.getByLabel("P2 First response (minutes)")).toHaveAttribute("aria-invalid", "true");
    expect((await (await asAdmin.get(MATRIX)).json()).version).toBe(originalMatrix.version);
    await page.getByLabel("P2 First response (minutes)").fill("45");

    await page.getByLabel("Note for this version").fill("Medium × medium is P2 from now on");
    await page.getByRole("button", { name: "Publish new version" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Published version" })).toContainText(`Published version ${originalMatrix.version + 1}.`);
    await expect(page.getByRole("heading", { name: `Draft from version ${originalMatrix.version + 1}` })).toBeVisible();
    const history = page.getByRole("region", { name: "Published versions" });
    await expect(history).toContainText(`Version ${originalMatrix.version + 1} (current)`);
    await expect(history).toContainText(`${ADMIN.name} (${ADMIN.userId})`);
    await expect(history).toContainText(`Version ${originalMatrix.version}`);
    await shot(page, testInfo, "04-published");

    // A new ticket from C1001 is classified on the new version.
    const after = await asCustomer.post("/api/v1/tickets", { data: { type: "INCIDENT", title: "After the change", description: "Half the team cannot export.", category: "platform", impact: "MEDIUM", urgency: "MEDIUM" } });
    expect(after.status(), await after.text()).toBe(201);
    expect((await after.json()).ticket.priorityLabel).toBe("High"); // P2

    // The audit trail shows who published, with before and after.
    await page.goto("/admin/audit");
    const row = page.getByRole("row").filter({ hasText: "Published priority matrix" }).first();
    await expect(row).toContainText(`${ADMIN.name} (${ADMIN.userId})`);
    // Only the changed fields, each with its old and new value.
    const note = row.getByRole("row", { name: /^note / });
    await expect(note.getByRole("cell").last()).toHaveText("Medium × medium is P2 from now on");
    await expect(row.getByRole("row", { name: /^cells\[MEDIUM\/MEDIUM\]\.priority / })).toContainText(/P3\s*P2/);
    await expect(row.getByRole("row", { name: /^cells\[HIGH\/HIGH\]/ })).toHaveCount(0);
    await shot(page, testInfo, "05-audit");
    await expectNoSeriousViolations(page, testInfo, "admin-audit");
  });

  test("an admin creates a customer, issues a PIN, and the customer signs in with it", async ({ page }, testInfo) => {
    const userId = `C${Date.now().toString().slice(-6)}`;
    await loginAsStaff(page, ADMIN);
    await page.goto("/admin/people");
    await page.getByLabel("User ID").fill(userId);
    await page.getByLabel("Name").fill("Nadia Newcustomer");
    await page.getByLabel("Organization (optional)").selectOption("acme");
    await page.getByRole("button", { name: "Create" }).click();
    const first = await page.getByRole("form", { name: "New person" }).getByTestId("issued-secret").textContent();
    expect(first).toMatch(/^\d{6}$/);
    await expect(page.getByRole("row", { name: new RegExp(userId) })).toContainText("Nadia Newcustomer");
    await shot(page, testInfo, "06-customer-created");
    await expectNoSeriousViolations(page, testInfo, "admin-people");

    await page.getByRole("button", { name: `Issue a new PIN to ${userId}` }).click();
    const issued = page.getByRole("region", { name: "People", exact: true }).getByTestId("issued-secret");
    await expect(issued).toHaveText(/^\d{6}$/);
    const pin = (await issued.textContent())!.trim();
    expect(pin).toMatch(/^\d{6}$/);
    await shot(page, testInfo, "07-pin-issued");

    // Neither PIN is ever shown again: the audit trail records only that one was issued.
    await page.goto("/admin/audit");
    await expect(page.getByRole("row").filter({ hasText: "Issued a new PIN" }).first()).toBeVisible();
    expect(await page.content()).not.toContain(pin);

    await signOutViaUi(page);
    await loginAsCustomer(page, { userId, pin, name: "Nadia Newcustomer" });
    await shot(page, testInfo, "08-customer-signed-in");
  });

  test("the configuration pages: groups, categories, a KB article with its preview, the calendar (axe)", async ({ page }, testInfo) => {
    await loginAsStaff(page, ADMIN);
    await page.goto("/admin/groups");
    await expect(page.getByRole("form", { name: "Group Service Desk" })).toBeVisible();
    await expectNoSeriousViolations(page, testInfo, "admin-groups");
    await shot(page, testInfo, "09-groups-categories");

    await page.goto("/admin/kb/new");
    await page.getByLabel("Title").fill("Reset your VPN profile");
    await page.getByLabel("Slug").fill(`reset-vpn-${Date.now().toString(36)}`);
    await page.getByLabel("Body (Markdown)").fill("1. Open the client\n2. Choose **Reset**\n\n<script>alert(1)</script>");
    const preview = page.getByRole("region", { name: "Preview" });
    await expect(preview.locator("strong")).toHaveText("Reset");
    await expect(preview.locator("script")).toHaveCount(0);
    await expectNoSeriousViolations(page, testInfo, "admin-kb-new");
    await page.getByRole("button", { name: "Create article" }).click();
    await expect(page).toHaveURL(/\/admin\/kb\/reset-vpn-/);
    await expect(page.getByRole("heading", { name: "Reset your VPN profile" })).toBeVisible();
    await shot(page, testInfo, "10-kb-article");

    await page.goto("/admin/calendar");
    await expect(page.getByLabel("Time zone")).toHaveValue("UTC");
    await expectNoSeriousViolations(page, testInfo, "admin-calendar");
    await shot(page, testInfo, "11-calendar");
  });

  test("an admin creates a group and deletes it, and resets a staff password that the staff member then signs in with", async ({ page }, testInfo) => {
    const stamp = Date.now().toString(36);
    const staff = { userId: `e2e.staff.${stamp}`, name: "Sam Reset" };
    const created = await asAdmin.post("/api/v1/admin/people", { data: { ...staff, role: "AGENT", tier: "L2" } });
    expect(created.status(), await created.text()).toBe(201);

    await loginAsStaff(page, ADMIN);
    await page.goto("/admin/groups");
    const newGroup = page.getByRole("form", { name: "New group" });
    await newGroup.getByLabel("Slug").fill(`night-${stamp}`);
    await newGroup.getByLabel("Group name").fill(`Night ${stamp}`);
    await newGroup.getByLabel("Tier").selectOption("L2");
    await newGroup.getByLabel("Assignment").selectOption("PULL");
    await newGroup.getByRole("button", { name: "Create group" }).click();
    const group = page.getByRole("form", { name: `Group Night ${stamp}` });
    await expect(group).toContainText(`(night-${stamp} · L2)`);

    // A group escalation depends on is refused, and the dialog says why.
    await page.getByRole("button", { name: "Delete group Platform Support" }).click();
    const refusal = page.getByRole("dialog", { name: "Delete group Platform Support?" });
    await refusal.getByRole("button", { name: "Delete", exact: true }).click();
    await expect(refusal.getByRole("alert")).toContainText("Group platform-support cannot be deleted: it is the default L2 group escalations go to");
    await shot(page, testInfo, "12-group-delete-refused");
    await refusal.getByRole("button", { name: "Close" }).click();
    await expect(page.getByRole("form", { name: "Group Platform Support" })).toBeVisible();

    await group.getByRole("button", { name: `Delete group Night ${stamp}` }).click();
    await page.getByRole("dialog", { name: `Delete group Night ${stamp}?` }).getByRole("button", { name: "Delete", exact: true }).click();
    await expect(group).toHaveCount(0);
    expect(((await (await asAdmin.get("/api/v1/admin/groups")).json()) as { groups: { slug: string }[] }).groups.map((g) => g.slug)).not.toContain(`night-${stamp}`);

    // A new password for the staff member, shown once.
    await page.goto("/admin/people");
    page.once("dialog", (confirm) => confirm.accept());
    await page.getByRole("button", { name: `Reset the password of ${staff.userId}` }).click();
    const issued = page.getByRole("region", { name: "People", exact: true }).getByTestId("issued-secret");
    await expect(issued).toHaveText(/^[A-Za-z0-9]{16}$/);
    const password = (await issued.textContent())!.trim();
    await shot(page, testInfo, "13-password-reset");

    // The audit trail records the reset and the group's life, never the password.
    await page.goto("/admin/audit");
    await expect(page.getByRole("row").filter({ hasText: "Reset a password" }).first()).toBeVisible();
    await expect(page.getByRole("row").filter({ hasText: "Deleted group" }).first()).toContainText(`night-${stamp}`);
    expect(await page.content()).not.toContain(password);

    await signOutViaUi(page);
    await loginAsStaff(page, { ...staff, password });
  });
});
