import { spawnSync } from "node:child_process";
import { mkdir } from "node:fs/promises";
import { rmSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import nodemailer from "nodemailer";
import { SMTPServer } from "smtp-server";
import { request as newRequest, type APIRequestContext, type Page } from "@playwright/test";
import { TS_SCRIPT_ARGS } from "../../scripts/node-args";
import { expectNoHorizontalScroll } from "./axe";
import { startInstance, type SpawnedInstance } from "./spawned-instance";
import { CUSTOMER_ACME, L1_AGENT, apiSignIn, waitForHydration } from "./helpers";
import { expect, test } from "./people";

/** The e2e server's SMTP receiver and domain (playwright.config.ts). */
const SMTP_PORT = Number(process.env.E2E_INBOUND_SMTP_PORT ?? 2625);
const DOMAIN = "reply.tierdesk.test";
const stamp = Date.now().toString(36);

/** Sends one mail to the e2e server's SMTP receiver, as a mail system on the way would. */
async function sendMail(mail: { from: string; to: string; subject: string; text: string; attachments?: { filename: string; content: string }[] }, port = SMTP_PORT): Promise<void> {
  const transport = nodemailer.createTransport({ host: "127.0.0.1", port, secure: false, ignoreTLS: true });
  try {
    await transport.sendMail(mail);
  } finally {
    transport.close();
  }
}

/** An API client with its own session, sending this site's Origin as the app's own writes do. */
async function apiAs(baseURL: string, userId: string, pin: string): Promise<APIRequestContext> {
  const context = await newRequest.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL } });
  await apiSignIn(context, "customer", userId, pin);
  return context;
}

/** The held mail's card on the Inbound page, found by its subject. */
const heldCard = (page: Page, subject: string) => page.getByRole("list", { name: "Held mail" }).getByRole("listitem").filter({ has: page.getByRole("heading", { name: subject }) });

test.describe("Inbound mail", () => {
  test("a stranger's reply is held on the Inbound page; the agent accepts it onto a ticket and it shows as the customer's reply; the page fits 360 px", async ({ signedIn, baseURL }, testInfo) => {
    test.setTimeout(120_000);
    await mkdir(testInfo.outputDir, { recursive: true });
    let number = "";
    const subject = `Re: printer ${stamp}`;
    const text = `Still broken on floor 3 (${stamp}).`;
    const longSubject = `S${stamp}`.padEnd(200, "s");
    const longFrom = `${"f".repeat(60)}@${"d".repeat(60)}.example`;

    await test.step("the customer has a ticket; a stranger and a long-winded sender write to the support domain", async () => {
      const customer = await apiAs(baseURL!, CUSTOMER_ACME.userId, CUSTOMER_ACME.pin);
      const created = await customer.post("/api/v1/tickets", {
        data: { type: "INCIDENT", title: `Printer jam ${stamp}`, description: "The printer on floor 3 jams.", category: "platform", impact: "LOW", urgency: "LOW" },
      });
      expect(created.status(), await created.text()).toBe(201);
      number = ((await created.json()) as { ticket: { number: string } }).ticket.number;
      await customer.dispose();
      await sendMail({ from: `stranger-${stamp}@elsewhere.example`, to: `support@${DOMAIN}`, subject, text });
      await sendMail({ from: longFrom, to: `support@${DOMAIN}`, subject: longSubject, text: "W".repeat(300) });
    });

    const agent = await signedIn(L1_AGENT);
    await test.step("the Inbound page lists them as held, newest first, with the reason; it fits 360 px with a 200-character subject", async () => {
      await agent.setViewportSize({ width: 1366, height: 900 });
      await agent.goto("/inbound");
      await waitForHydration(agent);
      await expect(agent.getByRole("banner").getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Inbound" })).toHaveAttribute("aria-current", "page");
      const card = heldCard(agent, subject);
      await expect(card).toContainText(`stranger-${stamp}@elsewhere.example`);
      await expect(card).toContainText(text);
      await expect(card).toContainText("Held:");
      await expect(heldCard(agent, longSubject)).toBeVisible();
      const headings = await agent.getByRole("list", { name: "Held mail" }).getByRole("heading").allTextContents();
      expect(headings.indexOf(longSubject)).toBeLessThan(headings.indexOf(subject));
      for (const width of [1366, 360]) {
        await agent.setViewportSize({ width, height: 900 });
        await agent.screenshot({ path: testInfo.outputPath(`inbound-${width}.png`), fullPage: true });
        await expectNoHorizontalScroll(agent);
      }
      await agent.setViewportSize({ width: 1366, height: 900 });
    });

    await test.step("a wrong ticket number is refused in words; the agent accepts it onto the customer's ticket", async () => {
      const card = heldCard(agent, subject);
      await card.getByLabel("Accept as reply on ticket").fill("not-a-ticket");
      await card.getByRole("button", { name: "Accept" }).click();
      await expect(card.getByRole("alert")).toBeVisible();
      await card.getByLabel("Accept as reply on ticket").fill(number);
      await card.getByRole("button", { name: "Accept" }).click();
      await expect(heldCard(agent, subject)).toHaveCount(0);
    });

    await test.step("the ticket page shows it as the customer's public reply", async () => {
      await agent.goto(`/queue/tickets/${number}`);
      await waitForHydration(agent);
      await expect(agent.getByText(text).first()).toBeVisible();
    });

    await test.step("the long one is discarded and leaves the list", async () => {
      await agent.goto("/inbound");
      await waitForHydration(agent);
      await heldCard(agent, longSubject).getByRole("button", { name: /^Discard/ }).click();
      await expect(heldCard(agent, longSubject)).toHaveCount(0);
    });
  });
});

/** A free TCP port on this machine, for a spawned instance's SMTP receiver. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** An SMTP sink that keeps every message the instance sends, raw. */
async function mailSink() {
  const messages: string[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        messages.push(Buffer.concat(chunks).toString("utf8"));
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as { port: number }).port;
  return { url: `smtp://127.0.0.1:${port}`, messages, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

test.describe("a customer's reply by mail", () => {
  // The suite's server sends no mail, so the Reply-To of a customer's mail comes from an instance of this build
  // with the demo data, an SMTP sink for its outgoing mail and its own SMTP receiver.
  let instance: SpawnedInstance | undefined;
  let sink: Awaited<ReturnType<typeof mailSink>> | undefined;
  test.afterAll(async () => {
    if (instance && instance.child.exitCode === null && instance.child.signalCode === null) instance.child.kill("SIGKILL");
    await sink?.close();
  });

  test("a reply to the Reply-To of the customer's mail appears on the ticket page, its quote on request; a colleague's reply with a file is held, matched, and accepted with its file", async ({ browser }, testInfo) => {
    test.setTimeout(240_000);
    const inboundPort = await freePort();
    const text = `It works again after the restart (${stamp}).`;
    let number = "";
    let replyTo = "";

    await test.step("an instance with the demo data sends the customer's acknowledgement with a Reply-To of the ticket", async () => {
      const dataDir = path.resolve(".data", "e2e-inbound-db");
      rmSync(dataDir, { recursive: true, force: true });
      const prepared = spawnSync(process.execPath, [...TS_SCRIPT_ARGS, "scripts/prepare-database.ts"], { env: { ...process.env, DATABASE_URL: `file:${dataDir}` }, encoding: "utf8" });
      expect(prepared.status, prepared.stderr).toBe(0);
      sink = await mailSink();
      instance = await startInstance(dataDir, {
        SMTP_URL: sink.url,
        TIERDESK_MAIL_SECONDS: "1",
        INBOUND_DOMAIN: DOMAIN,
        INBOUND_SMTP_HOST: "127.0.0.1",
        INBOUND_SMTP_PORT: String(inboundPort),
      });
      const customer = await apiAs(instance.url, CUSTOMER_ACME.userId, CUSTOMER_ACME.pin);
      const created = await customer.post("/api/v1/tickets", {
        data: { type: "INCIDENT", title: `VPN drops ${stamp}`, description: "The VPN drops every hour.", category: "platform", impact: "LOW", urgency: "LOW" },
      });
      expect(created.status(), await created.text()).toBe(201);
      number = ((await created.json()) as { ticket: { number: string } }).ticket.number;
      await customer.dispose();
      const pattern = new RegExp(`^Reply-To: *<?(support\\+${number}\\.[0-9a-f]+@${DOMAIN.replace(/\./g, "\\.")})>?`, "im");
      await expect.poll(() => sink!.messages.map((m) => pattern.exec(m)?.[1]).find(Boolean) ?? "", { timeout: 60_000, message: "the acknowledgement arrives with its Reply-To" }).not.toBe("");
      replyTo = sink.messages.map((m) => pattern.exec(m)?.[1]).find(Boolean)!;
    });

    await test.step("the customer answers from their own address; the agent sees it on the ticket page", async () => {
      await sendMail({ from: "Carla Customer <carla@acme.example>", to: replyTo, subject: `Re: ${number}`, text: `${text}\n\nOn Monday Tierdesk wrote:\n> We have received your ticket.` }, inboundPort);
      const context = await browser.newContext({ baseURL: instance!.url });
      try {
        const agent = await context.newPage();
        await apiSignIn(agent.request, "staff", L1_AGENT.userId, L1_AGENT.password);
        await agent.goto(`/queue/tickets/${number}`);
        await waitForHydration(agent);
        await expect(agent.getByText(text).first()).toBeVisible();
        const reply = agent.getByTestId("public-reply").filter({ hasText: text });
        await expect(reply.getByText("We have received your ticket.")).toBeHidden();
        await reply.getByText("Show the quoted text").click();
        await expect(reply.getByText("We have received your ticket.")).toBeVisible();
      } finally {
        await context.close();
      }
    });

    await test.step("a colleague answers the same address with a file: held on the Inbound page with the ticket filled in; accepting posts it with the file", async () => {
      const colleagueText = `Carla's colleague here: the log is attached (${stamp}).`;
      await sendMail(
        { from: `Bob Colleague <bob-${stamp}@acme.example>`, to: replyTo, subject: `Re: ${number} (${stamp})`, text: `${colleagueText}\n\n-- \nBob, Acme IT`, attachments: [{ filename: "vpn.log", content: "VPN dropped at 10:02\n" }] },
        inboundPort,
      );
      const context = await browser.newContext({ baseURL: instance!.url, viewport: { width: 360, height: 800 } });
      try {
        const agent = await context.newPage();
        await apiSignIn(agent.request, "staff", L1_AGENT.userId, L1_AGENT.password);
        await agent.goto("/inbound");
        await waitForHydration(agent);
        const card = heldCard(agent, `Re: ${number} (${stamp})`);
        await expect(card).toContainText(`matched ${number}`);
        await expect(card).toContainText("The sender is not the customer");
        await card.getByText("Show the quoted text").click();
        await expect(card.getByText("Bob, Acme IT")).toBeVisible();
        await expect(card.getByLabel("Accept as reply on ticket")).toHaveValue(number);
        await agent.screenshot({ path: testInfo.outputPath("inbound-matched-360.png"), fullPage: true });
        await expectNoHorizontalScroll(agent);
        await card.getByRole("button", { name: "Accept" }).click();
        await expect(card).toHaveCount(0);
        await agent.goto(`/queue/tickets/${number}`);
        await waitForHydration(agent);
        const reply = agent.getByTestId("public-reply").filter({ hasText: colleagueText });
        await expect(reply).toBeVisible();
        await expect(reply.getByRole("link", { name: /vpn\.log/ })).toBeVisible();
      } finally {
        await context.close();
      }
    });
  });
});
