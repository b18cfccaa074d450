// The SLA sweep: automatic escalation when a tier's budget is spent, manager alerts at 75 % and 100 %
// of the resolution target, and customer updates that fell due. Set-based: a fixed number of statements
// whatever the number of tickets; idempotent: a second run finds nothing left to do; one instance at a
// time across every app instance on the database (transaction-scoped advisory lock).
import { db, type Transaction } from "@/lib/db/client";
import type { Tier } from "@/lib/db/generated/enums";
import { PRIORITY_WEIGHT } from "./candidates";
import { clockColumnsOf, clockStateOf } from "./clock-columns";
import { advanceClocks } from "./clocks";
import { NEXT_TIER } from "./escalation";
import { escalationTargetSlug } from "./groups";
import { placeInGroup } from "./placement";
import { tierBudgetMinutes } from "./sla";
import { calendarData } from "./matrix-store";
import { loadCandidates, ROUTING_INCLUDE, type EventInput } from "./ticket-store";

export interface SweepResult {
  escalated: number;
  alerted: number;
  updatesDue: number;
  /** Another instance held the sweep lock: this run did nothing. */
  skipped: boolean;
}

const SWEEP_LOCK_KEY = 7_262_023;
/** Tickets auto-escalated per run; the rest follow a minute later. */
export const SWEEP_BATCH = 5_000;

export async function runSweep(now = new Date()): Promise<SweepResult> {
  return db().$transaction(
    async (tx) => {
      const [lock] = await tx.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_xact_lock(${SWEEP_LOCK_KEY}) AS locked`;
      if (!lock?.locked) return { escalated: 0, alerted: 0, updatesDue: 0, skipped: true };
      const escalated = await escalateSpentBudgets(tx, now);
      const alerted = (await alertL3BudgetSpent(tx, now)) + (await alertResolution(tx, now));
      const updatesDue = await flagUpdatesDue(tx, now);
      return { escalated, alerted, updatesDue, skipped: false };
    },
    { timeout: 120_000 },
  );
}

async function escalateSpentBudgets(tx: Transaction, now: Date): Promise<number> {
  const locked = await tx.$queryRaw<{ id: number }[]>`
    SELECT "id" FROM "Ticket"
    WHERE "tierBudgetEndsAt" <= ${now} AND "tier" IN ('L1', 'L2')
    ORDER BY "tierBudgetEndsAt", "id"
    LIMIT ${SWEEP_BATCH}
    FOR UPDATE SKIP LOCKED`;
  if (!locked.length) return 0;
  const tickets = await tx.ticket.findMany({ where: { id: { in: locked.map((r) => r.id) } }, include: ROUTING_INCLUDE, orderBy: [{ priority: "asc" }, { tierBudgetEndsAt: "asc" }] });

  const targetSlugs = new Set(tickets.map((t) => escalationTargetSlug(NEXT_TIER[t.tier]!, undefined, t.category.l2Group?.slug ?? null)!));
  const groups = new Map((await tx.supportGroup.findMany({ where: { slug: { in: [...targetSlugs] } } })).map((g) => [g.slug, g]));
  const candidates = await loadCandidates(tx, [...groups.values()].filter((g) => g.assignmentMode === "AUTO").map((g) => g.id));
  const versions = await tx.priorityMatrixVersion.findMany({
    where: { id: { in: [...new Set(tickets.map((t) => t.matrixVersionId))] } },
    include: { targets: true, calendar: { include: { holidays: true } } },
  });
  const rulesOf = new Map(versions.map((v) => [v.id, { targets: v.targets, calendar: calendarData(v.calendar) }]));

  const rows: Record<string, unknown>[] = [];
  const events: EventInput[] = [];
  const eventTickets: number[] = [];
  const assignedUsers = new Set<string>();
  for (const ticket of tickets) {
    const toTier = NEXT_TIER[ticket.tier] as Tier;
    const group = groups.get(escalationTargetSlug(toTier, undefined, ticket.category.l2Group?.slug ?? null)!);
    if (!group) continue;
    const pool = candidates.get(group.id) ?? [];
    const placement = placeInGroup(group, pool);
    if (placement.assignee) {
      // Later tickets in this run see the load this one adds.
      placement.assignee.load += PRIORITY_WEIGHT[ticket.priority];
      placement.assignee.openTickets += 1;
      placement.assignee.lastAssignedAt = now;
      assignedUsers.add(placement.assignee.id);
    }
    const rules = rulesOf.get(ticket.matrixVersionId)!;
    const target = rules.targets.find((t) => t.priority === ticket.priority)!;
    const status = placement.assignee ? "ASSIGNED" : "NEW";
    const clocks = advanceClocks(clockStateOf(ticket), { tier: toTier, status }, { now, calendar: rules.calendar, before: target, after: target });
    const c = clockColumnsOf(clocks);
    rows.push({
      id: ticket.id,
      tier: toTier,
      status,
      group_id: group.id,
      assignee_id: placement.assignee?.id ?? null,
      l1: c.l1SecondsUsed,
      l2: c.l2SecondsUsed,
      l3: c.l3SecondsUsed,
      tier_since: c.tierClockSince,
      budget_ends: c.tierBudgetEndsAt,
      budget_warn: c.tierBudgetWarnAt,
      sla_used: c.slaSecondsUsed,
      sla_since: c.slaClockSince,
    });
    const budget = tierBudgetMinutes(target, ticket.tier)!;
    const spentTier = ticket.tier as "L1" | "L2";
    events.push({
      type: "AUTO_ESCALATED",
      actorId: null,
      fromTier: ticket.tier,
      toTier,
      fromGroup: ticket.group.slug,
      toGroup: group.slug,
      fromAssignee: ticket.assignee?.userId ?? null,
      toAssignee: placement.assignee?.userId ?? null,
      rule: `budget.${ticket.tier.toLowerCase()}`,
      inputs: {
        budget: ticket.tier,
        budgetMinutes: budget,
        minutesUsed: Math.round(clocks.tierSecondsUsed[spentTier] / 60),
        budgetEndedAt: ticket.tierBudgetEndsAt?.toISOString() ?? null,
        clock: target.clock,
      },
      reason: `Escalated to ${toTier} ${group.name} automatically: ${ticket.tier} budget of ${formatMinutes(budget)} spent.`,
      createdAt: now,
    });
    eventTickets.push(ticket.id);
    if (placement.decision) {
      events.push({ type: "ASSIGNED", actorId: null, fromTier: toTier, toTier, toGroup: group.slug, toAssignee: placement.assignee?.userId ?? null, createdAt: now, ...placement.decision });
      eventTickets.push(ticket.id);
    }
  }
  if (!rows.length) return 0;

  // All rows in one parameter each: one UPDATE and one INSERT whatever the batch size.
  await tx.$executeRaw`
    UPDATE "Ticket" AS t SET
      "tier" = v.tier, "status" = v.status, "groupId" = v.group_id, "assigneeId" = v.assignee_id,
      "l1SecondsUsed" = v.l1, "l2SecondsUsed" = v.l2, "l3SecondsUsed" = v.l3,
      "tierClockSince" = v.tier_since, "tierBudgetEndsAt" = v.budget_ends, "tierBudgetWarnAt" = v.budget_warn,
      "slaSecondsUsed" = v.sla_used, "slaClockSince" = v.sla_since,
      "tierEnteredAt" = ${now}, "version" = t."version" + 1, "updatedAt" = ${now}
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS v(
      id int, tier "Tier", status "TicketStatus", group_id text, assignee_id text, l1 int, l2 int, l3 int,
      tier_since timestamp(3), budget_ends timestamp(3), budget_warn timestamp(3), sla_used int, sla_since timestamp(3))
    WHERE t."id" = v.id`;
  await insertEvents(tx, events.map((e, i) => ({ ...e, ticketId: eventTickets[i]! })));
  if (assignedUsers.size) await tx.user.updateMany({ where: { id: { in: [...assignedUsers] } }, data: { lastAssignedAt: now } });
  return rows.length;
}

async function insertEvents(tx: Transaction, events: (EventInput & { ticketId: number })[]): Promise<void> {
  await tx.$executeRaw`
    INSERT INTO "TicketEvent" ("ticketId", "type", "actorId", "fromTier", "toTier", "fromGroup", "toGroup", "fromAssignee", "toAssignee", "rule", "inputs", "reason", "createdAt")
    SELECT "ticketId", "type", "actorId", "fromTier", "toTier", "fromGroup", "toGroup", "fromAssignee", "toAssignee", "rule", "inputs", "reason", "createdAt"
    FROM jsonb_to_recordset(${JSON.stringify(events)}::jsonb) AS e(
      "ticketId" int, "type" "TicketEventType", "actorId" text, "fromTier" "Tier", "toTier" "Tier", "fromGroup" text, "toGroup" text,
      "fromAssignee" text, "toAssignee" text, "rule" text, "inputs" jsonb, "reason" text, "createdAt" timestamp(3))`;
}

/** L3 cannot hand off to L4 without a vendor's reference: when its budget is spent, managers are told instead. */
async function alertL3BudgetSpent(tx: Transaction, now: Date): Promise<number> {
  return tx.$executeRaw`
    WITH spent AS (
      UPDATE "Ticket" SET "tierBudgetEndsAt" = NULL, "tierBudgetWarnAt" = NULL, "version" = "version" + 1
      WHERE "tierBudgetEndsAt" <= ${now} AND "tier" = 'L3'
      RETURNING "id", "priority"
    )
    INSERT INTO "TicketEvent" ("ticketId", "type", "fromTier", "toTier", "rule", "inputs", "reason", "createdAt")
    SELECT "id", 'ALERT', 'L3', 'L3', 'budget.l3',
      jsonb_build_object('budget', 'L3', 'priority', "priority", 'notify', 'managers'),
      'Managers alerted: the L3 budget is spent and an L4 handoff needs a decision.', ${now}
    FROM spent`;
}

/** Hierarchical escalation: managers are alerted at 75 % and at 100 % of the resolution target, once each. */
async function alertResolution(tx: Transaction, now: Date): Promise<number> {
  return tx.$executeRaw`
    WITH alerted AS (
      UPDATE "Ticket" SET "slaAlertLevel" = CASE WHEN "resolutionDueAt" <= ${now} THEN 100 ELSE 75 END
      WHERE ("resolutionWarnAt" <= ${now} AND "slaAlertLevel" < 75)
         OR ("resolutionDueAt" <= ${now} AND "slaAlertLevel" < 100)
      RETURNING "id", "tier", "priority", "slaAlertLevel", "resolutionDueAt"
    )
    INSERT INTO "TicketEvent" ("ticketId", "type", "fromTier", "toTier", "rule", "inputs", "reason", "createdAt")
    SELECT "id", 'ALERT', "tier", "tier", 'sla.resolution-' || "slaAlertLevel",
      jsonb_build_object('percent', "slaAlertLevel", 'priority', "priority", 'resolutionDueAt', "resolutionDueAt", 'notify', 'managers'),
      CASE WHEN "slaAlertLevel" = 100
        THEN 'Managers alerted: the ' || "priority" || ' resolution target is breached.'
        ELSE 'Managers alerted: 75 % of the ' || "priority" || ' resolution target is used.' END,
      ${now}
    FROM alerted`;
}

/** Customer updates that fell due with no public reply: flagged for L1 once, until the next reply clears it. */
async function flagUpdatesDue(tx: Transaction, now: Date): Promise<number> {
  return tx.$executeRaw`
    WITH due AS (
      UPDATE "Ticket" SET "updateDueFlaggedAt" = ${now}
      WHERE "nextUpdateDueAt" <= ${now} AND "updateDueFlaggedAt" IS NULL
      RETURNING "id", "tier", "nextUpdateDueAt"
    )
    INSERT INTO "TicketEvent" ("ticketId", "type", "fromTier", "toTier", "rule", "inputs", "reason", "createdAt")
    SELECT "id", 'ALERT', "tier", "tier", 'sla.customer-update',
      jsonb_build_object('nextUpdateDueAt', "nextUpdateDueAt"),
      'A customer update is due: no public reply since the last one was promised.', ${now}
    FROM due`;
}

function formatMinutes(minutes: number): string {
  return minutes < 60 || minutes % 60 ? `${minutes} min` : `${minutes / 60} h`;
}
