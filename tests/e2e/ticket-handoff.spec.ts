import { copyFile, mkdir } from "node:fs/promises";
import { existsSync } from "node:fs";
import { request as newRequest, type APIRequestContext, type Page, type TestInfo } from "@playwright/test";
import { expectNoHorizontalScroll, expectNoSeriousViolations } from "./axe";
import { ADMIN, CUSTOMER_ACME, L1_AGENT, L2_AGENT, L3_AGENT, apiSignIn, fillNewTicketForm, waitForHydration } from "./helpers";
import { expect, test, type Person } from "./people";

const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");
const TRACE = Buffer.from("2026-12-02T10:00:01Z gateway 500 upstream reset\n");
/** The shared folder the before/after screenshots go to, when this machine has it. */
const SCREENS_DIR = "/work/screens";

async function shot(page: Page, testInfo: TestInfo, name: string, copyAs?: string): Promise<void> {
  const file = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  if (copyAs && existsSync(SCREENS_DIR)) await copyFile(file, `${SCREENS_DIR}/${copyAs}.png`);
}

/** The size these pages are shot at on a desktop. */
const DESKTOP = { width: 1366, height: 900 };

/** An API client with its own session, sending this site's Origin as the app's own writes do. */
async function apiAs(baseURL: string, kind: "customer" | "staff", userId: string, secret: string): Promise<APIRequestContext> {
  const context = await newRequest.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL } });
  await apiSignIn(context, kind, userId, secret);
  return context;
}

test.describe("the hand-off carries the context", () => {
  test("L1 escalates with a summary a ticket the customer attached a screenshot to; L2 sees the hand-off card and the file, notes with a file of its own; the page fits 360 px", async ({
    signedIn,
    baseURL,
  }, testInfo) => {
    test.setTimeout(180_000);
    await mkdir(testInfo.outputDir, { recursive: true });
    let number = "";
    let ticketUrl = "";
    let customerApi: APIRequestContext;
    /** A person's own browser at the desktop size, signed in, on the ticket's page once it has hydrated. */
    const onTicketAs = async (person: Person) => {
      const page = await signedIn(person);
      await page.setViewportSize(DESKTOP);
      await page.goto(ticketUrl);
      await waitForHydration(page);
      return page;
    };

    await test.step("a customer with the longest name allowed (120 characters, unbroken) opens a ticket with a 200-character unbroken title and a screenshot attached", async () => {
      const admin = await apiAs(baseURL!, "staff", ADMIN.userId, ADMIN.password);
      const userId = `C${Date.now().toString().slice(-7)}`;
      const created = await admin.post("/api/v1/admin/people", { data: { userId, name: "N".repeat(120), role: "CUSTOMER", organization: "acme" } });
      expect(created.status(), await created.text()).toBe(201);
      const pin = ((await created.json()) as { secret: string }).secret;
      const title = `Gateway${"W".repeat(193)}`;

      const customer = await signedIn({ userId, pin, name: "N".repeat(120) });
      await customer.setViewportSize(DESKTOP);
      await customer.goto("/portal");
      await expect(customer.getByRole("banner")).toContainText(`${"N".repeat(120)} (${userId})`);
      await fillNewTicketForm(customer, { title, description: "Every call to the gateway answers **500**; screenshot attached.", category: "Platform outage or error" });
      await customer.getByLabel("Attachments (optional)").setInputFiles([{ name: "screen.png", mimeType: "image/png", buffer: PNG }]);
      await customer.getByRole("button", { name: "Open ticket" }).click();
      const confirmation = customer.getByRole("status").filter({ hasText: "created" });
      number = ((await confirmation.getByTestId("created-ticket-number").textContent()) ?? "").trim();
      expect(number).toMatch(/^INC-\d{6}$/);
      ticketUrl = `/queue/tickets/${number}`;
      customerApi = await apiAs(baseURL!, "customer", userId, pin);
    });

    await test.step("she opens a second ticket, which waits in L1's queue: the one to go to next", async () => {
      const second = await customerApi.post("/api/v1/tickets", { data: { type: "INCIDENT", title: "VPN drops every hour", description: "Since Monday.", category: "access" } });
      expect(second.status()).toBe(201);
    });

    const lena = await onTicketAs(L1_AGENT);
    await test.step("L1 (Lena) sees the customer's file with the description, claims, ticks two SOP steps and escalates with a summary", async () => {
      await expect(lena.getByRole("list", { name: "Files with the ticket" })).toContainText("screen.png");
      await lena.getByRole("toolbar", { name: "Ticket actions" }).getByRole("button", { name: "Claim" }).click();
      await expect(lena.getByTestId("ticket-assignee")).toHaveText(L1_AGENT.name);
      await lena.getByRole("checkbox", { name: /Check the status page/ }).check();
      await lena.getByRole("checkbox", { name: /Record the exact error text/ }).check();
      await lena.getByRole("button", { name: "Escalate to L2" }).click();
      const escalate = lena.getByRole("dialog", { name: "Escalate to L2" });
      await escalate.getByLabel("Reason").fill("Not a known outage; needs gateway logs.");
      const summary = escalate.getByLabel("Summary of the data gathered and the steps tried");
      await summary.fill(`${await summary.inputValue()}\n\nFails for **every tenant** since 09:00.`);
      await escalate.getByRole("button", { name: "Escalate", exact: true }).click();
      await expect(escalate).toBeHidden();
      await expect(lena.getByTestId("ticket-assignee")).toHaveText(L2_AGENT.name);
    });

    await test.step("handed on, Lena stays useful: the way back to the queue, the next ticket, a note (no public reply)", async () => {
      const after = lena.getByRole("navigation", { name: "After the hand-off" });
      await expect(after.getByRole("link", { name: "Back to queue" })).toHaveAttribute("href", "/queue");
      await expect(after.getByRole("link", { name: /Next ticket in my queue/ })).toBeVisible();
      await expect(lena.getByRole("radio", { name: /Public reply/ })).toHaveCount(0);
    });

    await test.step("her note names people: she reads who was told, and that the customer (who cannot see notes) was not", async () => {
      await lena.getByLabel("Message (Markdown)").fill("The customer called: mobile fails too. @l2agent the mobile gateway answers 500 as well. Ask @C1001 for the app version.");
      await lena.getByRole("button", { name: "Add internal note" }).click();
      await expect(lena.getByTestId("internal-note").filter({ hasText: "mobile fails too" })).toBeVisible();
      await expect(lena.getByRole("status").filter({ hasText: "Told:" })).toHaveText("Sent. Told: l2agent. Not told: C1001 (a customer cannot see internal notes).");
      await shot(lena, testInfo, "01-l1-after-escalating");
    });

    const priya = await onTicketAs(L2_AGENT);
    const pinned = priya.getByTestId("pinned-handoff");
    await test.step("L2 (Priya) opens it: the hand-off is pinned on top with the summary as Markdown and the steps done; the file and Lena's note are there", async () => {
      await expect(pinned).toContainText(`Escalation by ${L1_AGENT.name}`);
      await expect(pinned).toContainText("L1 · Service Desk");
      await expect(pinned).toContainText("L2 · Platform Support");
      await expect(pinned).toContainText("Reason: Not a known outage; needs gateway logs.");
      await expect(pinned.locator("strong")).toHaveText("every tenant");
      await expect(pinned.getByRole("list", { name: "SOP steps done" }).getByRole("listitem")).toHaveText([/^Check the status page/, /^Record the exact error text/]);
      const thumbnail = priya.getByRole("list", { name: "Files with the ticket" }).getByRole("link", { name: /screen\.png/ });
      await expect(thumbnail).toContainText("PNG image");
      expect(await thumbnail.locator("img").evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
      await expect(priya.getByTestId("internal-note").filter({ hasText: "mobile fails too" })).toContainText(L1_AGENT.name);
      await expectNoSeriousViolations(priya, testInfo, "ticket-page-pinned-handoff");
      await shot(priya, testInfo, "02-l2-pinned-handoff");
    });

    let href = "";
    await test.step("Priya attaches a trace to an internal note: it shows with the note; acting on the ticket unpins the hand-off", async () => {
      await priya.getByRole("radio", { name: /Internal note/ }).check();
      await priya.getByLabel("Message (Markdown)").fill("Gateway trace from the EU edge.");
      await priya.getByLabel("Files (optional)").setInputFiles([{ name: "edge-trace.log", mimeType: "text/plain", buffer: TRACE }]);
      await priya.getByRole("button", { name: "Add internal note" }).click();
      const note = priya.getByTestId("internal-note").filter({ hasText: "Gateway trace from the EU edge." });
      const noteFile = note.getByRole("list", { name: "Files with this note" }).getByRole("link", { name: /edge-trace\.log/ });
      await expect(noteFile).toContainText("Text");
      await expect(pinned).toHaveCount(0);
      await expect(priya.getByTestId("timeline").getByTestId("handoff").first()).toContainText("every tenant");
      href = (await noteFile.getAttribute("href"))!;
    });

    await test.step("the note's file downloads for staff and is not found for the customer, whose listing has only her own file", async () => {
      expect((await priya.request.get(href)).status()).toBe(200);
      expect((await customerApi.get(href)).status()).toBe(404);
      const listed = (await (await customerApi.get(`/api/v1/tickets/${number}/attachments`)).json()) as { attachments: { fileName: string }[] };
      expect(listed.attachments.map((a) => a.fileName)).toEqual(["screen.png"]);
    });

    await test.step("the events API carries the hand-off", async () => {
      const events = (await (await priya.request.get(`/api/v1/tickets/${number}/events`)).json()) as { events: { type: string; handoff: { summary: string; stepsDone: string[] } | null }[] };
      const handoff = events.events.find((e) => e.type === "ESCALATED")?.handoff;
      expect(handoff?.summary).toContain("Fails for **every tenant** since 09:00.");
      expect(handoff?.stepsDone).toHaveLength(2);
    });

    await test.step("on a phone (360 px) Priya sees one column, the actions in a bar fixed to the bottom, nothing scrolling sideways", async () => {
      await priya.setViewportSize({ width: 360, height: 800 });
      await priya.reload();
      await waitForHydration(priya);
      await expectNoHorizontalScroll(priya);
      // Fixed to the bottom of the screen, whole, whatever was scrolled.
      const bar = (await priya.getByRole("toolbar", { name: "Ticket actions" }).boundingBox())!;
      expect(bar.y + bar.height).toBeLessThanOrEqual(800);
      expect(bar.y).toBeGreaterThan(800 - 100);
      await expectNoSeriousViolations(priya, testInfo, "ticket-page-360");
      await shot(priya, testInfo, "03-l2-ticket-360", "after-ticket-360");
      await priya.screenshot({ path: testInfo.outputPath("03b-l2-ticket-360-screen.png") });
    });

    await test.step("back on the desktop (1366 px), nothing scrolls sideways either", async () => {
      await priya.setViewportSize(DESKTOP);
      await priya.reload();
      await waitForHydration(priya);
      await expectNoHorizontalScroll(priya);
      await shot(priya, testInfo, "04-l2-ticket-1366", "after-ticket-1366");
    });
  });

  test("the L4 picker tells vendors from internal engineering; the vendor's reply is labelled as theirs and leaves the pinned area once handled", async ({ signedIn, baseURL }, testInfo) => {
    test.setTimeout(120_000);
    let number = "";
    await test.step("a customer's ticket reaches L3 through the API (L1 claims and escalates, L2 escalates)", async () => {
      const customerApi = await apiAs(baseURL!, "customer", CUSTOMER_ACME.userId, CUSTOMER_ACME.pin);
      const opened = await customerApi.post("/api/v1/tickets", { data: { type: "INCIDENT", title: "Storage latency spikes", description: "Every 10 minutes.", category: "platform" } });
      number = ((await opened.json()) as { ticket: { number: string } }).ticket.number;
      const l1 = await apiAs(baseURL!, "staff", L1_AGENT.userId, L1_AGENT.password);
      expect((await l1.post(`/api/v1/tickets/${number}/claim`)).status()).toBe(200);
      expect((await l1.post(`/api/v1/tickets/${number}/escalate`, { data: { reason: "Needs L2", summary: "Seen on two hosts." } })).status()).toBe(200);
      const l2 = await apiAs(baseURL!, "staff", L2_AGENT.userId, L2_AGENT.password);
      expect((await l2.post(`/api/v1/tickets/${number}/escalate`, { data: { reason: "Storage layer", summary: "Not our config." } })).status()).toBe(200);
    });

    const theo = await signedIn(L3_AGENT);
    await theo.setViewportSize(DESKTOP);
    await theo.goto(`/queue/tickets/${number}`);
    await waitForHydration(theo);
    await test.step("L3 (Theo) reads vendors and internal engineering apart in the L4 picker, and hands off to the cloud vendor; nothing is pinned", async () => {
      await theo.getByRole("button", { name: "Escalate to L4" }).click();
      const toL4 = theo.getByRole("dialog", { name: "Escalate to L4" });
      const picker = toL4.getByLabel("L4 group");
      await expect(picker.locator("optgroup")).toHaveText([/Cloud Vendor/, /Architecture/]);
      expect(await picker.locator("optgroup").evaluateAll((groups) => groups.map((g) => g.getAttribute("label")))).toEqual(["Vendors", "Internal engineering"]);
      await picker.selectOption({ label: "Architecture" });
      await expect(toL4.getByTestId("l4-kind")).toHaveText(/is internal engineering/);
      await picker.selectOption({ label: "Cloud Vendor" });
      await expect(toL4.getByTestId("l4-kind")).toHaveText("Cloud Vendor is a vendor.");
      await toL4.getByLabel("Reason").fill("Vendor storage defect.");
      await toL4.getByLabel("Summary of the data gathered and the steps tried").fill("Reproduced on the vendor's sample array.");
      await toL4.getByLabel("Their reference").fill("CV-9001");
      await toL4.getByRole("button", { name: "Escalate", exact: true }).click();
      await expect(toL4).toBeHidden();
      await expect(theo.getByTestId("handoff").last()).toContainText("Hand-off to L4");
      await expect(theo.getByTestId("pinned-handoff")).toHaveCount(0);
    });

    await test.step("the vendor's due times sit beside the customer's; Theo records the vendor's acknowledgement once, and it fits 360 px", async () => {
      await expect(theo.getByLabel("SLA clocks")).toContainText("Vendor response");
      await expect(theo.getByLabel("SLA clocks")).toContainText("Vendor resolution");
      const vendorPanel = theo.getByRole("region", { name: "L4 vendor targets" });
      await expect(vendorPanel.getByTestId("vendor-engagement-open")).toContainText("Cloud Vendor");
      await vendorPanel.getByRole("button", { name: "Vendor responded" }).click();
      await vendorPanel.getByLabel("Note (optional)").fill("Vendor case CV-9001 picked up by their storage team.");
      await vendorPanel.getByRole("button", { name: "Record response" }).click();
      await expect(theo.getByRole("status").filter({ hasText: "Cloud Vendor's response is recorded." })).toBeVisible();
      await expect(vendorPanel).toContainText(`recorded by ${L3_AGENT.name}`);
      await expect(vendorPanel.getByRole("button", { name: "Vendor responded" })).toHaveCount(0);
      await expect(theo.getByLabel("SLA clocks")).toContainText("Responded");
      await shot(theo, testInfo, "04b-l3-vendor-responded");
      await theo.setViewportSize({ width: 360, height: 800 });
      await expectNoHorizontalScroll(theo);
      await shot(theo, testInfo, "04c-l3-vendor-responded-360");
      await theo.setViewportSize(DESKTOP);
    });

    const pinned = theo.getByTestId("pinned-handoff");
    await test.step("Theo records the vendor's reply: it is pinned, labelled as the vendor's, with their reference and its Markdown", async () => {
      await theo.getByRole("button", { name: "Record L4 reply (back to L3)" }).click();
      const reply = theo.getByRole("dialog", { name: "Record the L4 reply" });
      await reply.getByLabel("What the vendor or team replied").fill("Firmware **2.4.1** fixes it; rolling out tonight.");
      await reply.getByRole("button", { name: "Return" }).click();
      await expect(reply).toBeHidden();
      await expect(theo.getByRole("status").filter({ hasText: "Handed back one tier." })).toBeVisible();
      await expect(pinned).toContainText("Reply from Cloud Vendor");
      await expect(pinned).toContainText(`Recorded by${L3_AGENT.name}`);
      await expect(pinned).toContainText("CV-9001");
      await expect(pinned).not.toContainText("Guidance");
      await expect(pinned.locator("strong")).toHaveText("2.4.1");
      await expectNoSeriousViolations(theo, testInfo, "ticket-page-vendor-reply");
      await shot(theo, testInfo, "05-l3-vendor-reply-pinned");
    });

    await test.step("handled: Theo tells the customer, and the reply leaves the pinned area (it stays in the timeline)", async () => {
      await theo.getByLabel("Message (Markdown)").fill("The vendor ships a fix tonight.");
      await theo.getByRole("button", { name: "Send public reply" }).click();
      await expect(theo.getByTestId("public-reply").filter({ hasText: "ships a fix tonight" })).toBeVisible();
      await expect(pinned).toHaveCount(0);
      await expect(theo.getByTestId("timeline").getByTestId("handoff").last()).toContainText("Reply from Cloud Vendor");
    });
  });
});
