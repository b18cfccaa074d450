import { Webhook } from "standardwebhooks";
import type { components } from "./generated/openapi";
import { expect, expectError, expectOk, test } from "./fixtures";
import { asStaffView, uniqueTitle } from "./tickets";
import { agentToken, createToken } from "./tokens";
import { startWebhookReceiver } from "./webhook-receiver";

type AlertmanagerPayload = components["schemas"]["AlertmanagerPayload"];
const TICKET = "/api/v1/tickets/{number}";

/** Alertmanager's webhook (version 4): `alerts` alerts over `fingerprints` fingerprints, all in one status. */
function alertStorm(run: string, alerts: number, fingerprints: number, status: "firing" | "resolved"): AlertmanagerPayload {
  const startsAt = "2026-12-02T09:00:00Z";
  return {
    version: "4",
    groupKey: `{}:{alertname="DiskFull"}`,
    status,
    receiver: "tierdesk",
    groupLabels: { alertname: "DiskFull" },
    commonLabels: { alertname: "DiskFull" },
    commonAnnotations: {},
    externalURL: "http://alertmanager.example:9093",
    alerts: Array.from({ length: alerts }, (_, i) => {
      const host = i % fingerprints;
      return {
        status,
        labels: { alertname: "DiskFull", instance: `db-${host}.${run}`, severity: ["critical", "warning", "info"][host % 3]! },
        annotations: { summary: `Disk almost full on db-${host}.${run}`, description: "Less than 5 % left on /var.", runbook_url: "https://runbooks.example/disk" },
        startsAt,
        endsAt: status === "resolved" ? "2026-12-02T10:00:00Z" : "0001-01-01T00:00:00Z",
        generatorURL: "http://prometheus.example:9090/graph",
        fingerprint: `${run}${host.toString(16).padStart(4, "0")}`,
      };
    }),
  };
}

test("an alert storm through the typed client: 1,000 alerts over 100 fingerprints open 100 incidents, a replay none, resolving resolves them", async ({ api }) => {
  const admin = await api.as("admin");
  const slug = `storm-${Date.now().toString(36)}`;
  const integration = expectOk(
    await admin.POST("/api/v1/admin/integrations", { body: { name: "Typed client Prometheus", slug, customer: "C1001", category: "platform", resolveOnResolved: true } }),
    201,
  );
  expect(JSON.stringify(integration)).toContain(slug);
  expect(expectOk(await admin.GET("/api/v1/admin/integrations")).integrations.map((i) => i.slug)).toContain(slug);
  const alertmanager = api.withToken((await createToken(admin, { name: "Alertmanager", scopes: ["alerts:write"], serviceAccount: { userId: "api-alertmanager" } })).token);
  const query = { params: { query: { integration: slug } } };
  const run = Date.now().toString(16);

  const started = performance.now();
  const storm = expectOk(await alertmanager.POST("/api/v1/integrations/alertmanager", { ...query, body: alertStorm(run, 1_000, 100, "firing") }));
  const stormMs = performance.now() - started;
  expect(storm.opened).toHaveLength(100);
  expect(new Set(storm.opened).size).toBe(100);
  console.log(`api: alert storm of 1,000 alerts over 100 fingerprints answered in ${stormMs.toFixed(0)} ms (HTTP round trip, e2e server)`);

  const replay = expectOk(await alertmanager.POST("/api/v1/integrations/alertmanager", { ...query, body: alertStorm(run, 1_000, 100, "firing") }));
  expect(replay.opened).toEqual([]);
  expect(replay.repeated, "every fingerprint already has its open incident").toBeGreaterThanOrEqual(100);

  const l1 = await api.as("l1");
  const incident = asStaffView(expectOk(await l1.GET(TICKET, { params: { path: { number: storm.opened[0]! } } })).ticket);
  expect(incident).toMatchObject({ type: "INCIDENT", tier: "L1", customer: { userId: "C1001" }, category: { slug: "platform" } });
  expect(incident.title).toMatch(new RegExp(`^Disk almost full on db-\\d+\\.${run}$`));

  const resolved = expectOk(await alertmanager.POST("/api/v1/integrations/alertmanager", { ...query, body: alertStorm(run, 100, 100, "resolved") }));
  expect(resolved.resolvedAlerts).toBe(100);
  expect([...resolved.resolved].sort()).toEqual([...storm.opened].sort());
  expect(asStaffView(expectOk(await l1.GET(TICKET, { params: { path: { number: storm.opened[0]! } } })).ticket).status).toBe("RESOLVED");

  // Only a token with alerts:write may post alerts; an unknown or switched-off integration is a 404.
  const ticketsOnly = api.withToken((await agentToken(admin, "api-l1-bot", "L1")).token);
  expect(expectError(await ticketsOnly.POST("/api/v1/integrations/alertmanager", { ...query, body: alertStorm(run, 1, 1, "firing") }), 403, "FORBIDDEN").scope).toBe("alerts:write");
  expectError(await alertmanager.POST("/api/v1/integrations/alertmanager", { params: { query: { integration: `${slug}-missing` } }, body: alertStorm(run, 1, 1, "firing") }), 404, "NOT_FOUND");
  const integrationPath = { params: { path: { integration: slug } } };
  expect(expectOk(await admin.GET("/api/v1/admin/integrations/{integration}", integrationPath)).integration.slug).toBe(slug);
  expectOk(await admin.PATCH("/api/v1/admin/integrations/{integration}", { ...integrationPath, body: { resolveOnResolved: false } }));
  expectOk(await admin.DELETE("/api/v1/admin/integrations/{integration}", integrationPath));
  expectError(await alertmanager.POST("/api/v1/integrations/alertmanager", { ...query, body: alertStorm(run, 1, 1, "firing") }), 404, "NOT_FOUND");
});

test("webhooks: a ticket's journey is delivered to a receiver, each request signed as Standard Webhooks and verified with standardwebhooks", async ({ api }) => {
  const receiver = await startWebhookReceiver();
  const admin = await api.as("admin");
  try {
    const { webhook, secret } = expectOk(
      await admin.POST("/api/v1/admin/webhooks", { body: { url: receiver.url, events: ["ticket.created", "ticket.assigned", "ticket.escalated", "ticket.resolved"], description: "Typed client receiver" } }),
      201,
    );
    expect(secret).toMatch(/^whsec_/);
    const webhookPath = { params: { path: { webhookId: webhook.id } } };
    expect(expectOk(await admin.GET("/api/v1/admin/webhooks")).webhooks.map((w) => w.id)).toContain(webhook.id);
    expect(JSON.stringify(expectOk(await admin.GET("/api/v1/admin/webhooks/{webhookId}", webhookPath)))).not.toContain(secret);

    // A bearer-token journey: logged, claimed, escalated (auto-assigned at L2), resolved.
    const l1Bot = api.withToken((await agentToken(admin, "api-l1-bot", "L1")).token);
    const l2Bot = api.withToken((await agentToken(admin, "api-l2-bot", "L2")).token);
    const { ticket } = expectOk(
      await l1Bot.POST("/api/v1/tickets", { body: { type: "INCIDENT", title: uniqueTitle("Webhook journey"), description: "Checkout fails.", category: "platform", customer: "C1001", channel: "PHONE" } }),
      201,
    );
    const path = { params: { path: { number: ticket.number } } };
    expectOk(await l1Bot.POST(`${TICKET}/claim`, path));
    expectOk(await l1Bot.POST(`${TICKET}/escalate`, { ...path, body: { reason: "Payments team.", summary: "Every checkout fails at the card step." } }));
    const current = asStaffView(expectOk(await l2Bot.GET(TICKET, path)).ticket);
    expectOk(await l2Bot.PATCH(TICKET, { ...path, body: { version: current.version, status: "RESOLVED" } }));

    // Every delivery for this ticket arrives signed; standardwebhooks verifies it and refuses a changed body.
    const verifier = new Webhook(secret);
    const forTicket = () =>
      receiver.received
        .map((delivery) => ({ delivery, payload: verifier.verify(delivery.body, delivery.headers as Record<string, string>) as { type: string; data: { ticket: { number: string; status: string } } } }))
        .filter(({ payload }) => payload.data.ticket.number === ticket.number);
    await expect.poll(() => forTicket().map(({ payload }) => payload.type).sort(), { timeout: 30_000 }).toEqual(
      ["ticket.assigned", "ticket.assigned", "ticket.created", "ticket.escalated", "ticket.resolved"],
    );
    const deliveries = forTicket();
    expect(new Set(deliveries.map(({ delivery }) => delivery.headers["webhook-id"])).size).toBe(deliveries.length);
    expect(deliveries.find(({ payload }) => payload.type === "ticket.resolved")?.payload.data.ticket.status).toBe("RESOLVED");
    const [first] = deliveries;
    expect(() => verifier.verify(first!.delivery.body.replace(ticket.number, "INC-000000"), first!.delivery.headers as Record<string, string>)).toThrow();

    // The delivery log says the same; a delivery that succeeded is not redelivered.
    const log = expectOk(await admin.GET("/api/v1/admin/webhooks/{webhookId}/deliveries", { params: { path: { webhookId: webhook.id }, query: { limit: 100 } } }));
    const logged = log.deliveries.filter((d) => d.ticket === ticket.number);
    expect(logged).toHaveLength(5);
    expect(logged.every((d) => d.status === "SUCCEEDED" && d.responseCode === 204 && d.attempts === 1)).toBe(true);
    expectError(
      await admin.POST("/api/v1/admin/webhooks/{webhookId}/deliveries/{deliveryId}/redeliver", { params: { path: { webhookId: webhook.id, deliveryId: logged[0]!.id } } }),
      409,
      "CONFLICT",
    );
    const paused = expectOk(await admin.PATCH("/api/v1/admin/webhooks/{webhookId}", { ...webhookPath, body: { active: false, description: "Paused by the typed client" } }));
    expect(paused.webhook).toMatchObject({ active: false, description: "Paused by the typed client" });
    expectOk(await admin.DELETE("/api/v1/admin/webhooks/{webhookId}", webhookPath));
    expectError(await admin.GET("/api/v1/admin/webhooks/{webhookId}", webhookPath), 404, "NOT_FOUND");
  } finally {
    await receiver.close();
  }
});
