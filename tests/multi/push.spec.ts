// Push across instances: a change committed through one instance reaches a browser connected to the other.
// Push across instances: GET /api/v1/stream over PostgreSQL LISTEN/NOTIFY, the queue and the ticket page
// updating on it. The queue polls every 10 s, so a bound of 5 s on every one of 20 changes cannot be met by
// polling alone: it proves push without timing the median, which is printed (the target: within 2 s).
import { CUSTOMER_ACME, L1_AGENT, L2_AGENT, loginAsStaff, waitForHydration } from "../e2e/helpers";
import { median, openTicket, signIn } from "./api";
import type { Instance } from "./cluster";
import { expect, test } from "./fixtures";

const PUSH_BOUND_MS = 5_000;

async function staffPage(browser: import("@playwright/test").Browser, instance: Instance, agent: typeof L1_AGENT | typeof L2_AGENT, path: string) {
  const context = await browser.newContext({ baseURL: instance.url });
  const page = await context.newPage();
  await loginAsStaff(page, agent);
  await page.goto(path);
  await waitForHydration(page);
  return page;
}

test("an escalation on A appears on the queue of an L2 agent connected to B (median over 20 changes)", async ({ cluster, browser }) => {
  const { a, b } = cluster;
  const customer = await signIn(a, "customer", CUSTOMER_ACME.userId, CUSTOMER_ACME.pin);
  const lena = await signIn(a, "staff", L1_AGENT.userId, L1_AGENT.password);
  const priya = await staffPage(browser, b, L2_AGENT, "/queue");
  const latencies: number[] = [];
  try {
    for (let i = 0; i < 20; i++) {
      const { number } = await openTicket(customer, a, `Pushed escalation ${i}`);
      expect((await lena.call(a, "POST", `/api/v1/tickets/${number}/claim`)).status).toBe(200);
      const escalatedAt = Date.now();
      const escalated = await lena.call(a, "POST", `/api/v1/tickets/${number}/escalate`, {
        reason: "Needs platform logs",
        summary: "Reproduced; logs attached.",
        sopOverride: "The two-instance journey escalates at once.",
      });
      expect(escalated.status, JSON.stringify(escalated.body)).toBe(200);
      await expect(priya.getByRole("cell", { name: number, exact: true })).toBeVisible({ timeout: PUSH_BOUND_MS });
      latencies.push(Date.now() - escalatedAt);
    }
  } finally {
    await priya.context().close();
  }
  console.log(`push: escalation on A → queue on B, median ${median(latencies)} ms over ${latencies.length} (max ${Math.max(...latencies)} ms)`);
});

test("a customer's reply through B appears on the agent's ticket page open on A", async ({ cluster, browser }) => {
  const { a, b } = cluster;
  const customer = await signIn(b, "customer", CUSTOMER_ACME.userId, CUSTOMER_ACME.pin);
  const lenaApi = await signIn(a, "staff", L1_AGENT.userId, L1_AGENT.password);
  const { number } = await openTicket(customer, b, "A reply that should arrive by itself");
  expect((await lenaApi.call(a, "POST", `/api/v1/tickets/${number}/claim`)).status).toBe(200);
  const lena = await staffPage(browser, a, L1_AGENT, `/queue/tickets/${number}`);
  try {
    const text = `Still failing after the restart (${Date.now().toString(36)}).`;
    const repliedAt = Date.now();
    const replied = await customer.call(b, "POST", `/api/v1/tickets/${number}/comments`, { body: text });
    expect(replied.status, JSON.stringify(replied.body)).toBe(201);
    await expect(lena.getByTestId("timeline")).toContainText(text, { timeout: PUSH_BOUND_MS });
    console.log(`push: customer reply on B → ticket page on A in ${Date.now() - repliedAt} ms`);
  } finally {
    await lena.context().close();
  }
});
