import type { Actor } from "@/lib/actor";
import { db, type Transaction } from "@/lib/db/client";
import { AppError, forbidden, notFound } from "@/lib/errors";
import { recordEvents } from "@/lib/tickets/core/ticket-store";
import { formatMoment } from "@/lib/tickets/core/update-promise";
import { ZAcknowledgeAlert } from "@/lib/validation/alerts";
import { idCursor } from "@/lib/validation/int4";
import { parseInput } from "@/lib/validation/parse";
import type { VerbInput } from "@/lib/validation/unchecked";
import { ALERT_SELECT, toAlertJson, type AlertJson } from "./alert-json";

export const ALERT_ACKNOWLEDGED_RULE = "alert.acknowledged";

const ZAlertId = idCursor();

/**
 * The timeline's sentence: who acknowledged which alert, and their note. The sweep's alert sentences open with
 * who was told ("The group's leads and the managers are alerted: the P1 resolution target is breached."); what
 * was acknowledged is the part after it, so it reads "Mia Manager acknowledged the alert: the P1 resolution
 * target is breached. Note: …".
 */
export function acknowledgementReason(name: string, alertReason: string, note: string | undefined): string {
  const what = alertReason.trim().replace(/^[^:."]*\bare alerted: /, "").replace(/[.!?]?$/, (end) => end || ".");
  return `${name} acknowledged the alert: ${what}${note ? ` Note: ${note}` : ""}`;
}

/**
 * Whether `actor` may acknowledge the alert: managers and admins any; an agent only one they were told of
 * (a Notification of that alert, e.g. as the group's lead or the assignee). Customers never.
 */
async function mayAcknowledge(tx: Transaction, actor: Actor, alertId: number): Promise<boolean> {
  if (actor.role === "MANAGER" || actor.role === "ADMIN") return true;
  if (actor.role !== "AGENT") return false;
  return (await tx.notification.count({ where: { alertId, recipientId: actor.id } })) > 0;
}

/**
 * A person takes an alert on: recorded exactly once (a conditional UPDATE; whoever comes second gets a 409
 * naming who acknowledged it and when), with an ALERT_ACKNOWLEDGED event on the ticket's staff timeline
 * and the actor's own notifications of the alert marked read, in one transaction.
 */
export async function acknowledgeAlert(actor: Actor, alertId: string, input: VerbInput<typeof ZAcknowledgeAlert>, now = new Date()): Promise<AlertJson> {
  if (actor.role === "CUSTOMER") throw forbidden("Only support staff acknowledge alerts.");
  const parsedId = ZAlertId.safeParse(alertId);
  if (!parsedId.success) throw notFound("Alert");
  const id = Number(parsedId.data);
  const { note } = parseInput(ZAcknowledgeAlert, input ?? {});
  return db().$transaction(async (tx) => {
    const alert = await tx.alert.findUnique({ where: { id }, select: { id: true, ticketId: true, rule: true, reason: true } });
    if (!alert) throw notFound("Alert");
    if (!(await mayAcknowledge(tx, actor, id))) throw forbidden("Only managers, admins and the people told of this alert acknowledge it.");
    const taken = await tx.$queryRaw<{ id: number }[]>`
      UPDATE "Alert" SET "acknowledgedAt" = CAST(${now.toISOString()} AS timestamp(3)), "acknowledgedById" = ${actor.id}, "note" = ${note ?? null}
      WHERE "id" = ${id} AND "acknowledgedAt" IS NULL
      RETURNING "id"`;
    if (!taken.length) throw await alreadyAcknowledged(tx, id);
    const ticket = await tx.ticket.findUniqueOrThrow({ where: { id: alert.ticketId }, select: { tier: true } });
    await recordEvents(tx, alert.ticketId, [
      {
        type: "ALERT_ACKNOWLEDGED",
        actorId: actor.id,
        fromTier: ticket.tier,
        toTier: ticket.tier,
        rule: ALERT_ACKNOWLEDGED_RULE,
        inputs: { alertId: id, alertRule: alert.rule, note: note ?? null },
        reason: acknowledgementReason(actor.name, alert.reason, note),
        createdAt: now,
      },
    ]);
    await tx.notification.updateMany({ where: { alertId: id, recipientId: actor.id, readAt: null }, data: { readAt: now } });
    return toAlertJson(await tx.alert.findUniqueOrThrow({ where: { id }, select: ALERT_SELECT }));
  });
}

async function alreadyAcknowledged(tx: Transaction, id: number): Promise<AppError> {
  const done = await tx.alert.findUniqueOrThrow({ where: { id }, select: { acknowledgedAt: true, acknowledgedBy: { select: { name: true } } } });
  const who = done.acknowledgedBy?.name ?? "someone no longer here";
  const when = done.acknowledgedAt ? ` at ${formatMoment(done.acknowledgedAt.toISOString())}` : "";
  return new AppError("CONFLICT", `Already acknowledged by ${who}${when}.`, undefined, {
    acknowledgedBy: done.acknowledgedBy?.name ?? null,
    acknowledgedAt: done.acknowledgedAt?.toISOString() ?? null,
  });
}
