import { expect, expectError, expectOk, test } from "./fixtures";
import { asCustomerView, asStaffView, uniqueTitle } from "./tickets";

const TICKET = "/api/v1/tickets/{number}";

test("a customer's incident goes L1 → L2 → resolved → closed through the typed client, every answer as documented", async ({ api }) => {
  const [customer, l1, l2] = await Promise.all([api.as("customer"), api.as("l1"), api.as("l2")]);

  // The customer opens an incident in a category whose SOP has two required steps.
  const title = uniqueTitle("Typed client journey");
  const created = expectOk(
    await customer.POST("/api/v1/tickets", { body: { type: "INCIDENT", title, description: "The sync job stopped at 02:00.", category: "integration" } }),
    201,
  );
  const opened = asCustomerView(created.ticket);
  expect(opened).toMatchObject({ title, status: "NEW", supportLevel: "Level 1 support", version: 1 });
  const number = opened.number;
  const path = { params: { path: { number } } };

  const mine = expectOk(await customer.GET("/api/v1/tickets", { params: { query: { limit: 5 } } }));
  expect(mine.tickets.map((t) => t.number)).toContain(number);
  expect(asCustomerView(expectOk(await customer.GET(TICKET, path)).ticket)).toEqual(opened);

  // L1 takes it, answers the customer and leaves a note for L2.
  const claimed = expectOk(await l1.POST(`${TICKET}/claim`, path)).ticket;
  expect(claimed).toMatchObject({ tier: "L1", assignee: { userId: "l1agent" } });
  const reply = expectOk(await l1.POST(`${TICKET}/comments`, { ...path, body: { body: "We are looking at the sync job.", visibility: "PUBLIC" } }), 201);
  expect(reply.comment).toMatchObject({ visibility: "PUBLIC", author: { userId: "l1agent" } });
  const note = expectOk(await l1.POST(`${TICKET}/comments`, { ...path, body: { body: "@l2agent the job logs show a token error.", visibility: "INTERNAL" } }), 201);
  expect(note.comment.mentions).toEqual({ notified: ["l2agent"], notNotified: [] });

  // The SOP guard: escalating with required steps open is a 409 that names them, and changes nothing.
  const escalation = { reason: "Needs the integration team.", summary: "Token refresh fails; logs attached to the note." };
  const refused = expectError(await l1.POST(`${TICKET}/escalate`, { ...path, body: escalation }), 409, "CONFLICT");
  expect(refused.openSteps).toHaveLength(2);
  expect(asStaffView(expectOk(await l1.GET(TICKET, path)).ticket).tier).toBe("L1");

  // Ticking the required steps (by number) lets it through; their texts go with the hand-off.
  let steps = expectOk(await l1.POST(`${TICKET}/sop-steps`, { ...path, body: { step: 1, done: true } })).steps;
  const required = steps.filter((s) => s.required);
  for (const step of required) {
    const result = expectOk(await l1.POST(`${TICKET}/sop-steps`, { ...path, body: { step: step.text, done: true } }));
    steps = result.steps;
  }
  expect(steps.filter((s) => s.required && !s.done)).toEqual([]);
  const escalated = expectOk(await l1.POST(`${TICKET}/escalate`, { ...path, body: escalation })).ticket;
  expect(escalated).toMatchObject({ tier: "L2", status: "ASSIGNED" });
  expect(escalated.assignee?.userId, "the L2 group assigns automatically").toBe("l2agent");

  // L2 hears about it, sees the hand-off, and resolves against the version it read.
  const bell = expectOk(await l2.GET("/api/v1/notifications", { params: { query: { unread: true } } }));
  expect(bell.items.some((n) => n.ticket.number === number)).toBe(true);
  const events = expectOk(await l2.GET(`${TICKET}/events`, path)).events;
  const handoff = events.find((e) => e.type === "ESCALATED")?.handoff;
  expect(handoff).toMatchObject({ kind: "ESCALATION", reason: escalation.reason, from: { tier: "L1" }, to: { tier: "L2" } });
  expect(handoff?.stepsDone).toEqual(expect.arrayContaining(required.map((s) => s.text)));

  const current = asStaffView(expectOk(await l2.GET(TICKET, path)).ticket);
  const resolved = expectOk(await l2.PATCH(TICKET, { ...path, body: { version: current.version, status: "RESOLVED" } })).ticket;
  expect(resolved).toMatchObject({ status: "RESOLVED", tier: "L2", resolvedAt: expect.any(String) });
  // The same version again is stale.
  const stale = expectError(await l2.PATCH(TICKET, { ...path, body: { version: current.version, status: "IN_PROGRESS" } }), 409, "CONFLICT");
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
