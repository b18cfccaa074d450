import { beforeAll, expect, it } from "vitest";
import type { Actor } from "@/lib/actor";
import { acknowledgeAlert } from "@/lib/alerts/acknowledge-alert";
import { listOpenAlerts, OPEN_ALERTS_PAGE_SIZE } from "@/lib/alerts/list-open-alerts";
import { findMetricTickets } from "@/lib/metrics/find-metric-tickets";
import { getEscalationMetrics } from "@/lib/metrics/get-escalation-metrics";
import { seedDemoData } from "@/lib/seed/demo-data";
import { createTicket } from "@/lib/tickets/create-ticket";
import { requestEscalation } from "@/lib/tickets/escalation-request";
import type { DashboardMetric } from "@/lib/validation/dashboard";
import { actorFor } from "../fixtures/actors";
import { describeEachDatabase } from "../fixtures/test-database";

const t = (iso: string) => new Date(iso);

describeEachDatabase("Alerts on the manager dashboard", (database) => {
  let acme: Actor;
  let manager: Actor;
  const numbers: Record<string, string> = {};
  const alertIds: Record<string, string> = {};

  /** A P2 ticket opened at `openedAt` whose customer asks for escalation at `askedAt`: one alert raised then. */
  async function alertAt(key: string, openedAt: string, askedAt: string) {
    const ticket = await createTicket(acme, { type: "INCIDENT", title: `Ticket ${key}`, description: "Stuck.", category: "platform", impact: "HIGH", urgency: "MEDIUM" }, t(openedAt));
    const { version } = await database().db.ticket.findUniqueOrThrow({ where: { number: ticket.number } });
    await requestEscalation(acme, ticket.number, { version, reason: "It is urgent for us." }, t(askedAt));
    const alert = await database().db.alert.findFirstOrThrow({ where: { ticket: { number: ticket.number } } });
    numbers[key] = ticket.number;
    alertIds[key] = String(alert.id);
  }

  beforeAll(async () => {
    const db = database().db;
    await seedDemoData(db);
    acme = await actorFor(db, "C1001");
    manager = await actorFor(db, "manager");
    // The day before the period: one alert, acknowledged after an hour.
    await alertAt("A", "2026-11-09T08:00:00Z", "2026-11-09T09:00:00Z");
    await acknowledgeAlert(manager, alertIds.A!, {}, t("2026-11-09T10:00:00Z"));
    // The period (10 Nov): three alerts; two acknowledged after 30 min and 2 h, one still open.
    await alertAt("B", "2026-11-10T08:00:00Z", "2026-11-10T09:00:00Z");
    await alertAt("C", "2026-11-10T08:00:00Z", "2026-11-10T10:00:00Z");
    await alertAt("D", "2026-11-10T08:00:00Z", "2026-11-10T11:00:00Z");
    await acknowledgeAlert(manager, alertIds.B!, {}, t("2026-11-10T09:30:00Z"));
    await acknowledgeAlert(manager, alertIds.C!, { note: "Vendor called." }, t("2026-11-10T12:00:00Z"));
  });

  const period = { period: "custom", from: "2026-11-10", to: "2026-11-10" };
  const now = t("2026-11-11T08:00:00Z");

  it("counts alerts raised and acknowledged in the period, with the median time to acknowledge, against the period before", async () => {
    const { alerts } = await getEscalationMetrics(manager, period, now);
    expect(alerts).toEqual({
      raised: 3,
      acknowledged: 2,
      medianSecondsToAcknowledge: (30 * 60 + 2 * 3600) / 2,
      previous: { raised: 1, acknowledged: 1, medianSecondsToAcknowledge: 3600 },
    });
    // The filters apply to the alerts' tickets.
    expect((await getEscalationMetrics(manager, { ...period, priority: "P5" }, now)).alerts).toMatchObject({ raised: 0, acknowledged: 0, medianSecondsToAcknowledge: null });
    expect((await getEscalationMetrics(manager, { ...period, priority: "P2" }, now)).alerts.raised).toBe(3);
  });

  it("drills down to the tickets behind each alert figure", async () => {
    const listed = async (metric: DashboardMetric) => (await findMetricTickets(manager, { ...period, metric }, now)).rows.map((r) => r.number).sort();
    expect(await listed("alerts-raised")).toEqual([numbers.B, numbers.C, numbers.D].sort());
    expect(await listed("alerts-acknowledged")).toEqual([numbers.B, numbers.C].sort());
  });

  it("lists open alerts oldest first with their age, 20 a page by keyset, and the count of all", async () => {
    const db = database().db;
    const ticket = await db.ticket.findUniqueOrThrow({ where: { number: numbers.D! } });
    // 25 breaches of the resolution target written the way the sweep writes them: the trigger opens an Alert for each.
    await db.ticketEvent.createMany({
      data: Array.from({ length: 25 }, (_, i) => ({
        ticketId: ticket.id,
        type: "ALERT" as const,
        fromTier: ticket.tier,
        toTier: ticket.tier,
        rule: "sla.resolution-100",
        reason: `Breach ${i}.`,
        // Two share each minute: the id breaks the tie.
        createdAt: t(`2026-11-12T10:${String(Math.floor(i / 2)).padStart(2, "0")}:00Z`),
      })),
    });
    const at = t("2026-11-12T13:12:00Z");
    const first = await listOpenAlerts(manager, {}, at);
    expect(first.count).toBe(26);
    expect(first.alerts).toHaveLength(OPEN_ALERTS_PAGE_SIZE);
    // D's escalation request (10 Nov, 11:00) is the oldest open one; then the breaches in order.
    expect(first.alerts[0]).toMatchObject({ id: Number(alertIds.D), label: "Customer asked for escalation", ticket: { number: numbers.D } });
    expect(first.alerts.slice(1).map((a) => a.reason)).toEqual(Array.from({ length: 19 }, (_, i) => `Breach ${i}.`));
    expect(first.alerts[1]).toMatchObject({ label: "Resolution target breached", ageSeconds: 3 * 3600 + 12 * 60 });
    const second = await listOpenAlerts(manager, { after: first.nextAfter! }, at);
    expect(second.alerts.map((a) => a.reason)).toEqual(Array.from({ length: 6 }, (_, i) => `Breach ${19 + i}.`));
    expect(second.nextAfter).toBeNull();
    // Acknowledged ones leave the list.
    await acknowledgeAlert(manager, String(first.alerts[0]!.id), {}, at);
    expect((await listOpenAlerts(manager, {}, at)).count).toBe(25);
  });

  it("is for managers and admins; a bad cursor is 400", async () => {
    const l1 = await actorFor(database().db, "l1agent");
    await expect(listOpenAlerts(l1, {})).rejects.toMatchObject({ status: 403 });
    await expect(listOpenAlerts(acme, {})).rejects.toMatchObject({ status: 403 });
    await expect(listOpenAlerts(manager, { after: "x\u0000" })).rejects.toMatchObject({ status: 400 });
    await expect(listOpenAlerts(manager, { after: "99999999999" })).rejects.toMatchObject({ status: 400 });
  });
});
