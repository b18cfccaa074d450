// Journeys across two instances (A and B) of the app on one database: what a person relies on when a load
// balancer sends their requests to either. The sweep's three minutes are in sweep.spec.ts, push in push.spec.ts.
import { ADMIN, CUSTOMER_ACME, CUSTOMER_GLOBEX, L1_AGENT, L1_AGENT_2, loginAsStaff, waitForHydration } from "../e2e/helpers";
import { openTicket, signIn, withToken, type Caller } from "./api";
import type { Cluster, Instance } from "./cluster";
import { expect, test } from "./fixtures";
import { expectEachMailOnce } from "./mail-ledger";

interface EventJson {
  type: string;
  details: { rule: string | null; inputs: Record<string, unknown> | null } | null;
}

async function eventsOf(staff: Caller, instance: Instance, number: string): Promise<EventJson[]> {
  const reply = await staff.call<{ events: EventJson[] }>(instance, "GET", `/api/v1/tickets/${number}/events`);
  expect(reply.status).toBe(200);
  return reply.body.events;
}

async function priorityOf(staff: Caller, instance: Instance, number: string): Promise<string> {
  const reply = await staff.call<{ ticket: { priority: string } }>(instance, "GET", `/api/v1/tickets/${number}`);
  expect(reply.status).toBe(200);
  return reply.body.ticket.priority;
}

test("40 L1 agents claim one ticket at once, 20 through each instance: one wins, 39 are refused, one claim is logged", async ({ cluster }) => {
  const { a, b } = cluster;
  // Forty L1 agents acting through API tokens (service accounts), made by the admin on both instances.
  const admin = await signIn(a, "staff", ADMIN.userId, ADMIN.password);
  const claimers: { userId: string; caller: Caller; via: Instance }[] = [];
  for (let i = 0; i < 40; i++) {
    const userId = `claimer-${String(i).padStart(2, "0")}`;
    const via = i % 2 ? b : a;
    const created = await admin.call<{ token: string }>(via, "POST", "/api/v1/admin/tokens", {
      name: `Two-instance claim race ${i}`,
      scopes: ["tickets:read", "tickets:write"],
      serviceAccount: { userId, name: `Claimer ${i}`, tier: "L1" },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    claimers.push({ userId, caller: withToken(created.body.token), via });
  }
  const customer = await signIn(b, "customer", CUSTOMER_ACME.userId, CUSTOMER_ACME.pin);
  const { number } = await openTicket(customer, b, "Forty agents reach for this one");

  const replies = await Promise.all(
    claimers.map(async (claimer) => ({ ...claimer, reply: await claimer.caller.call(claimer.via, "POST", `/api/v1/tickets/${number}/claim`) })),
  );
  const won = replies.filter((r) => r.reply.status === 200);
  const refused = replies.filter((r) => r.reply.status === 409);
  console.log(
    `claims: ${replies.length} (A ${replies.filter((r) => r.via === a).length}, B ${replies.filter((r) => r.via === b).length}) → ` +
      `${won.length} won (${won.map((w) => `${w.userId} via ${w.via.name}`).join(", ")}), ${refused.length} × 409, ` +
      `other: ${JSON.stringify(replies.filter((r) => r.reply.status !== 200 && r.reply.status !== 409).map((r) => r.reply.status))}`,
  );
  expect(won).toHaveLength(1);
  expect(refused).toHaveLength(39);
  const winner = won[0]!;

  // Both instances show the one winner, and the log holds one claim.
  for (const instance of [a, b]) {
    const ticket = await winner.caller.call<{ ticket: { assignee: { userId: string } | null; status: string } }>(instance, "GET", `/api/v1/tickets/${number}`);
    expect(ticket.body.ticket.assignee?.userId).toBe(winner.userId);
    expect(ticket.body.ticket.status).toBe("ASSIGNED");
  }
  const claims = (await eventsOf(winner.caller, a, number)).filter((e) => e.type === "CLAIMED");
  expect(claims).toHaveLength(1);
});

test("a priority matrix published on A classifies the next ticket opened on B", async ({ cluster }) => {
  const { a, b } = cluster;
  const admin = await signIn(a, "staff", ADMIN.userId, ADMIN.password);
  // One customer session, sent to either instance as a load balancer would.
  const customer = await signIn(a, "customer", CUSTOMER_GLOBEX.userId, CUSTOMER_GLOBEX.pin);
  const lowLow = { impact: "LOW", urgency: "LOW" };

  // B has classified with the current matrix (and keeps its intake catalog in memory).
  const before = await openTicket(customer, b, "Classified before the new matrix", lowLow);
  expect(await priorityOf(admin, b, before.number)).toBe("P5");

  const current = await admin.call<{ version: number; cells: { impact: string; urgency: string; priority: string }[]; targets: unknown[] }>(a, "GET", "/api/v1/priority-matrix");
  expect(current.status).toBe(200);
  const { version, cells, targets } = current.body;
  const raised = cells.map((c) => (c.impact === "LOW" && c.urgency === "LOW" ? { ...c, priority: "P2" } : c));
  const published = await admin.call<{ version: number }>(a, "PUT", "/api/v1/priority-matrix", { version, note: "Two-instance journey", cells: raised, targets });
  expect(published.status, JSON.stringify(published.body)).toBe(200);
  expect(published.body.version).toBe(version + 1);
  try {
    const after = await openTicket(customer, b, "Classified by the matrix A published", lowLow);
    expect(await priorityOf(admin, b, after.number)).toBe("P2");
    const classified = (await eventsOf(admin, b, after.number)).find((e) => e.details?.rule === "matrix.cell");
    expect(classified?.details?.inputs).toMatchObject({ matrixVersion: version + 1, cell: "LOW×LOW", priority: "P2" });
  } finally {
    // The journeys after this one open tickets on the matrix they started with.
    const restored = await admin.call(a, "PUT", "/api/v1/priority-matrix", { version: version + 1, note: "Two-instance journey: restored", cells, targets });
    expect(restored.status).toBe(200);
  }
});

test("an agent viewing a ticket on A is shown to another agent viewing it on B, and the other way round", async ({ cluster, browser }) => {
  const { a, b } = cluster;
  const customer = await signIn(a, "customer", CUSTOMER_ACME.userId, CUSTOMER_ACME.pin);
  const { number } = await openTicket(customer, a, "Two agents look at one ticket");

  const openAs = async (instance: Instance, agent: typeof L1_AGENT | typeof L1_AGENT_2) => {
    const context = await browser.newContext({ baseURL: instance.url });
    const page = await context.newPage();
    await loginAsStaff(page, agent);
    // The page beats once on load, then every 10 s: wait for the first beat to be recorded.
    const beat = page.waitForResponse((r) => r.url().endsWith(`/api/v1/tickets/${number}/presence`) && r.status() === 200);
    await page.goto(`/queue/tickets/${number}`);
    await waitForHydration(page);
    await beat;
    return page;
  };
  const lena = await openAs(a, L1_AGENT);
  const leo = await openAs(b, L1_AGENT_2);
  try {
    await expect(leo.getByTestId("presence")).toHaveText(`Also viewing: ${L1_AGENT.name}`);
    await expect(lena.getByTestId("presence")).toHaveText(`Also viewing: ${L1_AGENT_2.name}`, { timeout: 20_000 });
  } finally {
    await lena.context().close();
    await leo.context().close();
  }
});

test("a file attached through A downloads through B: the instances share one attachments store", async ({ cluster }) => {
  const { a, b } = cluster;
  const customer = await signIn(a, "customer", CUSTOMER_ACME.userId, CUSTOMER_ACME.pin);
  const { number } = await openTicket(customer, a, "A log file for whoever answers");
  const content = `export took 412 s on instance A (${Date.now().toString(36)})\n`;
  const form = new FormData();
  form.append("attachments", new File([content], "timing.log", { type: "text/plain" }));
  const uploaded = await customer.raw(a, "POST", `/api/v1/tickets/${number}/attachments`, form);
  expect(uploaded.status, await uploaded.clone().text()).toBe(201);
  const { attachments } = (await uploaded.json()) as { attachments: { id: string }[] };

  const staff = await signIn(b, "staff", L1_AGENT.userId, L1_AGENT.password);
  const downloaded = await staff.raw(b, "GET", `/api/v1/tickets/${number}/attachments/${attachments[0]!.id}`);
  expect(downloaded.status).toBe(200);
  expect(await downloaded.text()).toBe(content);
});

test("each mail is sent once although both instances run the mail worker", async ({ cluster }) => {
  const { a, b } = cluster;
  const acme = await signIn(a, "customer", CUSTOMER_ACME.userId, CUSTOMER_ACME.pin);
  const globex = await signIn(b, "customer", CUSTOMER_GLOBEX.userId, CUSTOMER_GLOBEX.pin);
  // 60 tickets at once, half through each instance: each one's acknowledgement is mailed at once.
  const opened = await Promise.all(
    Array.from({ length: 60 }, (_, i) => openTicket(i % 3 ? acme : globex, i % 2 ? b : a, `Mail race ${i}`)),
  );
  const rows = await waitForMail(cluster, opened.map((t) => t.number));
  expect(rows).toHaveLength(60);
  const split = await expectEachMailOnce(cluster, rows);
  console.log(`mail: ${rows.length} outbox rows for ${opened.length} tickets, ${rows.length} messages received once each; sent by A ${split.A ?? 0}, by B ${split.B ?? 0}`);
});

/** The outbox rows of these tickets, once none is left to send. */
async function waitForMail(cluster: Cluster, numbers: string[]) {
  const query = async () =>
    (
      await cluster.sql.query<{ id: number; toAddress: string; status: string }>(
        `SELECT o."id", o."toAddress", o."status" FROM "OutboxMessage" o JOIN "Ticket" t ON t."id" = o."ticketId" WHERE t."number" = ANY($1) ORDER BY o."id"`,
        [numbers],
      )
    ).rows;
  await expect.poll(async () => (await query()).filter((r) => r.status === "PENDING").length, { timeout: 60_000 }).toBe(0);
  return query();
}
