import { afterAll, beforeAll, expect, it } from "vitest";
import type { Actor } from "@/lib/actor";
import { db } from "@/lib/db/client";
import { seedDemoData } from "@/lib/seed/demo-data";
import { createTicket } from "@/lib/tickets/create-ticket";
import { createWebhook } from "@/lib/webhooks/create-webhook";
import { deleteWebhook } from "@/lib/webhooks/delete-webhook";
import { getWebhook } from "@/lib/webhooks/get-webhook";
import { listDeliveries } from "@/lib/webhooks/list-deliveries";
import { listWebhooks } from "@/lib/webhooks/list-webhooks";
import { redeliverWebhook } from "@/lib/webhooks/redeliver-webhook";
import { updateWebhook } from "@/lib/webhooks/update-webhook";
import { unchecked } from "@/lib/validation/unchecked";
import { actorFor } from "../fixtures/actors";
import { describeEachDatabase } from "../fixtures/test-database";

describeEachDatabase("Webhook endpoints, as admins manage them", (database) => {
  let admin: Actor;
  let manager: Actor;
  let agent: Actor;
  let acme: Actor;
  const now = new Date("2026-12-01T10:00:00Z");
  const previousFlag = process.env.WEBHOOK_ALLOW_PRIVATE;

  beforeAll(async () => {
    delete process.env.WEBHOOK_ALLOW_PRIVATE;
    await seedDemoData(database().db);
    admin = await actorFor(database().db, "admin");
    manager = await actorFor(database().db, "manager");
    agent = await actorFor(database().db, "l1agent");
    acme = await actorFor(database().db, "C1001");
  });
  afterAll(() => {
    process.env.WEBHOOK_ALLOW_PRIVATE = previousFlag;
  });

  it("registers an endpoint, shows its secret only in that answer, and audits the change", async () => {
    const { webhook, secret } = await createWebhook(admin, { url: "https://hooks.example.com/tierdesk", events: ["ticket.created", "sla.alert", "ticket.created"], description: "Chat channel" }, now);
    expect(secret).toMatch(/^whsec_/);
    expect(webhook).toMatchObject({ url: "https://hooks.example.com/tierdesk", events: ["ticket.created", "sla.alert"], description: "Chat channel", active: true, consecutiveFailures: 0, createdBy: { userId: "admin" } });
    expect(JSON.stringify(await listWebhooks(manager))).not.toContain(secret);
    expect(JSON.stringify(await getWebhook(manager, webhook.id))).not.toContain(secret);
    const audit = await db().auditEvent.findFirstOrThrow({ where: { entity: "WebhookEndpoint", entityId: webhook.id, action: "create" } });
    expect(JSON.stringify(audit.after)).not.toContain(secret);
  });

  it("refuses bad input with the field at fault: private literal addresses, other schemes, unknown events, NUL, a long URL", async () => {
    const bad = async (input: unknown, field: string) => {
      const error = await createWebhook(admin, unchecked(input), now).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toMatchObject({ code: "VALIDATION", fields: { [field]: expect.any(Array) } });
    };
    const before = await db().webhookEndpoint.count();
    for (const url of ["http://127.0.0.1:8080/x", "http://10.0.0.5/x", "http://[::1]/x", "http://[::ffff:192.168.1.1]/x", "http://169.254.169.254/latest", "http://localhost/x", "http://[fd00::1]/x"]) {
      await bad({ url, events: ["ticket.created"] }, "url");
    }
    await bad({ url: "ftp://hooks.example.com/x", events: ["ticket.created"] }, "url");
    await bad({ url: "not a url", events: ["ticket.created"] }, "url");
    await bad({ url: `https://hooks.example.com/${"a".repeat(2_000)}`, events: ["ticket.created"] }, "url");
    await bad({ url: "https://hooks.example.com/\u0000", events: ["ticket.created"] }, "url");
    await bad({ url: "https://hooks.example.com/x", events: ["ticket.deleted"] }, "events.0");
    await bad({ url: "https://hooks.example.com/x", events: [] }, "events");
    await bad({ url: "https://hooks.example.com/x", events: ["ticket.created"], description: "a\u0000" }, "description");
    await bad({ url: "https://hooks.example.com/x", events: ["ticket.created"], secret: "mine" }, "_");
    expect(await db().webhookEndpoint.count()).toBe(before);
  });

  it("lets managers read but not change; agents and customers see nothing", async () => {
    const { webhook } = await createWebhook(admin, { url: "https://hooks.example.com/read-only", events: ["ticket.closed"] }, now);
    expect((await listWebhooks(manager)).map((w) => w.id)).toContain(webhook.id);
    await expect(createWebhook(manager, { url: "https://hooks.example.com/m", events: ["ticket.closed"] }, now)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(updateWebhook(manager, webhook.id, { active: false }, now)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(deleteWebhook(manager, webhook.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(redeliverWebhook(manager, webhook.id, 1, now)).rejects.toMatchObject({ code: "FORBIDDEN" });
    for (const actor of [agent, acme]) {
      await expect(listWebhooks(actor)).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(listDeliveries(actor, webhook.id, {})).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await expect(getWebhook(admin, "not-a-uuid")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getWebhook(admin, "00000000-0000-4000-8000-000000000000")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("disables by hand with who did it, and enabling resets the failure count", async () => {
    const { webhook } = await createWebhook(admin, { url: "https://hooks.example.com/toggle", events: ["ticket.created"] }, now);
    const off = await updateWebhook(admin, webhook.id, { active: false, description: "Paused" }, now);
    expect(off).toMatchObject({ active: false, description: "Paused", disabledAt: now.toISOString(), disabledReason: "Disabled by Ada Admin." });
    await db().webhookEndpoint.update({ where: { id: webhook.id }, data: { consecutiveFailures: 8 } });
    const on = await updateWebhook(admin, webhook.id, { active: true, events: ["ticket.resolved"], url: "https://hooks.example.com/toggled" }, now);
    expect(on).toMatchObject({ active: true, consecutiveFailures: 0, disabledAt: null, disabledReason: null, events: ["ticket.resolved"], url: "https://hooks.example.com/toggled" });
    await expect(updateWebhook(admin, webhook.id, { url: "http://192.168.0.1/" }, now)).rejects.toMatchObject({ code: "VALIDATION", fields: { url: expect.any(Array) } });
    await expect(updateWebhook(admin, webhook.id, {}, now)).rejects.toMatchObject({ code: "VALIDATION" });
    expect((await db().auditEvent.findMany({ where: { entity: "WebhookEndpoint", entityId: webhook.id }, orderBy: { id: "asc" } })).map((a) => a.action)).toEqual(["create", "disable", "enable"]);
  });

  it("pages the delivery log newest first by id, and deleting the endpoint removes it with its log", async () => {
    await db().webhookEndpoint.updateMany({ data: { active: false } });
    const { webhook } = await createWebhook(admin, { url: "https://hooks.example.com/log", events: ["ticket.created"] }, now);
    const tickets = [];
    for (let i = 0; i < 5; i++) tickets.push(await createTicket(acme, { type: "INCIDENT", title: `Log ${i}`, description: "x", category: "platform", impact: "LOW", urgency: "LOW" }, now));
    const first = await listDeliveries(admin, webhook.id, { limit: "2" });
    expect(first.deliveries.map((d) => d.ticket)).toEqual([tickets[4]!.number, tickets[3]!.number]);
    expect(first.deliveries[0]).toMatchObject({ event: "ticket.created", status: "PENDING", attempts: 0, responseCode: null, webhookId: expect.stringMatching(/^msg_evt_\d+$/) });
    const second = await listDeliveries(manager, webhook.id, { limit: "2", cursor: String(first.nextCursor) });
    const third = await listDeliveries(manager, webhook.id, { limit: "2", cursor: String(second.nextCursor) });
    expect([...second.deliveries, ...third.deliveries].map((d) => d.ticket)).toEqual([tickets[2]!.number, tickets[1]!.number, tickets[0]!.number]);
    expect(third.nextCursor).toBeNull();
    await expect(listDeliveries(admin, webhook.id, { cursor: "0" })).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(redeliverWebhook(admin, webhook.id, first.deliveries[0]!.id, now)).rejects.toMatchObject({ code: "CONFLICT" });

    await deleteWebhook(admin, webhook.id);
    expect(await db().webhookDelivery.count({ where: { endpointId: webhook.id } })).toBe(0);
    await expect(getWebhook(admin, webhook.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(deleteWebhook(admin, webhook.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db().auditEvent.count({ where: { entity: "WebhookEndpoint", entityId: webhook.id, action: "delete" } })).toBe(1);
  });
});
