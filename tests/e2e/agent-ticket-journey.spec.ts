import type { Page } from "@playwright/test";
import { CUSTOMER_ACME, L1_AGENT, L1_AGENT_2, L2_AGENT, L3_AGENT, openTicketViaPortal, pressShortcut, uniqueTitle, waitForHydration } from "./helpers";
import { expectNoSeriousViolations } from "./axe";
import { expect, test, type Person } from "./people";

const facts = (page: Page) => page.getByRole("definition");
const status = (page: Page) => page.getByTestId("ticket-status");
const assignee = (page: Page) => page.getByTestId("ticket-assignee");

test("one ticket from the portal through L1 → L2 → L1 → L2 → L3 → L4 on the agent ticket page, with presence and a stale save retried", async ({ signedIn }, testInfo) => {
  test.setTimeout(240_000);
  let shots = 0;
  const shot = async (page: Page, name: string) => {
    shots += 1;
    await page.screenshot({ path: testInfo.outputPath(`${String(shots).padStart(2, "0")}-${name}.png`), fullPage: true });
  };
  const title = uniqueTitle("Dashboard answers 500");
  let number = "";
  let ticketUrl = "";
  /** A staff member's own browser, on the ticket's page once it has hydrated. */
  const onTicketAs = async (person: Person) => {
    const page = await signedIn(person);
    await page.goto(ticketUrl);
    await waitForHydration(page);
    return page;
  };

  const customer = await signedIn(CUSTOMER_ACME);
  await test.step("the customer opens an incident in the portal (platform: MEDIUM × HIGH → P2)", async () => {
    number = await openTicketViaPortal(customer, {
      title,
      description: "Every dashboard page answers **500** since 09:00.\n\n<script>alert('x')</script>",
      category: "Platform outage or error",
    });
    ticketUrl = `/queue/tickets/${number}`;
    await shot(customer, "customer-opened-ticket");
  });

  const lena = await onTicketAs(L1_AGENT);
  await test.step("L1 (Lena) reads the page: header, clocks, SOP, Markdown without its script, no serious accessibility violation", async () => {
    await expect(lena.getByRole("heading", { level: 1, name: title })).toBeVisible();
    await expect(status(lena)).toHaveText("New");
    await expect(assignee(lena)).toHaveText("Unassigned");
    await expect(lena.getByRole("term").filter({ hasText: "First response" })).toBeVisible();
    await expect(lena.getByText(/left$/).first()).toBeVisible();
    await expect(lena.getByRole("region", { name: "Description" }).locator("strong")).toHaveText("500");
    await expect(lena.locator("main script")).toHaveCount(0);
    await expectNoSeriousViolations(lena, testInfo, "ticket-page");
  });

  await test.step('"?" lists the shortcuts; "c" claims', async () => {
    const help = lena.getByRole("dialog", { name: "Keyboard shortcuts" });
    await pressShortcut(lena, "?", help);
    await expect(help).toContainText("Claim the ticket");
    await lena.keyboard.press("Escape");
    await expect(help).toBeHidden();
    await lena.keyboard.press("c");
    await expect(assignee(lena)).toHaveText(L1_AGENT.name);
    await expect(status(lena)).toHaveText("Assigned");
    await expect(lena.getByTestId("timeline")).toContainText(`Claimed by ${L1_AGENT.name} from the Service Desk queue.`);
    await shot(lena, "l1-claimed");
  });

  await test.step('she ticks SOP steps and adds an internal note ("r" focuses the composer)', async () => {
    await lena.getByRole("checkbox", { name: /Check the status page/ }).check();
    await lena.getByRole("checkbox", { name: /Record the exact error text/ }).check();
    await lena.keyboard.press("r");
    await expect(lena.getByLabel("Message (Markdown)")).toBeFocused();
    await lena.getByRole("radio", { name: /Internal note/ }).check();
    await lena.getByLabel("Message (Markdown)").fill("Request ID `req-7f3a` from the EU region.");
    await lena.getByRole("button", { name: "Add internal note" }).click();
    await expect(lena.getByTestId("internal-note")).toContainText("req-7f3a");
    await shot(lena, "l1-sop-ticked-note-added");
  });

  await test.step('"e" escalates to L2 with the summary pre-filled from the ticked steps and the note', async () => {
    const escalate = lena.getByRole("dialog", { name: "Escalate to L2" });
    await pressShortcut(lena, "e", escalate);
    const summary = escalate.getByLabel("Summary of the data gathered and the steps tried");
    await expect(summary).toHaveValue(/Check the status page/);
    await expect(summary).toHaveValue(/Record the exact error text/);
    await expect(summary).toHaveValue(/req-7f3a/);
    await expect(summary).not.toHaveValue(/Reproduce from the support tenant/);
    await escalate.getByLabel("Reason").fill("Not a known outage; needs platform logs.");
    await shot(lena, "l1-escalate-dialog");
    await expectNoSeriousViolations(lena, testInfo, "ticket-page-escalate-dialog");
    await escalate.getByRole("button", { name: "Escalate", exact: true }).click();
    await expect(escalate).toBeHidden();
    await expect(lena.getByText("Tier").locator("xpath=following-sibling::dd")).toHaveText("L2");
    await expect(assignee(lena)).toHaveText(L2_AGENT.name);
    await expect(lena.getByRole("button", { name: "Escalate to L2" })).toHaveCount(0);
  });

  const priya = await onTicketAs(L2_AGENT);
  await test.step("L2 (Priya) reads why and who was considered, and returns it with guidance", async () => {
    await expect(priya.getByTestId("timeline")).toContainText("Reason: Not a known outage; needs platform logs.");
    await expect(priya.getByTestId("decision-candidates").last()).toContainText(new RegExp(`^Considered \\d+: .*${L2_AGENT.userId} \\(load \\d+\\)`));
    await shot(priya, "l2-escalated-assignment-candidates");
    await priya.getByRole("button", { name: "Return to L1" }).click();
    const giveBack = priya.getByRole("dialog", { name: "Return to the lower tier" });
    await giveBack.getByLabel("Guidance for the lower tier").fill("Ask the customer for a HAR file of the failing page.");
    await giveBack.getByRole("button", { name: "Return" }).click();
    await expect(giveBack).toBeHidden();
    await expect(assignee(priya)).toHaveText(L1_AGENT.name);
    await shot(priya, "l2-returned-with-guidance");
  });

  await lena.reload();
  await waitForHydration(lena);
  const leo = await onTicketAs(L1_AGENT_2);
  await test.step("Lena sees the guidance pinned; Leo (second L1) opens the ticket and each sees who else is viewing", async () => {
    await expect(lena.getByTestId("pinned-handoff")).toContainText("Ask the customer for a HAR file");
    // Priya (L2) still has it open too.
    await expect(leo.getByTestId("presence")).toHaveText(`Also viewing: ${L2_AGENT.name}, ${L1_AGENT.name}`);
    await expect(lena.getByTestId("presence")).toContainText(L1_AGENT_2.name, { timeout: 20_000 });
    await shot(leo, "l1-second-agent-sees-presence");
  });

  await test.step("the presence heartbeat: staff only, and a ticket nobody may see is not found", async () => {
    // As the page's own fetch would: with this site's Origin (a signed-in write without one is refused).
    const sameOrigin = { headers: { origin: new URL(leo.url()).origin } };
    expect((await leo.request.post(`/api/v1/tickets/${number}/presence`, sameOrigin)).status()).toBe(200);
    expect((await customer.request.post(`/api/v1/tickets/${number}/presence`, sameOrigin)).status()).toBe(403);
    expect((await leo.request.post("/api/v1/tickets/INC-999999/presence", sameOrigin)).status()).toBe(404);
  });

  await test.step("Lena follows the guidance: a public reply, then the ticket waits on the customer", async () => {
    await expect(status(lena)).toHaveText("In progress");
    await lena.getByLabel("Message (Markdown)").fill("Could you send us a HAR file of the failing page?");
    await lena.getByRole("button", { name: "Send public reply" }).click();
    await expect(lena.getByTestId("public-reply")).toContainText("HAR file");
    await lena.getByRole("group", { name: "Set status" }).getByRole("button", { name: "Pending customer" }).click();
    await expect(status(lena)).toHaveText("Pending customer");
  });

  await test.step("Leo, on the older version, reclassifies: a conflict that says who changed what, then a retry", async () => {
    await leo.getByLabel("Impact", { exact: true }).selectOption("HIGH");
    await expect(leo.getByTestId("classification-preview")).toContainText("Saving gives P1 (was P2)");
    await leo.getByRole("button", { name: "Save classification" }).click();
    const conflict = leo.getByRole("alert").filter({ hasText: "Someone changed this ticket" });
    await expect(conflict).toContainText(`${L1_AGENT.name}`);
    await expect(conflict).toContainText(`Public reply by ${L1_AGENT.name}`);
    await expect(conflict).toContainText("changed the status from IN_PROGRESS to PENDING_CUSTOMER");
    await expect(leo.getByRole("definition").filter({ hasText: /^P2$/ })).toBeVisible();
    await shot(leo, "l1-stale-save-conflict");
    await conflict.getByRole("button", { name: "Retry my change" }).click();
    await expect(conflict).toBeHidden();
    await expect(facts(leo).filter({ hasText: /^P1$/ })).toBeVisible();
    await expect(leo.getByTestId("timeline")).toContainText(`Reclassified P2 → P1 by ${L1_AGENT_2.name}`);
    await shot(leo, "l1-retried-on-new-version");
  });

  await test.step("Lena escalates again, the guidance followed", async () => {
    // A shortcut pressed before the reloaded page is hydrated would be lost.
    await lena.reload();
    await waitForHydration(lena);
    const again = lena.getByRole("dialog", { name: "Escalate to L2" });
    await pressShortcut(lena, "e", again);
    await again.getByLabel("Reason").fill("HAR file attached; the API gateway answers 500.");
    await again.getByRole("button", { name: "Escalate", exact: true }).click();
    await expect(again).toBeHidden();
    await expect(assignee(lena)).toHaveText(L2_AGENT.name);
  });

  await test.step("Priya escalates to L3, where it is auto-assigned to Theo", async () => {
    await priya.reload();
    await waitForHydration(priya);
    await priya.getByRole("button", { name: "Escalate to L3" }).click();
    const toL3 = priya.getByRole("dialog", { name: "Escalate to L3" });
    await toL3.getByLabel("Reason").fill("Gateway bug, not configuration.");
    await toL3.getByLabel("Summary of the data gathered and the steps tried").fill("Gateway logs show a null pointer in the auth filter.");
    await toL3.getByRole("button", { name: "Escalate", exact: true }).click();
    await expect(toL3).toBeHidden();
    await expect(assignee(priya)).toHaveText(L3_AGENT.name);
    await shot(priya, "l2-escalated-to-l3");
  });

  const theo = await onTicketAs(L3_AGENT);
  await test.step("Theo hands off to the cloud vendor with their case reference, and stays on as coordinator", async () => {
    await theo.getByRole("button", { name: "Escalate to L4" }).click();
    const toL4 = theo.getByRole("dialog", { name: "Escalate to L4" });
    await toL4.getByLabel("Reason").fill("Vendor gateway defect.");
    await toL4.getByLabel("Summary of the data gathered and the steps tried").fill("Reproduced on the vendor's sample app.");
    await toL4.getByLabel("L4 group").selectOption({ label: "Cloud Vendor" });
    await toL4.getByLabel("Their reference").fill("CV-2026-4711");
    await shot(theo, "l3-escalate-to-vendor-dialog");
    await toL4.getByRole("button", { name: "Escalate", exact: true }).click();
    await expect(toL4).toBeHidden();
    await expect(status(theo)).toHaveText("Pending L4");
    await expect(theo.getByText("CV-2026-4711").first()).toBeVisible();
    await expect(theo.getByTestId("timeline").getByTestId("handoff").last()).toContainText("L4 · Cloud Vendor (vendor)");
    await expect(theo.getByTestId("timeline").getByTestId("handoff").last()).toContainText("CV-2026-4711");
    await expect(theo.getByRole("button", { name: "Record L4 reply (back to L3)" })).toBeVisible();
    await shot(theo, "l3-handed-off-to-vendor");
  });

  await test.step("L1 can no longer act on it: the buttons are gone", async () => {
    await lena.reload();
    await expect(lena.getByRole("toolbar", { name: "Ticket actions" }).getByRole("button")).toHaveCount(0);
  });
});
