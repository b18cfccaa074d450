import { beforeAll, expect, it } from "vitest";
import type { Actor } from "@/lib/actor";
import { AppError } from "@/lib/errors";
import { createIntegration } from "@/lib/integrations/create-integration";
import { receiveAlerts } from "@/lib/integrations/receive-alerts";
import { updateIntegration } from "@/lib/integrations/update-integration";
import { deactivateIntegration } from "@/lib/integrations/deactivate-integration";
import { claimTicket } from "@/lib/routing/claim";
import { updateTicket } from "@/lib/routing/update-ticket";
import { seedDemoData } from "@/lib/seed/demo-data";
import { getTicket } from "@/lib/tickets/core/get-ticket";
import { loadTicketWorkspace } from "@/lib/tickets/ticket-workspace";
import { unchecked } from "@/lib/validation/unchecked";
import { actorFor } from "../fixtures/actors";
import { alertOf, payloadOf, stormOf } from "../fixtures/alertmanager";
import { describeEachDatabase } from "../fixtures/test-database";

// Alertmanager's webhook opens one incident per alert fingerprint while it is open, set-based for a storm;
// repeats and replays open nothing; a resolved alert is recorded (and resolves, if the integration says so)
// and tells the owner; a firing after the incident closed opens a new one, linked to the old.

const T0 = Date.parse("2026-11-30T09:00:00Z");
const at = (minutes: number) => new Date(T0 + minutes * 60_000);

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

describeEachDatabase("Alertmanager integration", (database) => {
  let admin: Actor;
  let manager: Actor;
  let l1: Actor;
  let customer: Actor;
  const db = () => database().db;
  const counts = async () => ({
    tickets: await db().ticket.count(),
    events: await db().ticketEvent.count(),
    alerts: await db().monitoringAlert.count(),
    mail: await db().outboxMessage.count(),
  });
  const events = async (number: string) =>
    (await db().ticketEvent.findMany({ where: { ticket: { number } }, orderBy: { id: "asc" } })).map((e) => ({ type: e.type, rule: e.rule, inputs: e.inputs as Record<string, unknown> }));

  beforeAll(async () => {
    await seedDemoData(db());
    admin = await actorFor(db(), "admin");
    manager = await actorFor(db(), "manager");
    l1 = await actorFor(db(), "l1agent");
    customer = await actorFor(db(), "C1001");
    await createIntegration(admin, { name: "Production Prometheus", slug: "prod", customer: "C1001", category: "platform", categoryLabel: "tierdesk_category" }, at(0));
    await createIntegration(admin, { name: "Staging", slug: "staging", customer: "C1002", category: "platform", resolveOnResolved: false }, at(0));
  });

  it("a firing alert opens an incident through intake: channel Monitoring, severity → impact/urgency, plain-text fields, events and mail", async () => {
    const alert = alertOf("one", {
      labels: { alertname: "DiskFull", severity: "warning", tierdesk_category: "access" },
      annotations: { summary: "**Disk** full on <db-1>", description: "# Not a heading\n[link](http://evil) _x_", runbook_url: "https://runbooks.example/disk_full" },
    });
    const receipt = await receiveAlerts(admin, "prod", payloadOf([alert]), at(1));
    expect(receipt).toMatchObject({ integration: "prod", repeated: 0, resolved: [], ignored: 0 });
    expect(receipt.opened).toHaveLength(1);
    const ticket = await getTicket(admin, receipt.opened[0]!);
    expect((await db().ticket.findUniqueOrThrow({ where: { number: ticket.number } })).channel).toBe("MONITORING");
    expect(ticket).toMatchObject({ type: "INCIDENT", impact: "MEDIUM", urgency: "MEDIUM", tier: "L1", status: "NEW", title: "**Disk** full on <db-1>" });
    expect(ticket.category.slug).toBe("access");
    expect(ticket.description).toContain("\\# Not a heading");
    expect(ticket.description).toContain("\\[link\\](http://evil) \\_x\\_");
    expect(ticket.description).toContain("Runbook: https://runbooks.example/disk\\_full");
    const log = await events(ticket.number);
    expect(log.map((e) => e.type)).toEqual(["CREATED", "CLASSIFIED"]);
    expect(log[0]!.inputs).toMatchObject({ channel: "MONITORING", integration: "prod", fingerprint: "one", alertname: "DiskFull", customer: "C1001" });
    expect(log[1]!.inputs).toMatchObject({ impact: "MEDIUM", impactSource: "customer", urgency: "MEDIUM" });
    const mail = await db().outboxMessage.findMany({ where: { ticket: { number: ticket.number } } });
    expect(mail.map((m) => m.toAddress)).toEqual(["carla@acme.example"]);
    expect(mail[0]!.subject).toContain("Received");
  });

  it("a storm of 1,000 alerts over 100 fingerprints opens exactly 100 incidents; its replay opens none", async () => {
    const before = await counts();
    const storm = stormOf(1000, 100);
    const receipt = await receiveAlerts(admin, "prod", storm, at(2));
    expect(receipt.opened).toHaveLength(100);
    expect(new Set(receipt.opened).size).toBe(100);
    const after = await counts();
    expect(after.tickets - before.tickets).toBe(100);
    expect(after.alerts - before.alerts).toBe(100);
    expect(after.events - before.events).toBe(200); // CREATED and CLASSIFIED each (a pull queue places nobody)
    expect(after.mail - before.mail).toBe(100);
    const alert = await db().monitoringAlert.findFirstOrThrow({ where: { fingerprint: "storm0007" } });
    expect(alert).toMatchObject({ open: true, seenCount: 10, alertStatus: "firing" });
    const ticket = await db().ticket.findUniqueOrThrow({ where: { id: alert.ticketId } });
    expect(ticket).toMatchObject({ priority: "P1", impact: "HIGH", urgency: "HIGH", channel: "MONITORING" });

    const replay = await receiveAlerts(admin, "prod", storm, at(3));
    expect(replay).toMatchObject({ opened: [], repeated: 100 });
    const later = await counts();
    expect(later).toEqual({ ...after });
    expect(await db().monitoringAlert.findFirstOrThrow({ where: { fingerprint: "storm0007" } })).toMatchObject({ seenCount: 20, lastSeenAt: at(3), firstSeenAt: at(2) });
    // The ticket page shows the repeats (no event per repeat).
    const workspace = await loadTicketWorkspace(l1, ticket.number, at(3));
    expect(workspace.monitoringAlerts).toEqual([
      expect.objectContaining({ fingerprint: "storm0007", alertname: "HighErrorRate", seenCount: 20, firstSeenAt: at(2).toISOString(), lastSeenAt: at(3).toISOString(), open: true }),
    ]);
    expect((await events(ticket.number)).map((e) => e.type)).toEqual(["CREATED", "CLASSIFIED"]);
  });

  it("two identical payloads at once open each incident once", async () => {
    const before = await counts();
    const payload = payloadOf(Array.from({ length: 30 }, (_, i) => alertOf(`race${i}`)));
    const receipts = await Promise.all(Array.from({ length: 4 }, () => receiveAlerts(admin, "prod", payload, at(4))));
    expect(receipts.flatMap((r) => r.opened)).toHaveLength(30);
    expect((await counts()).tickets - before.tickets).toBe(30);
    expect(await db().monitoringAlert.count({ where: { fingerprint: { startsWith: "race" }, open: true } })).toBe(30);
  });

  it("two identical storms at once open 100 incidents in total; overlapping payloads in opposite orders open each once", async () => {
    const before = await counts();
    const storm = payloadOf(stormOf(1000, 100).alerts.map((a) => ({ ...a, fingerprint: `twin-${a.fingerprint}` })));
    const [a, b] = await Promise.all([receiveAlerts(admin, "prod", storm, at(4)), receiveAlerts(admin, "prod", storm, at(4))]);
    expect(a.opened.length + b.opened.length).toBe(100);
    expect(a.repeated + b.repeated).toBe(100);
    expect((await counts()).tickets - before.tickets).toBe(100);

    const forward = Array.from({ length: 40 }, (_, i) => alertOf(`cross${String(i).padStart(2, "0")}`));
    const payloads = [payloadOf(forward), payloadOf([...forward].reverse()), payloadOf(forward.slice(10, 30))];
    const receipts = await Promise.all(payloads.map((p) => receiveAlerts(admin, "prod", p, at(4))));
    expect(receipts.flatMap((r) => r.opened)).toHaveLength(40);
    expect(await db().monitoringAlert.count({ where: { fingerprint: { startsWith: "cross" } } })).toBe(40);
  });

  it("resolved with auto-resolve: the event, the incident resolved (clock stopped), the owner told, the alert no longer open", async () => {
    const [number] = (await receiveAlerts(admin, "prod", payloadOf([alertOf("res1")]), at(5))).opened;
    await claimTicket(l1, number!, at(6));
    const receipt = await receiveAlerts(admin, "prod", payloadOf([alertOf("res1", { status: "resolved", endsAt: "2026-11-30T09:20:00Z" })], "resolved"), at(20));
    expect(receipt).toMatchObject({ opened: [], resolved: [number], resolvedAlerts: 1 });
    const ticket = await db().ticket.findUniqueOrThrow({ where: { number: number! } });
    expect(ticket).toMatchObject({ status: "RESOLVED", resolvedAt: at(20), slaClockSince: null });
    const log = await events(number!);
    expect(log.slice(-2).map((e) => [e.type, e.rule])).toEqual([
      ["MONITORING_ALERT", "monitoring.resolved"],
      ["STATUS_CHANGED", "status.monitoring-resolved"],
    ]);
    const told = await db().notification.findMany({ where: { ticketId: ticket.id, cause: "MONITORING_RESOLVED" }, include: { recipient: true } });
    expect(told.map((n) => [n.recipient.userId, n.headline])).toEqual([["l1agent", "Resolved by its monitoring alert"]]);
    expect(await db().monitoringAlert.findFirstOrThrow({ where: { fingerprint: "res1" } })).toMatchObject({ open: false, alertStatus: "resolved", resolvedAt: at(20) });
    const mail = await db().outboxMessage.findMany({ where: { ticketId: ticket.id }, orderBy: { id: "asc" } });
    expect(mail.at(-1)!.subject).toContain("Resolved");
  });

  it("resolved without auto-resolve: recorded and told, the incident stays open for its owner", async () => {
    const [number] = (await receiveAlerts(admin, "staging", payloadOf([alertOf("res2")]), at(5))).opened;
    await claimTicket(l1, number!, at(6));
    const receipt = await receiveAlerts(admin, "staging", payloadOf([alertOf("res2", { status: "resolved" })], "resolved"), at(21));
    expect(receipt).toMatchObject({ resolved: [], resolvedAlerts: 1 });
    const ticket = await db().ticket.findUniqueOrThrow({ where: { number: number! } });
    expect(ticket.status).toBe("ASSIGNED");
    expect((await events(number!)).at(-1)).toMatchObject({ type: "MONITORING_ALERT", inputs: { autoResolved: false } });
    const told = await db().notification.findMany({ where: { ticketId: ticket.id, cause: "MONITORING_RESOLVED" }, include: { recipient: true } });
    expect(told.map((n) => [n.recipient.userId, n.headline])).toEqual([["l1agent", "Its monitoring alert resolved"]]);
    // A resolution for an alert with no open incident does nothing.
    const before = await counts();
    expect(await receiveAlerts(admin, "staging", payloadOf([alertOf("res2", { status: "resolved" }), alertOf("never", { status: "resolved" })], "resolved"), at(22))).toMatchObject({ ignored: 2 });
    expect(await counts()).toEqual(before);
  });

  it("a firing after the incident was closed opens a new incident, linked as related to the previous one", async () => {
    const [first] = (await receiveAlerts(admin, "prod", payloadOf([alertOf("again")]), at(30))).opened;
    await claimTicket(l1, first!, at(31));
    const current = await getTicket(l1, first!);
    await updateTicket(l1, first!, { version: current.version, status: "RESOLVED" }, at(32));
    // Still resolved, not closed: the alert's incident is the same one.
    expect((await receiveAlerts(admin, "prod", payloadOf([alertOf("again")]), at(33))).opened).toEqual([]);
    const resolved = await getTicket(manager, first!);
    await updateTicket(manager, first!, { version: resolved.version, status: "CLOSED" }, at(34));
    const [second] = (await receiveAlerts(admin, "prod", payloadOf([alertOf("again")]), at(35))).opened;
    expect(second).toBeDefined();
    expect(second).not.toBe(first);
    const link = await db().ticketLink.findFirstOrThrow({ where: { ticket: { number: second! } }, include: { target: true } });
    expect(link).toMatchObject({ kind: "RELATED", target: { number: first } });
    expect((await events(second!)).map((e) => e.type)).toEqual(["CREATED", "CLASSIFIED", "LINKED"]);
    expect((await events(first!)).at(-1)).toMatchObject({ type: "LINKED", rule: "link.related" });
    expect((await events(second!))[0]!.inputs).toMatchObject({ previousIncident: first });
    // And after the alert resolved it, too.
    await receiveAlerts(admin, "prod", payloadOf([alertOf("again", { status: "resolved" })], "resolved"), at(36));
    const [third] = (await receiveAlerts(admin, "prod", payloadOf([alertOf("again")]), at(37))).opened;
    expect(await db().ticketLink.findFirstOrThrow({ where: { ticket: { number: third! } }, include: { target: true } })).toMatchObject({ target: { number: second } });
  });

  it("an AUTO intake group places each incident of a batch on the least-loaded agent as it stands after the ones before", async () => {
    await db().supportGroup.update({ where: { slug: "service-desk" }, data: { assignmentMode: "AUTO" } });
    try {
      const loads = async () => Object.fromEntries((await db().user.findMany({ where: { userId: { in: ["l1agent", "l1agent2"] } } })).map((u) => [u.userId, u.openLoad]));
      const before = await loads();
      const receipt = await receiveAlerts(admin, "prod", payloadOf(Array.from({ length: 8 }, (_, i) => alertOf(`auto${i}`))), at(40));
      const assigned = await db().ticketEvent.findMany({ where: { type: "ASSIGNED", ticket: { number: { in: receipt.opened } } }, orderBy: { id: "asc" } });
      expect(assigned).toHaveLength(8);
      const after = await loads();
      // P1 weighs 5: the 8 incidents (40 load) are spread so neither agent ends more than one incident ahead.
      expect(after.l1agent! + after.l1agent2! - before.l1agent! - before.l1agent2!).toBe(40);
      expect(Math.abs(after.l1agent! - after.l1agent2!)).toBeLessThanOrEqual(Math.abs(before.l1agent! - before.l1agent2!) + 5);
      const notified = await db().notification.count({ where: { cause: "ASSIGNED", ticket: { number: { in: receipt.opened } } } });
      expect(notified).toBe(8);
    } finally {
      await db().supportGroup.update({ where: { slug: "service-desk" }, data: { assignmentMode: "PULL" } });
    }
  });

  it("bad payloads are a 400 naming the fields and change nothing; unknown or inactive integrations are a 404; customers are refused", async () => {
    const before = await counts();
    const bad = [
      { ...payloadOf([alertOf("bad")]), version: "3" },
      { ...payloadOf([alertOf("bad")]), alerts: [{ ...alertOf("bad"), fingerprint: undefined }] },
      payloadOf([alertOf("bad", { annotations: { summary: "nul \u0000 here" } })]),
      payloadOf([alertOf("bad", { startsAt: "yesterday" })]),
      { ...payloadOf([]), alerts: [] },
      "not an object",
    ];
    const fields = [];
    for (const payload of bad) {
      const error = await refusal(receiveAlerts(admin, "prod", unchecked(payload), at(50)));
      expect(error.status).toBe(400);
      fields.push(Object.keys(error.fields ?? {}));
    }
    expect(fields).toEqual([["version"], ["alerts.0.fingerprint"], ["alerts.0.annotations.summary"], ["alerts.0.startsAt"], ["alerts"], ["_"]]);
    expect((await refusal(receiveAlerts(admin, null, payloadOf([alertOf("x")]), at(50)))).fields).toHaveProperty("integration");
    expect((await refusal(receiveAlerts(admin, "nope", payloadOf([alertOf("x")]), at(50)))).status).toBe(404);
    await createIntegration(admin, { name: "Old", slug: "old", customer: "C1001", category: "platform" }, at(50));
    await deactivateIntegration(admin, "old", at(50));
    expect((await refusal(receiveAlerts(admin, "old", payloadOf([alertOf("x")]), at(50)))).status).toBe(404);
    expect((await refusal(receiveAlerts(customer, "prod", payloadOf([alertOf("x")]), at(50)))).status).toBe(403);
    expect(await counts()).toEqual(before);
  });

  it("emoji and right-to-left text in annotations arrive as sent", async () => {
    const summary = "🔥 خطأ في الخادم — שגיאה 🚒";
    const [number] = (await receiveAlerts(admin, "prod", payloadOf([alertOf("rtl", { annotations: { summary, description: "‏נפל 💥" } })]), at(60))).opened;
    const ticket = await getTicket(admin, number!);
    expect(ticket.title).toBe(summary);
    expect(ticket.description).toContain("‏נפל 💥");
  });

  it("admins keep integrations (audited); managers read; agents are refused", async () => {
    const updated = await updateIntegration(admin, "staging", { severityMap: { critical: { impact: "HIGH", urgency: "MEDIUM" }, warning: { impact: "LOW", urgency: "LOW" }, info: { impact: "LOW", urgency: "LOW" } } }, at(70));
    expect(updated.severityMap.critical).toEqual({ impact: "HIGH", urgency: "MEDIUM" });
    expect(updated.endpointPath).toBe("/api/v1/integrations/alertmanager?integration=staging");
    expect(await db().auditEvent.count({ where: { entity: "Integration" } })).toBeGreaterThanOrEqual(4);
    expect((await refusal(updateIntegration(manager, "staging", { name: "x" }))).status).toBe(403);
    expect((await refusal(createIntegration(l1, { name: "x", slug: "x", customer: "C1001", category: "platform" }))).status).toBe(403);
    expect((await refusal(createIntegration(admin, { name: "x", slug: "prod", customer: "C1001", category: "platform" }))).status).toBe(409);
    const error = await refusal(createIntegration(admin, { name: "x", slug: "y", customer: "l1agent", category: "nope" }));
    expect(Object.keys(error.fields ?? {}).sort()).toEqual(["category", "customer"]);
  });
});
