import { hostname } from "node:os";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import type { Actor } from "@/lib/actor";
import { db } from "@/lib/db/client";
import { seedDemoData } from "@/lib/seed/demo-data";
import { createTicket } from "@/lib/tickets/create-ticket";
import { getTicket } from "@/lib/tickets/core/get-ticket";
import { createWebhook } from "@/lib/webhooks/create-webhook";
import { deliverWebhooks, type WebhookDeliveryOptions } from "@/lib/webhooks/deliver-webhooks";
import { redeliverWebhook } from "@/lib/webhooks/redeliver-webhook";
import { BACKOFF_BASE_SECONDS, MAX_WEBHOOK_ATTEMPTS, webhookBackoffSeconds } from "@/lib/webhooks/retry-schedule";
import { updateWebhook } from "@/lib/webhooks/update-webhook";
import { actorFor } from "../fixtures/actors";
import { describeEachDatabase } from "../fixtures/test-database";
import { startWebhookReceiver } from "../fixtures/webhook-receiver";

describeEachDatabase("Webhook delivery to a real receiver", (database) => {
  let acme: Actor;
  let l1: Actor;
  let admin: Actor;
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
  // The library checks webhook-timestamp against this process's clock: the deliveries it verifies happen "now".
  const start = new Date();
  const at = (seconds: number) => new Date(start.getTime() + seconds * 1000);
  const previousFlag = process.env.WEBHOOK_ALLOW_PRIVATE;
  const deliver = (seconds: number, options: WebhookDeliveryOptions = {}) => deliverWebhooks({ now: at(seconds), allowPrivate: true, ...options });

  beforeAll(async () => {
    process.env.WEBHOOK_ALLOW_PRIVATE = "1";
    await seedDemoData(database().db);
    acme = await actorFor(database().db, "C1001");
    l1 = await actorFor(database().db, "l1agent");
    admin = await actorFor(database().db, "admin");
    receiver = await startWebhookReceiver();
  });
  afterAll(async () => {
    process.env.WEBHOOK_ALLOW_PRIVATE = previousFlag;
    await receiver?.close();
  });
  beforeEach(async () => {
    await db().webhookEndpoint.updateMany({ data: { active: false } });
    receiver.received.length = 0;
    receiver.answer(() => ({ status: 204 }));
  });

  const register = async (path: string, url = receiver.url) => createWebhook(admin, { url: `${url}${path}`, events: ["ticket.created"] }, at(0));
  const open = (count: number, seconds = 0) =>
    Promise.all(
      Array.from({ length: count }, (_, i) =>
        createTicket(acme, { type: "INCIDENT", title: `Hook ${i}`, description: "Delivered", category: "platform", impact: "LOW", urgency: "LOW" }, at(seconds)),
      ),
    );
  const deliveriesOf = (endpointId: string) => db().webhookDelivery.findMany({ where: { endpointId }, orderBy: { id: "asc" }, include: { attemptLog: { orderBy: { id: "asc" } } } });

  it("delivers each event exactly once under three concurrent workers, signed so standardwebhooks verifies it", async () => {
    const { webhook, secret } = await register("/once");
    const tickets = await open(25);
    let results: Awaited<ReturnType<typeof deliverWebhooks>>[] = [];
    for (let round = 0; round < 5; round++) results = results.concat(await Promise.all([1, 2, 3].map(() => deliver(1))));
    expect(results.reduce((sum, r) => sum + r.succeeded, 0)).toBe(25);
    expect(results.reduce((sum, r) => sum + r.retried + r.failed, 0)).toBe(0);

    const mine = receiver.received.filter((r) => r.path === "/once");
    expect(mine).toHaveLength(25);
    expect(new Set(mine.map((r) => r.id)).size).toBe(25);
    const verifier = new Webhook(secret);
    const bodies = mine.map((r) => verifier.verify(r.body, { "webhook-id": r.id, "webhook-timestamp": r.timestamp, "webhook-signature": r.signature }) as { type: string; data: { ticket: { number: string }; event: { type: string } } });
    expect(bodies.every((b) => b.type === "ticket.created" && b.data.event.type === "CREATED")).toBe(true);
    expect(new Set(bodies.map((b) => b.data.ticket.number))).toEqual(new Set(tickets.map((t) => t.number)));
    // The ticket is the staff API's view of it.
    const sample = bodies.find((b) => b.data.ticket.number === tickets[0]!.number)!;
    expect(sample.data.ticket).toEqual(await getTicket(l1, tickets[0]!.number));

    const deliveries = await deliveriesOf(webhook.id);
    expect(deliveries.every((d) => d.status === "SUCCEEDED" && d.attempts === 1 && d.lastResponseCode === 204 && d.attemptLog.length === 1)).toBe(true);
    expect(await deliver(2)).toEqual({ succeeded: 0, retried: 0, failed: 0, disabled: 0 });
  });

  it("retries a non-2xx answer and a timeout after the back-off, and logs every attempt", async () => {
    const { webhook } = await register("/flaky");
    await open(1, 100);
    receiver.answer(() => ({ status: 503 }));
    expect(await deliver(100)).toMatchObject({ retried: 1 });
    const [first] = await deliveriesOf(webhook.id);
    expect(first).toMatchObject({ status: "PENDING", attempts: 1, lastResponseCode: 503, nextAttemptAt: at(100 + BACKOFF_BASE_SECONDS), leasedUntil: null });
    expect(first!.lastError).toContain("503");

    // Not due before the back-off ends.
    expect(await deliver(100 + BACKOFF_BASE_SECONDS - 1)).toMatchObject({ succeeded: 0, retried: 0 });
    receiver.answer(() => "hang");
    expect(await deliver(100 + BACKOFF_BASE_SECONDS, { timeoutMs: 300 })).toMatchObject({ retried: 1 });
    const [second] = await deliveriesOf(webhook.id);
    expect(second).toMatchObject({ status: "PENDING", attempts: 2, lastResponseCode: null, nextAttemptAt: at(100 + BACKOFF_BASE_SECONDS + 2 * BACKOFF_BASE_SECONDS) });
    expect(second!.lastError).toMatch(/No answer within 0.3 s/);

    receiver.answer(() => ({ status: 200 }));
    expect(await deliver(100 + 3 * BACKOFF_BASE_SECONDS)).toMatchObject({ succeeded: 1 });
    const [done] = await deliveriesOf(webhook.id);
    expect(done).toMatchObject({ status: "SUCCEEDED", attempts: 3, lastResponseCode: 200, lastError: null, deliveredAt: at(100 + 3 * BACKOFF_BASE_SECONDS) });
    expect(done!.attemptLog.map((a) => [a.attempt, a.responseCode])).toEqual([[1, 503], [2, null], [3, 200]]);
    // Every attempt sent the same webhook-id and the same bytes.
    const mine = receiver.received.filter((r) => r.path === "/flaky");
    expect(mine).toHaveLength(3);
    expect(new Set(mine.map((r) => r.id)).size).toBe(1);
    expect(new Set(mine.map((r) => r.body)).size).toBe(1);
  });

  it("gives up after 8 attempts (FAILED), and a redelivery sends the same webhook-id and body again", async () => {
    const { webhook, secret } = await register("/down");
    await open(1, 1_000);
    receiver.answer(() => ({ status: 500 }));
    let seconds = 1_000;
    for (let attempt = 1; attempt <= MAX_WEBHOOK_ATTEMPTS; attempt++) {
      expect(await deliver(seconds)).toMatchObject(attempt < MAX_WEBHOOK_ATTEMPTS ? { retried: 1 } : { failed: 1 });
      seconds += webhookBackoffSeconds(attempt);
    }
    const [failed] = await deliveriesOf(webhook.id);
    expect(failed).toMatchObject({ status: "FAILED", attempts: MAX_WEBHOOK_ATTEMPTS, lastResponseCode: 500 });
    expect(failed!.attemptLog).toHaveLength(MAX_WEBHOOK_ATTEMPTS);
    expect(await deliver(seconds + 86_400)).toMatchObject({ succeeded: 0, retried: 0, failed: 0 });
    expect((await db().webhookEndpoint.findUniqueOrThrow({ where: { id: webhook.id } })).consecutiveFailures).toBe(1);

    receiver.answer(() => ({ status: 202 }));
    // Fifty admins press Redeliver at once: one puts it back in the queue, the others hear it is no longer failed.
    const pressed = await Promise.allSettled(Array.from({ length: 50 }, () => redeliverWebhook(admin, webhook.id, failed!.id, at(0))));
    expect(pressed.filter((p) => p.status === "fulfilled").map((p) => p.value)).toEqual([{ id: failed!.id, status: "PENDING" }]);
    expect(pressed.filter((p) => p.status === "rejected").every((p) => (p.reason as { code?: string }).code === "CONFLICT")).toBe(true);
    expect(await deliver(1)).toMatchObject({ succeeded: 1 });
    const mine = receiver.received.filter((r) => r.path === "/down");
    expect(mine).toHaveLength(MAX_WEBHOOK_ATTEMPTS + 1);
    expect(mine.at(-1)!.id).toBe(mine[0]!.id);
    expect(mine.at(-1)!.body).toBe(mine[0]!.body);
    const last = mine.at(-1)!;
    expect(() => new Webhook(secret).verify(last.body, { "webhook-id": last.id, "webhook-timestamp": last.timestamp, "webhook-signature": last.signature })).not.toThrow();
    expect((await db().webhookEndpoint.findUniqueOrThrow({ where: { id: webhook.id } })).consecutiveFailures).toBe(0);
    expect(await db().auditEvent.count({ where: { entity: "WebhookDelivery", entityId: String(failed!.id), action: "redeliver" } })).toBe(1);
    await expect(redeliverWebhook(admin, webhook.id, 2_147_483_647, at(0))).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(redeliverWebhook(admin, "00000000-0000-4000-8000-000000000000", failed!.id, at(0))).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("disables an endpoint after 8 events in a row failed for good, saying why; enabling it starts afresh", async () => {
    const { webhook } = await register("/gone");
    await open(8, 2_000);
    // Each delivery is on its last attempt.
    await db().webhookDelivery.updateMany({ where: { endpointId: webhook.id }, data: { attempts: MAX_WEBHOOK_ATTEMPTS - 1 } });
    receiver.answer(() => ({ status: 410 }));
    expect(await deliver(2_000)).toEqual({ succeeded: 0, retried: 0, failed: 8, disabled: 1 });
    const endpoint = await db().webhookEndpoint.findUniqueOrThrow({ where: { id: webhook.id } });
    expect(endpoint).toMatchObject({ active: false, consecutiveFailures: 8, disabledAt: at(2_000) });
    expect(endpoint.disabledReason).toMatch(/last 8 events could not be delivered.*410/);

    // Disabled: new events are not queued for it, and nothing is sent.
    await open(1, 2_100);
    expect(await db().webhookDelivery.count({ where: { endpointId: webhook.id } })).toBe(8);
    const enabled = await updateWebhook(admin, webhook.id, { active: true }, at(2_200));
    expect(enabled).toMatchObject({ active: true, consecutiveFailures: 0, disabledAt: null, disabledReason: null });
  });

  it("refuses private addresses without WEBHOOK_ALLOW_PRIVATE, and never follows a redirect", async () => {
    const { webhook: loopback } = await register("/private");
    await open(1, 3_000);
    expect(await deliver(3_000, { allowPrivate: false })).toMatchObject({ retried: 1 });
    const [refused] = await deliveriesOf(loopback.id);
    expect(refused!.lastError).toMatch(/127\.0\.0\.1 is a loopback address/);
    expect(receiver.received).toHaveLength(0);
    // A name is checked once resolved: this machine's own name resolves to one of its own (non-public) addresses.
    const name = hostname();
    await db().webhookEndpoint.update({ where: { id: loopback.id }, data: { url: receiver.url.replace("127.0.0.1", name) + "/private" } });
    expect(await deliver(3_000 + BACKOFF_BASE_SECONDS, { allowPrivate: false })).toMatchObject({ retried: 1 });
    const [resolved] = await deliveriesOf(loopback.id);
    expect(resolved!.lastError).toMatch(new RegExp(`^${name.replace(/\./g, "\\.")} resolves to \\S+, a (loopback|private|link-local|unique-local) `));
    expect(receiver.received).toHaveLength(0);
    await updateWebhook(admin, loopback.id, { active: false }, at(3_100));

    const { webhook: moved } = await register("/moved");
    await open(1, 3_200);
    receiver.answer((r) => (r.path === "/moved" ? { status: 307, location: `${receiver.url}/target` } : { status: 204 }));
    expect(await deliver(3_200)).toMatchObject({ retried: 1 });
    const [redirected] = await deliveriesOf(moved.id);
    expect(redirected).toMatchObject({ status: "PENDING", lastResponseCode: 307 });
    expect(receiver.received.map((r) => r.path)).toEqual(["/moved"]);
  });
});
