import { expect, expectError, expectOk, test } from "./fixtures";
import { asCustomerView, asStaffView, uniqueTitle } from "./tickets";
import { agentToken, createToken } from "./tokens";

const TICKET = "/api/v1/tickets/{number}";

test("a service desk script logs an incident, claims it, escalates it past the SOP guard, and an L2 script resolves it: bearer tokens, every answer as documented", async ({ api }) => {
  const [admin, customer, l2] = await Promise.all([api.as("admin"), api.as("customer"), api.as("l2")]);
  const l1Bot = api.withToken((await agentToken(admin, "api-l1-bot", "L1")).token);
  const l2Bot = api.withToken((await agentToken(admin, "api-l2-bot", "L2")).token);

  // The L1 script logs a customer's mail as an incident in a category whose SOP has two required steps.
  const title = uniqueTitle("Bearer journey");
  const logged = asStaffView(
    expectOk(
      await l1Bot.POST("/api/v1/tickets", {
        body: { type: "INCIDENT", title, description: "The sync job stopped at 02:00.", category: "integration", customer: "C1001", channel: "EMAIL" },
      }),
      201,
    ).ticket,
  );
  expect(logged).toMatchObject({ title, status: "NEW", tier: "L1", assignee: null, customer: { userId: "C1001" } });
  const number = logged.number;
  const path = { params: { path: { number } } };

  // The customer sees it opened for them by the Service Desk.
  expect(asCustomerView(expectOk(await customer.GET(TICKET, path)).ticket)).toMatchObject({ title, openedBy: "Service Desk", supportLevel: "Level 1 support" });

  // The script claims it, answers the customer and leaves a note for L2.
  const claimed = expectOk(await l1Bot.POST(`${TICKET}/claim`, path)).ticket;
  expect(claimed).toMatchObject({ tier: "L1", assignee: { userId: "api-l1-bot" } });
  const reply = expectOk(await l1Bot.POST(`${TICKET}/comments`, { ...path, body: { body: "We are looking at the sync job.", visibility: "PUBLIC" } }), 201);
  expect(reply.comment).toMatchObject({ visibility: "PUBLIC", author: { userId: "api-l1-bot" } });
  const note = expectOk(await l1Bot.POST(`${TICKET}/comments`, { ...path, body: { body: "@l2agent the job logs show a token error.", visibility: "INTERNAL" } }), 201);
  expect(note.comment.mentions).toEqual({ notified: ["l2agent"], notNotified: [] });

  // The SOP guard: escalating with required steps open is a 409 that names them, and changes nothing.
  const escalation = { reason: "Needs the integration team.", summary: "Token refresh fails; logs in the note." };
  const refused = expectError(await l1Bot.POST(`${TICKET}/escalate`, { ...path, body: escalation }), 409, "CONFLICT");
  expect(refused.openSteps).toHaveLength(2);
  expect(asStaffView(expectOk(await l1Bot.GET(TICKET, path)).ticket).tier).toBe("L1");

  // Ticking the required steps (by text) lets it through; they go with the hand-off.
  let { steps } = expectOk(await l1Bot.POST(`${TICKET}/sop-steps`, { ...path, body: { step: 1, done: true } }));
  const required = steps.filter((s) => s.required);
  for (const step of required) steps = expectOk(await l1Bot.POST(`${TICKET}/sop-steps`, { ...path, body: { step: step.text, done: true } })).steps;
  expect(steps.filter((s) => s.required && !s.done)).toEqual([]);
  const escalated = expectOk(await l1Bot.POST(`${TICKET}/escalate`, { ...path, body: escalation })).ticket;
  expect(escalated).toMatchObject({ tier: "L2", status: "ASSIGNED" });
  expect(escalated.assignee?.userId, "the L2 group assigns automatically").toBe("l2agent");

  // The L2 agent hears about it; the L2 script reads the hand-off and resolves against the version it read.
  const bell = expectOk(await l2.GET("/api/v1/notifications", { params: { query: { unread: true } } }));
  expect(bell.items.some((n) => n.ticket.number === number)).toBe(true);
  const events = expectOk(await l2Bot.GET(`${TICKET}/events`, path)).events;
  const handoff = events.find((e) => e.type === "ESCALATED")?.handoff;
  expect(handoff).toMatchObject({ kind: "ESCALATION", reason: escalation.reason, by: { userId: "api-l1-bot" }, from: { tier: "L1" }, to: { tier: "L2" } });
  expect(handoff?.stepsDone).toEqual(expect.arrayContaining(required.map((s) => s.text)));

  const current = asStaffView(expectOk(await l2Bot.GET(TICKET, path)).ticket);
  const resolved = expectOk(await l2Bot.PATCH(TICKET, { ...path, body: { version: current.version, status: "RESOLVED" } })).ticket;
  expect(resolved).toMatchObject({ status: "RESOLVED", tier: "L2", resolvedAt: expect.any(String) });
  const stale = expectError(await l2Bot.PATCH(TICKET, { ...path, body: { version: current.version, status: "IN_PROGRESS" } }), 409, "CONFLICT");
  expect(stale.currentVersion).toBe(resolved.version);

  // The customer sees it resolved without the internal note, confirms and rates.
  const seen = asCustomerView(expectOk(await customer.GET(TICKET, path)).ticket);
  expect(seen).toMatchObject({ status: "RESOLVED", resolvedAt: expect.any(String) });
  const story = expectOk(await customer.GET(`${TICKET}/events`, path)).events;
  expect(story.every((e) => e.details === null && e.handoff === null)).toBe(true);
  expect(JSON.stringify(story)).not.toContain("token error");
  const closed = expectOk(await customer.POST(`${TICKET}/resolve-confirm`, { ...path, body: { version: seen.version } })).ticket;
  expect(closed).toMatchObject({ status: "CLOSED", closedAt: expect.any(String) });
  const rated = expectOk(await customer.POST(`${TICKET}/rating`, { ...path, body: { score: 5, comment: "Quick and clear." } })).ticket;
  expect(rated.rating).toMatchObject({ score: 5, comment: "Quick and clear." });
});

test("a token's limits: its scopes, never with a cookie, its rate, and revocation on the next request", async ({ api }) => {
  const [admin, l1] = await Promise.all([api.as("admin"), api.as("l1")]);
  const reader = await createToken(admin, { name: "Typed client reader", scopes: ["tickets:read"], serviceAccount: { userId: "api-reader-bot", tier: "L1" } });
  const readerClient = api.withToken(reader.token);
  const { tickets } = expectOk(await readerClient.GET("/api/v1/tickets", { params: { query: { limit: 1 } } }));
  const path = { params: { path: { number: tickets[0]!.number } } };
  expect(expectError(await readerClient.POST(`${TICKET}/claim`, path), 403, "FORBIDDEN").scope).toBe("tickets:write");
  expect(expectError(await readerClient.GET("/api/v1/metrics/escalations"), 403, "FORBIDDEN").scope).toBe("metrics:read");
  expectError(await l1.GET("/api/v1/tickets", { headers: { authorization: `Bearer ${reader.token}` } }), 400, "VALIDATION");

  // 150 requests at once against a bucket of 100: the rest wait, told how long.
  const burst = await Promise.all(Array.from({ length: 150 }, () => readerClient.GET("/api/v1/queue/preferences")));
  const limited = burst.filter((r) => r.response.status === 429);
  expect(limited.length).toBeGreaterThan(0);
  expect(burst.filter((r) => r.response.status === 200).length).toBeGreaterThanOrEqual(100);
  for (const r of limited) expect(Number(r.response.headers.get("retry-after"))).toBeGreaterThan(0);

  const listed = expectOk(await admin.GET("/api/v1/admin/tokens")).tokens.find((t) => t.id === reader.id);
  expect(listed).toMatchObject({ prefix: reader.token.slice(0, 8), scopes: ["tickets:read"], user: { userId: "api-reader-bot" } });
  expect(JSON.stringify(listed)).not.toContain(reader.token);
  expectOk(await admin.DELETE("/api/v1/admin/tokens/{tokenId}", { params: { path: { tokenId: reader.id } } }));
  expectError(await readerClient.GET("/api/v1/tickets"), 401, "UNAUTHENTICATED");
  expectError(await api.withToken(`tdk_${"0".repeat(43)}`).GET("/api/v1/tickets"), 401, "UNAUTHENTICATED");
});

test("fifty parallel claims of one ticket: one agent gets it, every other answer is a documented 409", async ({ api }) => {
  const [customer, l1, l1b] = await Promise.all([api.as("customer"), api.as("l1"), api.as("l1b")]);
  const { ticket } = expectOk(
    await customer.POST("/api/v1/tickets", { body: { type: "INCIDENT", title: uniqueTitle("Claim race"), description: "Two agents reach for it.", category: "platform" } }),
    201,
  );
  const path = { params: { path: { number: ticket.number } } };
  const results = await Promise.all(Array.from({ length: 50 }, (_, i) => (i % 2 ? l1 : l1b).POST(`${TICKET}/claim`, path)));
  const winners = new Set(results.filter((r) => r.response.status === 200).map((r) => r.data?.ticket.assignee?.userId));
  expect(winners.size, "one agent holds the ticket").toBe(1);
  const losers = results.filter((r) => r.response.status !== 200);
  expect(losers.length).toBeGreaterThan(0);
  for (const loser of losers) expectError(loser, 409, "CONFLICT");
  const [winner] = [...winners];
  expect(asStaffView(expectOk(await l1.GET(TICKET, path)).ticket).assignee?.userId).toBe(winner);
});
