import type { Actor } from "@/lib/actor";
import type { Transaction } from "@/lib/db/client";
import type { Priority } from "@/lib/db/generated/enums";
import { enqueueStatusMails } from "@/lib/mail/enqueue";
import { clockColumnsOf, clockStateOf, type ClockColumns } from "@/lib/routing/clock-columns";
import { advanceClocks } from "@/lib/routing/clocks";
import { insertEventsSql } from "@/lib/tickets/core/event-rows.sql";
import { loadRulesOf, prismaQuery } from "@/lib/routing/clock-rules";
import type { EventInput } from "@/lib/tickets/core/ticket-store";

interface OpenChild extends ClockColumns {
  id: number;
  number: string;
  title: string;
  customerId: string;
  version: number;
  priority: Priority;
  matrixVersionId: string;
  organizationId: string | null;
  groupId: string;
}

/**
 * The parent's resolution note: its latest public reply (the update that told everyone the fix), which the
 * children's customers already received as a copy; null when the parent has none.
 */
async function resolutionNote(tx: Transaction, parentId: number): Promise<string | null> {
  const last = await tx.comment.findFirst({ where: { ticketId: parentId, visibility: "PUBLIC" }, orderBy: { id: "desc" }, select: { body: true } });
  return last?.body ?? null;
}

/**
 * Resolving a major incident resolves every OPEN child (never a closed or already resolved one) as a
 * status change would: clocks stop on each child's own rules, resolvedAt is set, the version moves on, an
 * event per child, and each customer's resolution mail (sent at once, as `mailTiming` says of a resolution)
 * carries the parent's resolution note. A fixed number of statements whatever the number of children.
 */
export async function resolveChildren(tx: Transaction, actor: Actor, parent: { id: number; number: string }, now: Date): Promise<number> {
  const children = await tx.$queryRaw<OpenChild[]>`
    SELECT t."id", t."number", t."title", t."customerId", t."version", t."priority", t."matrixVersionId", t."organizationId", t."groupId", t."status", t."tier",
      t."slaSecondsUsed", t."slaClockSince", t."l1SecondsUsed", t."l2SecondsUsed", t."l3SecondsUsed", t."tierClockSince",
      t."vendorSecondsUsed", t."vendorClockSince", t."firstRespondedAt", t."nextUpdateDueAt", t."firstResponseDueAt",
      t."resolutionDueAt", t."resolutionWarnAt", t."tierBudgetEndsAt", t."tierBudgetWarnAt"
    FROM "Ticket" t
    WHERE t."majorIncidentId" = ${parent.id} AND t."status" NOT IN ('RESOLVED', 'CLOSED')
    ORDER BY t."id"
    FOR UPDATE`;
  if (!children.length) return 0;
  const note = await resolutionNote(tx, parent.id);
  const rulesOf = await loadRulesOf(prismaQuery(tx), children);
  const rows: Record<string, unknown>[] = [];
  const events: (EventInput & { ticketId: number })[] = [];
  for (const child of children) {
    const { target, calendars } = rulesOf(child);
    const c = clockColumnsOf(advanceClocks(clockStateOf(child), { status: "RESOLVED" }, { now, calendars, before: target, after: target }));
    rows.push({ ...c, id: child.id });
    events.push({
      ticketId: child.id,
      type: "STATUS_CHANGED",
      actorId: actor.id,
      fromTier: child.tier,
      toTier: child.tier,
      rule: "status.major-incident-resolved",
      inputs: { from: child.status, to: "RESOLVED", majorIncident: parent.number },
      reason: `${actor.name} resolved major incident ${parent.number}: this attached ticket is resolved with it.`,
      createdAt: now,
    });
  }
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
    )
    ${insertEventsSql(events)}`;
  const withNote = note ? `Resolved together with the incident it was part of:\n\n${note}` : "Resolved together with the incident it was part of.";
  await enqueueStatusMails(
    tx,
    children.map((c) => ({ ticket: c, change: { from: c.status, to: "RESOLVED" as const, version: c.version + 1, note: withNote } })),
    now,
  );
  return children.length;
}
