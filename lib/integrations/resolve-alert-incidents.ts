import type { Actor } from "@/lib/actor";
import type { Transaction } from "@/lib/db/client";
import type { Priority, TicketStatus } from "@/lib/db/generated/enums";
import { resolveChildren } from "@/lib/routing/resolve-children";
import { enqueueStatusMails } from "@/lib/mail/enqueue";
import { clockColumnsOf, clockStateOf, type ClockColumns } from "@/lib/routing/clock-columns";
import { advanceClocks } from "@/lib/routing/clocks";
import { insertEventsSql } from "@/lib/tickets/core/event-rows.sql";
import { loadRulesOf, prismaQuery } from "@/lib/routing/clock-rules";
import type { EventInput } from "@/lib/tickets/core/ticket-store";
import type { AlertIntegration } from "./find-alert-integration";

/** An open alert whose resolution arrived, with how many times the payload carried it. */
export interface ResolvedAlert {
  alertId: number;
  ticketId: number;
  fingerprint: string;
  alertname: string | null;
  endsAt: string;
  count: number;
}

interface LockedTicket extends ClockColumns {
  id: number;
  number: string;
  title: string;
  customerId: string;
  version: number;
  priority: Priority;
  matrixVersionId: string;
  organizationId: string | null;
  groupId: string;
  isMajorIncident: boolean;
}

const FINISHED: TicketStatus[] = ["RESOLVED", "CLOSED"];

/**
 * The alerts resolved: each records a MONITORING_ALERT event on its incident (its owner is notified by the
 * database, migration monitoring_resolved_notifications) and stops being open, so a later firing opens a new
 * incident. If the integration says so, each incident not yet resolved is resolved as a status change does:
 * clocks stop, resolvedAt set, the version moves on, the customer's resolution mail, a major incident's
 * children with it. A fixed number of statements whatever the number of alerts.
 */
export async function resolveAlertIncidents(tx: Transaction, actor: Actor, integration: AlertIntegration, alerts: ResolvedAlert[], now: Date): Promise<string[]> {
  if (!alerts.length) return [];
  const tickets = await tx.$queryRaw<LockedTicket[]>`
    SELECT t."id", t."number", t."title", t."customerId", t."version", t."priority", t."matrixVersionId", t."organizationId", t."groupId", t."status", t."tier", t."isMajorIncident",
      t."slaSecondsUsed", t."slaClockSince", t."l1SecondsUsed", t."l2SecondsUsed", t."l3SecondsUsed", t."tierClockSince",
      t."vendorSecondsUsed", t."vendorClockSince", t."firstRespondedAt", t."nextUpdateDueAt", t."firstResponseDueAt",
      t."resolutionDueAt", t."resolutionWarnAt", t."tierBudgetEndsAt", t."tierBudgetWarnAt"
    FROM "Ticket" t WHERE t."id" = ANY(${alerts.map((a) => a.ticketId)}::int[])
    ORDER BY t."id"
    FOR UPDATE`;
  const byId = new Map(tickets.map((t) => [t.id, t]));
  const toResolve = integration.resolveOnResolved ? tickets.filter((t) => !FINISHED.includes(t.status)) : [];
  const resolving = new Set(toResolve.map((t) => t.id));
  const rulesOf = await loadRulesOf(prismaQuery(tx), toResolve);
  const rows = toResolve.map((t) => {
    const { target, calendars } = rulesOf(t);
    return { ...clockColumnsOf(advanceClocks(clockStateOf(t), { status: "RESOLVED" }, { now, calendars, before: target, after: target })), id: t.id };
  });
  const events: (EventInput & { ticketId: number })[] = [];
  for (const alert of alerts) {
    const ticket = byId.get(alert.ticketId)!;
    const auto = resolving.has(ticket.id);
    const what = `Monitoring alert ${alert.alertname ?? alert.fingerprint} resolved (${integration.name})`;
    events.push({
      ticketId: ticket.id,
      type: "MONITORING_ALERT",
      actorId: actor.id,
      fromTier: ticket.tier,
      toTier: ticket.tier,
      rule: "monitoring.resolved",
      inputs: { integration: integration.slug, fingerprint: alert.fingerprint, status: "resolved", endsAt: alert.endsAt, autoResolved: auto, resolveOnResolved: integration.resolveOnResolved },
      reason: auto
        ? `${what}: the integration resolves its incident with it.`
        : integration.resolveOnResolved
          ? `${what}; the incident was already ${ticket.status === "CLOSED" ? "closed" : "resolved"}.`
          : `${what}; the integration leaves resolving the incident to its owner.`,
      createdAt: now,
    });
    if (auto) {
      events.push({
        ticketId: ticket.id,
        type: "STATUS_CHANGED",
        actorId: actor.id,
        fromTier: ticket.tier,
        toTier: ticket.tier,
        rule: "status.monitoring-resolved",
        inputs: { from: ticket.status, to: "RESOLVED", integration: integration.slug, fingerprint: alert.fingerprint },
        reason: `Resolved because its monitoring alert resolved (${integration.name}): the customer clock stops.`,
        createdAt: now,
      });
    }
  }
  const seen = alerts.map((a) => ({ id: a.alertId, count: a.count }));
  await tx.$executeRaw`
    WITH resolved AS (
      UPDATE "Ticket" AS t SET
        "status" = 'RESOLVED', "resolvedAt" = ${now}, "version" = t."version" + 1, "updatedAt" = ${now},
        "slaSecondsUsed" = v."slaSecondsUsed", "slaClockSince" = v."slaClockSince",
        "l1SecondsUsed" = v."l1SecondsUsed", "l2SecondsUsed" = v."l2SecondsUsed", "l3SecondsUsed" = v."l3SecondsUsed",
        "tierClockSince" = v."tierClockSince", "vendorSecondsUsed" = v."vendorSecondsUsed", "vendorClockSince" = v."vendorClockSince",
        "nextUpdateDueAt" = v."nextUpdateDueAt", "firstResponseDueAt" = v."firstResponseDueAt", "resolutionDueAt" = v."resolutionDueAt",
        "resolutionWarnAt" = v."resolutionWarnAt", "tierBudgetEndsAt" = v."tierBudgetEndsAt", "tierBudgetWarnAt" = v."tierBudgetWarnAt"
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS v(
        "id" int, "slaSecondsUsed" int, "slaClockSince" timestamp(3), "l1SecondsUsed" int, "l2SecondsUsed" int, "l3SecondsUsed" int,
        "tierClockSince" timestamp(3), "vendorSecondsUsed" int, "vendorClockSince" timestamp(3), "nextUpdateDueAt" timestamp(3),
        "firstResponseDueAt" timestamp(3), "resolutionDueAt" timestamp(3), "resolutionWarnAt" timestamp(3),
        "tierBudgetEndsAt" timestamp(3), "tierBudgetWarnAt" timestamp(3))
      WHERE t."id" = v."id"
    ), closed_alerts AS (
      UPDATE "MonitoringAlert" AS m SET "open" = false, "alertStatus" = 'resolved', "resolvedAt" = ${now}, "lastSeenAt" = ${now}, "seenCount" = m."seenCount" + s."count"
      FROM jsonb_to_recordset(${JSON.stringify(seen)}::jsonb) AS s("id" int, "count" int)
      WHERE m."id" = s."id"
    )
    ${insertEventsSql(events)}`;
  await enqueueStatusMails(
    tx,
    toResolve.map((t) => ({
      ticket: t,
      change: { from: t.status, to: "RESOLVED" as const, version: t.version + 1, note: "Our monitoring shows the problem has cleared." },
    })),
    now,
  );
  for (const major of toResolve.filter((t) => t.isMajorIncident)) await resolveChildren(tx, actor, major, now);
  return toResolve.map((t) => t.number);
}
