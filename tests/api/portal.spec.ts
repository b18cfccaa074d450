import { expect, expectError, expectOk, test } from "./fixtures";
import { asCustomerView, asStaffView, ticketNumbers, uniqueTitle } from "./tickets";

const TICKET = "/api/v1/tickets/{number}";

test("a customer's self-service: search the knowledge base, read an article, say it helped or solved it", async ({ api }) => {
  const customer = await api.as("customer");
  const found = expectOk(await customer.GET("/api/v1/kb/articles", { params: { query: { q: "invoice", limit: 5 } } }));
  expect(found.articles.length).toBeGreaterThan(0);
  const slug = found.articles[0]!.slug;
  const { article } = expectOk(await customer.GET("/api/v1/kb/articles/{slug}", { params: { path: { slug } } }));
  expect(article.slug).toBe(slug);
  expectOk(await customer.POST("/api/v1/kb/articles/{slug}/feedback", { params: { path: { slug } }, body: { helpful: true } }), 201);
  expectOk(await customer.POST("/api/v1/kb/articles/{slug}/deflections", { params: { path: { slug } }, body: { query: "invoice" } }), 201);
});

test("the way back: an SOP override, a return with guidance, a resolution the customer reopens and an escalation request", async ({ api }) => {
  const [customer, l1, l2, manager] = await Promise.all([api.as("customer"), api.as("l1"), api.as("l2"), api.as("manager")]);
  const created = expectOk(
    await customer.POST("/api/v1/tickets", {
      body: { type: "INCIDENT", title: uniqueTitle("Slow reports"), description: "Reports take minutes.", category: "performance", impact: "LOW", urgency: "LOW" },
    }),
    201,
  );
  const number = created.ticket.number;
  const path = { params: { path: { number } } };

  // A manager places it with the L1 agent; L1 escalates without the SOP's required steps, saying why.
  expect(expectOk(await manager.POST(`${TICKET}/assign`, { ...path, body: { userId: "l1agent" } })).ticket.assignee?.userId).toBe("l1agent");
  const sopOverride = "The customer's reports team is blocked; profiling is L2's.";
  const escalated = expectOk(await l1.POST(`${TICKET}/escalate`, { ...path, body: { reason: "Slow queries.", summary: "Seen on every report.", sopOverride } })).ticket;
  expect(escalated.tier).toBe("L2");
  const handoff = expectOk(await l2.GET(`${TICKET}/events`, path)).events.find((e) => e.type === "ESCALATED")?.handoff;
  expect(handoff?.sopOverride).toBe(sopOverride);
  expect(handoff?.openRequiredSteps).toHaveLength(2);

  // L2 hands it back with guidance; L1 follows it, files a log and resolves.
  const returned = expectOk(await l2.POST(`${TICKET}/return`, { ...path, body: { guidance: "Ask them to clear the report cache first." } })).ticket;
  expect(returned).toMatchObject({ tier: "L1", assignee: { userId: "l1agent" } });
  const upload = new FormData();
  upload.append("attachments", new File(["report took 412 s\n"], "timing.log", { type: "text/plain" }));
  const { attachments } = expectOk(await l1.POST(`${TICKET}/attachments`, { ...path, body: { attachments: [] }, bodySerializer: () => upload }), 201);
  expect(attachments).toMatchObject([{ fileName: "timing.log", contentType: "text/plain", size: 18 }]);
  const download = await l1.GET(`${TICKET}/attachments/{id}`, { params: { path: { number, id: attachments[0]!.id } }, parseAs: "text" });
  expect(download.response.status).toBe(200);
  expect(download.data).toBe("report took 412 s\n");
  expect(expectOk(await customer.GET(`${TICKET}/attachments`, path)).attachments.map((a) => a.id)).toEqual([attachments[0]!.id]);

  const current = asStaffView(expectOk(await l1.GET(TICKET, path)).ticket);
  expectOk(await l1.PATCH(TICKET, { ...path, body: { version: current.version, status: "RESOLVED" } }));

  // The customer says it is still broken: back to the agent who resolved it, then asks for escalation.
  const seen = asCustomerView(expectOk(await customer.GET(TICKET, path)).ticket);
  const reopened = expectOk(await customer.POST(`${TICKET}/reopen`, { ...path, body: { version: seen.version, reason: "Still over five minutes." } })).ticket;
  expect(reopened).toMatchObject({ status: "IN_PROGRESS", supportLevel: "Level 1 support", resolvedAt: null });
  const asked = expectOk(await customer.POST(`${TICKET}/escalation-request`, { ...path, body: { version: reopened.version, reason: "Month-end close is tomorrow." } })).ticket;
  expect(asked.number).toBe(number);
  expect(await ticketNumbers(customer, "IN_PROGRESS")).toContain(number);

  // The L1 owner is alerted and acknowledges once; a second acknowledgement is a conflict.
  const alerts = expectOk(await l1.GET("/api/v1/notifications", { params: { query: { filter: "alerts", limit: 50 } } }));
  const alert = alerts.items.find((n) => n.ticket.number === number && n.alert)?.alert;
  expect(alert, "the escalation request alerts the L1 owner").toBeTruthy();
  const alertPath = { params: { path: { alertId: alert!.id } } };
  const acknowledged = expectOk(await l1.POST("/api/v1/alerts/{alertId}/acknowledge", { ...alertPath, body: { note: "Calling them back now." } }));
  expect(acknowledged.alert).toMatchObject({ rule: "customer.escalation-request", acknowledgedBy: { userId: "l1agent" }, note: "Calling them back now." });
  expectError(await manager.POST("/api/v1/alerts/{alertId}/acknowledge", { ...alertPath, body: {} }), 409, "CONFLICT");
});
