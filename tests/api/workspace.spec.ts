import { expect, expectError, expectOk, test, type Api } from "./fixtures";
import { asStaffView, uniqueTitle } from "./tickets";

const TICKET = "/api/v1/tickets/{number}";

/** A new incident opened by the Acme customer, at L1 and unassigned: its number and version. */
async function openIncident(api: Api, prefix: string): Promise<{ number: string; version: number }> {
  const customer = await api.as("customer");
  const { ticket } = expectOk(
    await customer.POST("/api/v1/tickets", { body: { type: "INCIDENT", title: uniqueTitle(prefix), description: "Opened by the typed client.", category: "platform" } }),
    201,
  );
  return { number: ticket.number, version: ticket.version };
}

test("an L1 agent's workspace: queue views, search, preferences, saved views, presence, bulk actions and macros", async ({ api }) => {
  const l1 = await api.as("l1");
  const { number } = await openIncident(api, "Workspace");
  const path = { params: { path: { number } } };

  const unassigned = expectOk(await l1.GET("/api/v1/queue", { params: { query: { view: "unassigned", q: number, sort: "age", dir: "desc" } } }));
  expect(unassigned.rows.map((r) => r.number)).toEqual([number]);
  expect(unassigned.counts.unassigned).toBeGreaterThan(0);
  const mine = expectOk(await l1.GET("/api/v1/queue", { params: { query: { view: "mine", q: number } } }));
  expect(mine.rows).toEqual([]);

  const preferences = expectOk(await l1.PUT("/api/v1/queue/preferences", { body: { hiddenColumns: ["age"] } }));
  expect(preferences.hiddenColumns).toEqual(["age"]);
  expect(expectOk(await l1.GET("/api/v1/queue/preferences"))).toEqual(preferences);
  expectOk(await l1.PUT("/api/v1/queue/preferences", { body: { hiddenColumns: [] } }));

  const { view } = expectOk(await l1.POST("/api/v1/queue/views", { body: { name: uniqueTitle("Platform P2"), query: { view: "tier", category: "platform" } } }), 201);
  const listed = expectOk(await l1.GET("/api/v1/queue/views")).views.find((v) => v.id === view.id);
  expect(listed?.count).toBeGreaterThan(0);
  const renamed = expectOk(await l1.PATCH("/api/v1/queue/views/{viewId}", { params: { path: { viewId: view.id } }, body: { name: uniqueTitle("Renamed") } }));
  expect(renamed.view.id).toBe(view.id);
  expect(expectOk(await l1.DELETE("/api/v1/queue/views/{viewId}", { params: { path: { viewId: view.id } } }))).toEqual({ deleted: view.id });

  const matches = expectOk(await l1.GET("/api/v1/customers", { params: { query: { q: "C100" } } }));
  expect(matches.customers.map((c) => c.userId)).toContain("C1001");
  expect(expectOk(await l1.POST(`${TICKET}/presence`, path)).viewers).toEqual([]);
  expect(expectOk(await l1.GET("/api/v1/priority-matrix")).cells).toHaveLength(9);
  expect(expectOk(await l1.GET(`${TICKET}/attachments`, path)).attachments).toEqual([]);

  // Bulk: claim two tickets at once, one already claimed by someone else is refused on its own.
  const other = await openIncident(api, "Bulk");
  const current = asStaffView(expectOk(await l1.GET(TICKET, path)).ticket);
  const bulk = expectOk(await l1.POST("/api/v1/tickets/bulk", { body: { action: "claim", tickets: [{ number, version: current.version }, other] } }));
  expect(bulk.results.map((r) => r.outcome)).toEqual(["done", "done"]);
  const claimed = await Promise.all([number, other.number].map(async (n) => asStaffView(expectOk(await l1.GET(TICKET, { params: { path: { number: n } } })).ticket)));
  const noted = expectOk(
    await l1.POST("/api/v1/tickets/bulk", { body: { action: "note", body: "Both belong to the sync outage.", tickets: claimed.map((t) => ({ number: t.number, version: t.version })) } }),
  );
  expect(noted.results.map((r) => r.outcome)).toEqual(["done", "done"]);

  // Link the two; a macro of the ticket's category (or a global one) fills its placeholders.
  const links = expectOk(await l1.POST(`${TICKET}/links`, { ...path, body: { kind: "RELATED", target: other.number } }), 201);
  expect(JSON.stringify(links)).toContain(other.number);
  const { macros } = expectOk(await (await api.as("admin")).GET("/api/v1/admin/macros"));
  const macro = macros.find((m) => m.category === null || m.category?.slug === "platform");
  expect(macro, "the seed has a macro for platform tickets").toBeDefined();
  const preview = expectOk(await l1.POST(`${TICKET}/macros/{macroId}/preview`, { params: { path: { number, macroId: macro!.id } } }));
  expect(preview.preview.body).not.toContain("{{");
});

test("notifications: the L2 agent's bell, marking read, and mail preferences", async ({ api }) => {
  const l2 = await api.as("l2");
  const page = expectOk(await l2.GET("/api/v1/notifications", { params: { query: { limit: 5 } } }));
  const alerts = expectOk(await l2.GET("/api/v1/notifications", { params: { query: { filter: "alerts" } } }));
  expect(alerts.items.every((n) => n.kind === "SLA_ALERTS")).toBe(true);
  const marked = expectOk(await l2.POST("/api/v1/notifications/read", { body: { all: true } }));
  expect(marked.unreadCount).toBe(0);
  expect(expectOk(await l2.GET("/api/v1/notifications", { params: { query: { unread: true } } })).items).toEqual([]);
  expect(page.items.length).toBeLessThanOrEqual(5);

  const before = expectOk(await l2.GET("/api/v1/me/notification-preferences"));
  const saved = expectOk(await l2.PUT("/api/v1/me/notification-preferences", { body: { kinds: { MY_GROUP: "mail" } } }));
  expect(saved.kinds.find((k) => k.kind === "MY_GROUP")).toMatchObject({ byMail: true, isDefault: false });
  expect(saved.kinds).toHaveLength(before.kinds.length);
});

test("a manager's reads: escalation metrics, self-service counts, ratings, outbox, sweep, matrix history and audit", async ({ api }) => {
  const manager = await api.as("manager");
  for (const period of ["today", "7d", "30d"] as const) {
    const metrics = expectOk(await manager.GET("/api/v1/metrics/escalations", { params: { query: { period } } }));
    expect(metrics).toBeTruthy();
  }
  const today = new Date().toISOString().slice(0, 10);
  expectOk(await manager.GET("/api/v1/metrics/escalations", { params: { query: { period: "custom", from: today, to: today, category: "platform", priority: "P2" } } }));
  const month = new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10);
  expectOk(await manager.GET("/api/v1/kb/self-service", { params: { query: { from: month, to: today, period: "week" } } }));
  const ratings = expectOk(await manager.GET("/api/v1/ratings/summary"));
  expect(ratings.count).toBeGreaterThanOrEqual(0);
  expectOk(await manager.GET("/api/v1/outbox"));
  expectOk(await manager.POST("/api/v1/outbox/deliver"));
  expectOk(await manager.POST("/api/v1/sla/sweep"));
  expect(expectOk(await manager.GET("/api/v1/admin/matrix-versions")).versions.length).toBeGreaterThan(0);
  expectOk(await manager.GET("/api/v1/admin/audit", { params: { query: { limit: 20 } } }));
  expectOk(await manager.GET("/api/v1/admin/login-throttles"));
});

test("a major incident: L2 declares it, attaches a customer's ticket and detaches it again", async ({ api }) => {
  const [l1, l2] = await Promise.all([api.as("l1"), api.as("l2")]);
  const parent = await openIncident(api, "Outage");
  const child = await openIncident(api, "Me too");
  const parentPath = { params: { path: { number: parent.number } } };
  expectOk(await l1.POST(`${TICKET}/claim`, parentPath));
  expectOk(await l1.POST(`${TICKET}/escalate`, { ...parentPath, body: { reason: "Many customers.", summary: "The platform is down for everyone." } }));
  expectError(await l1.POST(`${TICKET}/major-incident`, parentPath), 403, "FORBIDDEN");

  expect(JSON.stringify(expectOk(await l2.POST(`${TICKET}/major-incident`, parentPath)))).toContain(parent.number);
  const attached = expectOk(await l2.POST(`${TICKET}/children`, { ...parentPath, body: { child: child.number } }), 201);
  expect(JSON.stringify(attached)).toContain(child.number);
  expectError(await l2.POST(`${TICKET}/children`, { ...parentPath, body: { child: child.number } }), 409, "CONFLICT");
  const detached = expectOk(await l2.DELETE(`${TICKET}/children/{child}`, { params: { path: { number: parent.number, child: child.number } } }));
  expect(JSON.stringify(detached)).not.toContain(child.number);
});
