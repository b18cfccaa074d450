import { expect, request as newRequest, test, type APIRequestContext, type Page, type TestInfo } from "@playwright/test";
import { expectNoHorizontalScroll, expectNoSeriousViolations } from "./axe";
import { CUSTOMER_ACME, CUSTOMER_GLOBEX, MANAGER, apiSignIn, fillNewTicketForm, loginAsCustomer, uniqueTitle } from "./helpers";

// Mobile first: every step runs on a 360 px wide screen.
test.use({ viewport: { width: 360, height: 800 } });

const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);
const LOG = Buffer.from("2026-11-27T10:00:01Z ERROR export worker timed out after 30 s\n");

async function shot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true });
}

/** A request context signed in as `who` (its own cookies), for API checks beside the browser. */
async function signedIn(baseURL: string, kind: "customer" | "staff", userId: string, secret: string): Promise<APIRequestContext> {
  // With this site's Origin, as the browser sends on the app's own writes (a signed-in write without one is refused).
  const context = await newRequest.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL } });
  await apiSignIn(context, kind, userId, secret);
  return context;
}

async function ticketCount(api: APIRequestContext): Promise<number> {
  const response = await api.get("/api/v1/tickets?limit=100");
  expect(response.status()).toBe(200);
  return ((await response.json()) as { tickets: unknown[] }).tickets.length;
}

/** Today's self-service counts of one article, as the managers' dashboard will read them. */
async function countsOf(manager: APIRequestContext, slug: string): Promise<{ deflections: number; helpful: number }> {
  const today = new Date().toISOString().slice(0, 10);
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  const response = await manager.get(`/api/v1/kb/self-service?from=${today}&to=${tomorrow}&period=day`);
  expect(response.status(), await response.text()).toBe(200);
  const { counts } = (await response.json()) as { counts: { article: { slug: string }; deflections: number; helpful: number }[] };
  const rows = counts.filter((c) => c.article.slug === slug);
  return { deflections: rows.reduce((n, r) => n + r.deflections, 0), helpful: rows.reduce((n, r) => n + r.helpful, 0) };
}

test.describe("portal self-service", () => {
  let manager: APIRequestContext;
  let globex: APIRequestContext;

  test.beforeAll(async ({ baseURL }) => {
    manager = await signedIn(baseURL!, "staff", MANAGER.userId, MANAGER.password);
    globex = await signedIn(baseURL!, "customer", CUSTOMER_GLOBEX.userId, CUSTOMER_GLOBEX.pin);
  });
  test.afterAll(async () => {
    await manager.dispose();
    await globex.dispose();
  });

  test("search deflects: a customer searches, opens an article, 'This solved it' counts a deflection and opens no ticket", async ({ page }, testInfo) => {
    const before = await countsOf(manager, "help-data");
    await loginAsCustomer(page, CUSTOMER_ACME);
    const ticketsBefore = await ticketCount(page.request);

    await expect(page.getByRole("heading", { name: "How can we help?" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Popular topics" })).toBeVisible();
    await expectNoHorizontalScroll(page);
    await expectNoSeriousViolations(page, testInfo, "portal");
    await shot(page, testInfo, "01-portal");

    await page.getByRole("searchbox", { name: "Search help articles" }).fill("exporting data");
    await page.getByRole("button", { name: "Search", exact: true }).click();
    await expect(page).toHaveURL(/\/portal\/search\?q=exporting\+data$/);
    const results = page.getByRole("main").getByRole("listitem");
    await expect(results.first().getByRole("link")).toHaveText("Exporting your data");
    // Articles for agents (SOPs) never show, not even on words only they contain.
    await expect(page.getByRole("main")).not.toContainText("SOP");
    await expectNoHorizontalScroll(page);
    await expectNoSeriousViolations(page, testInfo, "portal-search");
    await shot(page, testInfo, "02-search-results");

    await results.first().getByRole("link").click();
    await expect(page.getByRole("heading", { level: 1, name: "Exporting your data" })).toBeVisible();
    // Markdown rendered: **Settings → Data → Export** is bold text, not asterisks.
    await expect(page.getByRole("article").locator("strong")).toHaveText("Settings → Data → Export");
    await expectNoHorizontalScroll(page);
    await expectNoSeriousViolations(page, testInfo, "portal-article");
    await shot(page, testInfo, "03-article");

    await page.getByRole("button", { name: "This solved it" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Glad it is solved" })).toBeVisible();
    await shot(page, testInfo, "04-this-solved-it");

    await page.getByRole("button", { name: "Yes", exact: true }).click();
    await expect(page.getByRole("status").filter({ hasText: "Thank you for your feedback" })).toBeVisible();
    await shot(page, testInfo, "05-was-this-helpful");

    expect(await ticketCount(page.request)).toBe(ticketsBefore);
    expect(await countsOf(manager, "help-data")).toEqual({ deflections: before.deflections + 1, helpful: before.helpful + 1 });
  });

  test("while a ticket is typed, matching articles appear; 'This solved it' there counts and opens no ticket", async ({ page }, testInfo) => {
    const before = await countsOf(manager, "help-billing");
    await loginAsCustomer(page, CUSTOMER_ACME);
    const ticketsBefore = await ticketCount(page.request);

    await fillNewTicketForm(page, { title: "Invoice shows the wrong address", description: "The billing address on my invoice is old.", category: "Billing and invoices" });
    const suggestions = page.getByRole("region", { name: "These articles may solve it right away" });
    await expect(suggestions.getByRole("button", { name: "Understanding your invoice" })).toBeVisible();
    await suggestions.getByRole("button", { name: "Understanding your invoice" }).click();
    await expect(suggestions).toContainText("Invoices are issued on the first working day");
    await expectNoHorizontalScroll(page);
    await expectNoSeriousViolations(page, testInfo, "portal-suggestions");
    await shot(page, testInfo, "06-suggestions-while-typing");

    await suggestions.getByRole("button", { name: "This solved it" }).click();
    await expect(suggestions.getByRole("status")).toHaveText(/Glad it is solved\. No ticket was opened/);
    await shot(page, testInfo, "07-suggestion-solved");

    expect(await ticketCount(page.request)).toBe(ticketsBefore);
    expect((await countsOf(manager, "help-billing")).deflections).toBe(before.deflections + 1);
  });

  test("open an incident with attachments: the ticket shows them, they download for the customer and are 404 for another", async ({ page }, testInfo) => {
    await loginAsCustomer(page, CUSTOMER_ACME);
    const title = uniqueTitle("Export worker times out");
    await fillNewTicketForm(page, {
      type: "INCIDENT",
      title,
      description: "Every export stops after 30 s; screenshot and worker log attached.",
      category: "Data, exports and backups",
      impact: "Just me",
      urgency: "Work is slowed down",
    });
    await page.getByLabel("Attachments (optional)").setInputFiles([
      { name: "screen.png", mimeType: "image/png", buffer: PNG },
      { name: "worker.log", mimeType: "text/plain", buffer: LOG },
    ]);
    await shot(page, testInfo, "08-new-incident-with-attachments");
    await page.getByRole("button", { name: "Open ticket" }).click();

    const confirmation = page.getByRole("status").filter({ hasText: "created" });
    await expect(confirmation).toBeVisible();
    const number = ((await confirmation.getByTestId("created-ticket-number").textContent()) ?? "").trim();
    expect(number).toMatch(/^INC-\d{6}$/);
    const files = confirmation.getByRole("list", { name: "Attachments" }).getByRole("link");
    await expect(files).toHaveText(["screen.png", "worker.log"]);
    // The form starts over for the next ticket, suggestions included.
    await expect(page.getByLabel("Title")).toHaveValue("");
    await expect(page.getByRole("region", { name: "These articles may solve it right away" })).toHaveCount(0);
    await expectNoSeriousViolations(page, testInfo, "portal-ticket-created");
    await shot(page, testInfo, "09-incident-created-with-attachments");

    // The browser downloads it under its sanitized name.
    const [download] = await Promise.all([page.waitForEvent("download"), files.first().click()]);
    expect(download.suggestedFilename()).toBe("screen.png");

    // The ticket lists its files, and each downloads for this customer: the detected type, never inline, never sniffed.
    const listed = await page.request.get(`/api/v1/tickets/${number}/attachments`);
    expect(listed.status()).toBe(200);
    const { attachments } = (await listed.json()) as { attachments: { fileName: string; contentType: string; url: string }[] };
    expect(attachments.map((a) => [a.fileName, a.contentType])).toEqual([["screen.png", "image/png"], ["worker.log", "text/plain"]]);
    const png = await page.request.get(attachments[0]!.url);
    expect(png.status()).toBe(200);
    expect(png.headers()).toMatchObject({
      "content-type": "image/png",
      "content-disposition": 'attachment; filename="screen.png"',
      "x-content-type-options": "nosniff",
    });
    expect(Buffer.from(await png.body())).toEqual(PNG);

    // The other customer: every route of it is 404.
    expect((await globex.get(attachments[0]!.url)).status()).toBe(404);
    expect((await globex.get(attachments[1]!.url)).status()).toBe(404);
    expect((await globex.get(`/api/v1/tickets/${number}/attachments`)).status()).toBe(404);
    const intrude = await globex.post(`/api/v1/tickets/${number}/attachments`, {
      multipart: { attachments: { name: "x.log", mimeType: "text/plain", buffer: LOG } },
    });
    expect(intrude.status()).toBe(404);
    // A file id under another ticket's number is not found either.
    const theirs = await globex.post("/api/v1/tickets", { data: { type: "INCIDENT", title: "Their ticket", description: "x", category: "data" } });
    const theirNumber = ((await theirs.json()) as { ticket: { number: string } }).ticket.number;
    expect((await globex.get(`/api/v1/tickets/${theirNumber}/attachments/${attachments[0]!.url.split("/").pop()}`)).status()).toBe(404);
  });

  test("a double submit of the new-ticket form creates one ticket", async ({ page }) => {
    await loginAsCustomer(page, CUSTOMER_ACME);
    const before = await ticketCount(page.request);
    const title = uniqueTitle("Double submit");
    await fillNewTicketForm(page, { title, description: "Submitted twice in a row.", category: "Performance" });
    // Two submits before the first answer: both carry the form's one idempotency key.
    await page.locator("form").filter({ has: page.getByLabel("Title") }).evaluate((form: HTMLFormElement) => {
      form.requestSubmit();
      form.requestSubmit();
    });
    await expect(page.getByRole("status").filter({ hasText: "created" })).toBeVisible();
    // Both submits have been answered once the form is idle again.
    await expect(page.getByRole("button", { name: "Open ticket" })).toBeEnabled();
    const response = await page.request.get("/api/v1/tickets?limit=100");
    const { tickets } = (await response.json()) as { tickets: { title: string }[] };
    expect(tickets.filter((t) => t.title === title)).toHaveLength(1);
    expect(await ticketCount(page.request)).toBe(before + 1);
  });

  test("API: uploads are typed by content and size-checked; a double submit with one Idempotency-Key is one ticket", async ({ baseURL }) => {
    const api = await signedIn(baseURL!, "customer", CUSTOMER_ACME.userId, CUSTOMER_ACME.pin);
    const body = { type: "SERVICE_REQUEST", title: uniqueTitle("New API key"), description: "For the CI pipeline.", category: "integration" };
    const first = await api.post("/api/v1/tickets", { data: body, headers: { "Idempotency-Key": "e2e-double-submit-0001" } });
    const second = await api.post("/api/v1/tickets", { data: body, headers: { "Idempotency-Key": "e2e-double-submit-0001" } });
    expect([first.status(), second.status()]).toEqual([201, 200]);
    expect(second.headers()["idempotent-replayed"]).toBe("true");
    const number = ((await first.json()) as { ticket: { number: string } }).ticket.number;
    expect(((await second.json()) as { ticket: { number: string } }).ticket.number).toBe(number);
    // Keys are per customer.
    const other = await globex.post("/api/v1/tickets", { data: body, headers: { "Idempotency-Key": "e2e-double-submit-0001" } });
    expect(other.status()).toBe(201);
    expect(((await other.json()) as { ticket: { number: string } }).ticket.number).not.toBe(number);
    expect((await api.post("/api/v1/tickets", { data: body, headers: { "Idempotency-Key": "bad key!" } })).status()).toBe(400);

    const upload = (file: { name: string; mimeType: string; buffer: Buffer }) =>
      api.post(`/api/v1/tickets/${number}/attachments`, { multipart: { attachments: file } });
    const ok = await upload({ name: "../../../etc/notes.txt", mimeType: "text/html", buffer: LOG });
    expect(ok.status(), await ok.text()).toBe(201);
    expect(((await ok.json()) as { attachments: { fileName: string; contentType: string }[] }).attachments).toEqual([
      expect.objectContaining({ fileName: "notes.txt", contentType: "text/plain" }),
    ]);
    const exe = await upload({ name: "photo.png", mimeType: "image/png", buffer: Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00]) });
    expect(exe.status()).toBe(415);
    const big = await upload({ name: "big.log", mimeType: "text/plain", buffer: Buffer.alloc(10 * 1024 * 1024 + 1, 0x41) });
    expect(big.status()).toBe(413);
    expect((await api.post(`/api/v1/tickets/${number}/attachments`, { data: { attachments: [] } })).status()).toBe(415);
  });

  test("agent articles (SOPs) never reach the portal or its API: 404 everywhere, and counts are for managers only", async ({ page, baseURL }, testInfo) => {
    await loginAsCustomer(page, CUSTOMER_ACME);
    const response = await page.goto("/portal/articles/sop-data");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Article not found" })).toBeVisible();
    await expect(page.getByRole("main")).not.toContainText("SOP");
    await shot(page, testInfo, "10-agent-article-404");
    await page.goto(`/portal/search?q=${encodeURIComponent("SOP refunds contract approval")}`);
    await expect(page.getByRole("main").getByRole("status")).toHaveText("No article matches “SOP refunds contract approval”.");

    const api = await signedIn(baseURL!, "customer", CUSTOMER_ACME.userId, CUSTOMER_ACME.pin);
    expect((await api.get("/api/v1/kb/articles/sop-data")).status()).toBe(404);
    expect((await api.post("/api/v1/kb/articles/sop-data/feedback", { data: { helpful: true } })).status()).toBe(404);
    expect((await api.post("/api/v1/kb/articles/sop-data/deflections", { data: {} })).status()).toBe(404);
    // Words that only the SOPs contain find nothing; a broad search finds only customer articles.
    const sopWords = await api.get(`/api/v1/kb/articles?q=${encodeURIComponent("refunds contract approval SOP")}`);
    expect(((await sopWords.json()) as { articles: unknown[] }).articles).toEqual([]);
    const broad = await api.get(`/api/v1/kb/articles?limit=20&q=${encodeURIComponent("status page invoice export api slow sign error")}`);
    const slugs = ((await broad.json()) as { articles: { slug: string }[] }).articles.map((a) => a.slug);
    expect(slugs.length).toBeGreaterThan(3);
    expect(slugs.every((s) => s.startsWith("help-"))).toBe(true);
    // The customer's own article reads fine; the counts are not for customers.
    expect((await api.get("/api/v1/kb/articles/help-data")).status()).toBe(200);
    expect((await api.get("/api/v1/kb/self-service?from=2026-11-01&to=2026-12-01")).status()).toBe(403);
  });
});
