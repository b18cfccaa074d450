import { beforeAll, expect, it } from "vitest";
import type { Actor } from "@/lib/actor";
import { updateSupportGroup } from "@/lib/admin/update-support-group";
import { acknowledgeAlert } from "@/lib/alerts/acknowledge-alert";
import { listOpenAlerts } from "@/lib/alerts/list-open-alerts";
import { AppError } from "@/lib/errors";
import { runSweep } from "@/lib/routing/sweep";
import { seedDemoData } from "@/lib/seed/demo-data";
import { getCustomerConversation } from "@/lib/tickets/customer-conversation";
import { createTicket } from "@/lib/tickets/create-ticket";
import { requestEscalation } from "@/lib/tickets/escalation-request";
import { listEvents } from "@/lib/tickets/list-events";
import { unchecked } from "@/lib/validation/unchecked";
import { actorFor } from "../fixtures/actors";
import { describeEachDatabase } from "../fixtures/test-database";

const at = (minutes: number) => new Date(Date.parse("2026-12-01T09:00:00Z") + minutes * 60_000);

async function failure(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected an AppError");
}

describeEachDatabase("Acknowledging an alert", (database) => {
  let acme: Actor;
  let l1: Actor;
  let l2: Actor;
  let l3: Actor;
  let manager: Actor;
  let admin: Actor;
  let minute = 0;

  beforeAll(async () => {
    const db = database().db;
    await seedDemoData(db);
    acme = await actorFor(db, "C1001");
    l1 = await actorFor(db, "l1agent");
    l2 = await actorFor(db, "l2agent");
    l3 = await actorFor(db, "l3agent");
    manager = await actorFor(db, "manager");
    admin = await actorFor(db, "admin");
    // The admin makes Lena the service desk's lead: she is told of escalation requests on its tickets.
    await updateSupportGroup(admin, { slug: "service-desk", name: "Service Desk", assignmentMode: "PULL", members: ["l1agent", "l1agent2"], leads: ["l1agent"] });
  });

  /** A P2 ticket whose customer asks for escalation: an alert for the assignee, the desk's lead and the managers. */
  async function escalationRequestAlert(title = "Invoices stuck") {
    const ticket = await createTicket(acme, { type: "INCIDENT", title, description: "Nothing goes out.", category: "platform", impact: "HIGH", urgency: "MEDIUM" }, at(minute++));
    const version = (await database().db.ticket.findUniqueOrThrow({ where: { number: ticket.number } })).version;
    await requestEscalation(acme, ticket.number, { version, reason: "Month-end close is tomorrow." }, at(minute++));
    const alert = await database().db.alert.findFirstOrThrow({ where: { ticket: { number: ticket.number } } });
    return { number: ticket.number, alertId: String(alert.id), reason: alert.reason };
  }

  it("records the acknowledgement once, on the staff timeline, and marks the acknowledger's notification read", async () => {
    const { number, alertId, reason } = await escalationRequestAlert();
    const db = database().db;
    expect(await db.notification.count({ where: { alertId: Number(alertId), recipientId: manager.id, readAt: null } })).toBe(1);
    const acknowledged = await acknowledgeAlert(manager, alertId, { note: "  Calling the customer now.  " }, at(100));
    expect(acknowledged).toMatchObject({
      id: Number(alertId),
      rule: "customer.escalation-request",
      label: "Customer asked for escalation",
      ticket: { number, title: "Invoices stuck" },
      acknowledgedAt: at(100).toISOString(),
      acknowledgedBy: { userId: "manager", name: "Mia Manager" },
      note: "Calling the customer now.",
    });
    expect(await db.notification.count({ where: { alertId: Number(alertId), recipientId: manager.id, readAt: null } })).toBe(0);
    // Lena's own notification stays unread: only the acknowledger's are marked.
    expect(await db.notification.count({ where: { alertId: Number(alertId), recipientId: l1.id, readAt: null } })).toBe(1);

    const last = (await listEvents(manager, number)).at(-1)!;
    expect(last).toMatchObject({
      type: "ALERT_ACKNOWLEDGED",
      actor: { userId: "manager", name: "Mia Manager" },
      details: { rule: "alert.acknowledged", inputs: { alertId: Number(alertId), alertRule: "customer.escalation-request", note: "Calling the customer now." } },
    });
    expect(last.explanation).toBe(`Mia Manager acknowledged the alert: ${reason} Note: Calling the customer now.`);
    // The customer's timeline is the ticket's public story: the acknowledgement is support's business.
    expect((await listEvents(acme, number)).map((e) => e.type)).not.toContain("ALERT_ACKNOWLEDGED");
    expect((await getCustomerConversation(acme, number)).history.map((h) => h.explanation).join(" ")).not.toContain("acknowledged");
    // It leaves the Open alerts panel.
    expect((await listOpenAlerts(manager, {}, at(101))).alerts.map((a) => a.id)).not.toContain(Number(alertId));
  });

  it("refuses a second acknowledgement with a 409 that names who acknowledged it and when", async () => {
    const { alertId } = await escalationRequestAlert();
    await acknowledgeAlert(manager, alertId, {}, at(200));
    const error = await failure(acknowledgeAlert(admin, alertId, { note: "me too" }, at(201)));
    expect(error.status).toBe(409);
    expect(error.message).toBe("Already acknowledged by Mia Manager at 1 Dec, 12:20 UTC.");
    const alert = await database().db.alert.findUniqueOrThrow({ where: { id: Number(alertId) } });
    expect({ by: alert.acknowledgedById, note: alert.note }).toEqual({ by: manager.id, note: null });
  });

  it("50 acknowledgements at once: exactly one succeeds and one event is written; the others are 409", async () => {
    const { number, alertId } = await escalationRequestAlert();
    const results = await Promise.allSettled(Array.from({ length: 50 }, (_, i) => acknowledgeAlert(i % 2 ? manager : admin, alertId, { note: `try ${i}` }, at(300))));
    const fulfilled = results.filter((r) => r.status === "fulfilled");
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(fulfilled).toHaveLength(1);
    expect(rejected.map((r) => (r.reason as AppError).status)).toEqual(Array(49).fill(409));
    expect(new Set(rejected.map((r) => (r.reason as AppError).message)).size).toBe(1);
    const ticket = await database().db.ticket.findUniqueOrThrow({ where: { number } });
    expect(await database().db.ticketEvent.count({ where: { ticketId: ticket.id, type: "ALERT_ACKNOWLEDGED" } })).toBe(1);
  });

  it("lets a person told of the alert (here the group's lead) acknowledge it; an agent not told of it is refused", async () => {
    const first = await escalationRequestAlert();
    expect((await failure(acknowledgeAlert(l3, first.alertId, {}, at(400)))).status).toBe(403);
    expect((await failure(acknowledgeAlert(l2, first.alertId, {}, at(400)))).status).toBe(403);
    // Lena leads the desk the ticket sits in: she was told, so she may take it on.
    expect((await acknowledgeAlert(l1, first.alertId, {}, at(401))).acknowledgedBy).toEqual({ userId: "l1agent", name: "Lena First" });
    const second = await escalationRequestAlert();
    expect((await acknowledgeAlert(admin, second.alertId, {}, at(402))).acknowledgedBy?.userId).toBe("admin");
  });

  it("is 404 for an unknown or malformed id and 403 for a customer, even one whose ticket it is", async () => {
    const { alertId } = await escalationRequestAlert();
    for (const id of ["999999", "0", "-1", "abc", "2147483648", "1.5", ""]) expect((await failure(acknowledgeAlert(manager, id, {}, at(500)))).status, id).toBe(404);
    expect((await failure(acknowledgeAlert(acme, alertId, {}, at(500)))).status).toBe(403);
    expect((await database().db.alert.findUniqueOrThrow({ where: { id: Number(alertId) } })).acknowledgedAt).toBeNull();
  });

  it("validates the note: NUL, too long or not text is 400 naming the field; emoji and right-to-left text are stored as written", async () => {
    const { alertId } = await escalationRequestAlert();
    for (const body of [{ note: "a\u0000b" }, { note: "x".repeat(2_001) }, { note: 42 }, { other: "field" }, []]) {
      const error = await failure(acknowledgeAlert(manager, alertId, unchecked(body), at(600)));
      expect(error.status, JSON.stringify(body).slice(0, 40)).toBe(400);
    }
    expect((await failure(acknowledgeAlert(manager, alertId, { note: "a\u0000b" }, at(600)))).fields).toHaveProperty("note");
    const note = "Escalated 🚀 مرحبا بالعالم";
    expect((await acknowledgeAlert(manager, alertId, { note }, at(601))).note).toBe(note);
  });

  it("a breach the sweep raises mails the manager (who has an address) and is acknowledged like any alert", async () => {
    const db = database().db;
    const start = 2_000;
    const ticket = await createTicket(acme, { type: "INCIDENT", title: "Checkout down", description: "All payments fail.", category: "platform", impact: "HIGH", urgency: "HIGH" }, at(start));
    await runSweep(at(start + 15));
    await runSweep(at(start + 4 * 60 + 1));
    const alert = await db.alert.findFirstOrThrow({ where: { ticket: { number: ticket.number }, rule: "sla.resolution-100" } });
    const mail = await db.outboxMessage.findMany({ where: { ticket: { number: ticket.number }, toAddress: "manager@tierdesk.example" } });
    expect(mail.map((m) => [m.subject, m.linkPath])).toContainEqual([`[${ticket.number}] Resolution target breached: Checkout down`, `/queue/tickets/${ticket.number}`]);
    const open = await listOpenAlerts(manager, {}, at(start + 5 * 60));
    expect(open.alerts.find((a) => a.id === alert.id)).toMatchObject({ label: "Resolution target breached", ageSeconds: 59 * 60 });
    await acknowledgeAlert(manager, String(alert.id), { note: "On it." }, at(start + 5 * 60));
    expect((await listEvents(manager, ticket.number)).at(-1)!.explanation).toMatch(/^Mia Manager acknowledged the alert: .+ Note: On it\.$/);
  });
});
