// The SLA sweep: automatic escalation when a tier's budget is spent (the customer is mailed, held and
// coalesced, when that changes the status they see), manager alerts at 75 % and 100 %
// of the resolution target, customer updates that fell due (and managers told when one is overdue by half
// the cadence), and resolved tickets closed when the customer has not answered for a few business days. Set-based: a fixed number of statements
// whatever the number of tickets; idempotent: a second run finds nothing left to do; one instance at a
// time across every app instance on the database (transaction-scoped advisory lock). It never waits for a ticket
// another transaction holds: that one is left to the next run (an escalation holding the ticket may be waiting for
// an agent's row this run already changed, and one of the two would be ended as a deadlock).
import { db, type Transaction } from "@/lib/db/client";
import { heldStatusMailRow, upsertHeldMailRowsSql, type MailRow } from "@/lib/mail/enqueue";
import type { Priority, SlaClock, Tier } from "@/lib/db/generated/enums";
import { PRIORITY_WEIGHT } from "./candidates";
import { closeResolvedTickets } from "./close-resolved";
import { clockColumnsOf, clockStateOf, type ClockColumns } from "./clock-columns";
import { advanceClocks } from "./clocks";
import { NEXT_TIER } from "./escalation";
import { escalationTargetSlug } from "./groups";
import { placeInGroup } from "./placement";
import { addClockMinutes, tierBudgetMinutes } from "./sla";
import { insertEventsSql } from "./event-rows";
import { loadCandidates, loadVersionRules, type EventInput } from "./ticket-store";
import { loadSopSteps, sopNote } from "./sweep-sop";

export interface SweepResult {
  escalated: number;
  alerted: number;
  updatesDue: number;
  /** Resolved tickets closed after the support calendar's autoCloseBusinessDays without a customer reply. */
  closed: number;
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
      if (!lock?.locked) return { escalated: 0, alerted: 0, updatesDue: 0, closed: 0, skipped: true };
      const escalated = await escalateSpentBudgets(tx, now);
      let alerted = (await alertL3BudgetSpent(tx, now)) + (await alertResolution(tx, now));
      const updatesDue = await flagUpdatesDue(tx, now);
      alerted += await alertUpdatesOverdue(tx, now);
      const closed = await closeResolvedTickets(tx, now);
      return { escalated, alerted, updatesDue, closed, skipped: false };
    },
    { timeout: 120_000 },
  );
}

/** A ticket whose tier budget is spent, as the escalation reads it (locked). */
interface SpentTicket extends ClockColumns {
  id: number;
  number: string;
  title: string;
  customerId: string;
  version: number;
  priority: Priority;
  matrixVersionId: string;
  groupSlug: string;
  assigneeUserId: string | null;
  categoryL2Group: string | null;
  /** At L1 only: the category's SOP article and the steps ticked on the ticket (the log notes the steps left). */
  sopArticleId: string | null;
  sopDone: string[] | null;
}

async function escalateSpentBudgets(tx: Transaction, now: Date): Promise<number> {
  // Read and lock in one statement; a ticket another transaction holds is left for the next run.
  const spent = await tx.$queryRaw<SpentTicket[]>`
    SELECT t."id", t."number", t."title", t."customerId", t."version", t."priority", t."matrixVersionId", t."status", t."tier", t."slaSecondsUsed", t."slaClockSince",
      t."l1SecondsUsed", t."l2SecondsUsed", t."l3SecondsUsed", t."tierClockSince", t."vendorSecondsUsed", t."vendorClockSince",
      t."firstRespondedAt", t."nextUpdateDueAt", t."firstResponseDueAt", t."resolutionDueAt", t."resolutionWarnAt",
      t."tierBudgetEndsAt", t."tierBudgetWarnAt",
      g."slug" AS "groupSlug", a."userId" AS "assigneeUserId", l2."slug" AS "categoryL2Group",
      CASE WHEN t."tier" = 'L1' THEN c."sopArticleId" END AS "sopArticleId",
      CASE WHEN t."tier" = 'L1' AND c."sopArticleId" IS NOT NULL
        THEN ARRAY(SELECT s."step" FROM "TicketSopStep" s WHERE s."ticketId" = t."id" AND s."done") END AS "sopDone"
    FROM "Ticket" t
    JOIN "SupportGroup" g ON g."id" = t."groupId"
    JOIN "Category" c ON c."id" = t."categoryId"
    LEFT JOIN "SupportGroup" l2 ON l2."id" = c."l2GroupId"
    LEFT JOIN "User" a ON a."id" = t."assigneeId"
    WHERE t."tierBudgetEndsAt" <= ${now} AND t."tier" IN ('L1', 'L2') AND t."tierClockSince" IS NOT NULL
    ORDER BY t."tierBudgetEndsAt", t."id"
    LIMIT ${SWEEP_BATCH}
    FOR UPDATE OF t SKIP LOCKED`;
  if (!spent.length) return 0;
  // The most urgent tickets meet the candidates first.
  // (P1 … P5 sort as plain strings; localeCompare would cost more than the rest of the ordering.)
  spent.sort((a, b) => (a.priority === b.priority ? 0 : a.priority < b.priority ? -1 : 1) || a.tierBudgetEndsAt!.getTime() - b.tierBudgetEndsAt!.getTime() || a.id - b.id);

  const targetSlug = (t: SpentTicket) => escalationTargetSlug(NEXT_TIER[t.tier]!, undefined, t.categoryL2Group)!;
  const groups = new Map((await tx.supportGroup.findMany({ where: { slug: { in: [...new Set(spent.map(targetSlug))] } } })).map((g) => [g.slug, g]));
  const candidates = await loadCandidates(tx, [...groups.values()].filter((g) => g.assignmentMode === "AUTO").map((g) => g.id));
  const rulesOf = await loadVersionRules(tx, spent.map((t) => t.matrixVersionId));
  const sopOf = await loadSopSteps(tx, spent.map((t) => t.sopArticleId));

  const rows: Record<string, unknown>[] = [];
  const events: (EventInput & { ticketId: number })[] = [];
  const mails: MailRow[] = [];
  for (const ticket of spent) {
    const toTier = NEXT_TIER[ticket.tier] as Tier;
    const group = groups.get(targetSlug(ticket));
    if (!group) continue;
    const placement = placeInGroup(group, candidates.get(group.id) ?? []);
    if (placement.assignee) {
      // Later tickets in this run see the load this one adds.
      placement.assignee.load += PRIORITY_WEIGHT[ticket.priority];
      placement.assignee.openTickets += 1;
      placement.assignee.lastAssignedAt = now;
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
    const mail = heldStatusMailRow(ticket, { from: ticket.status, to: status, version: ticket.version + 1 });
    if (mail) mails.push(mail);
    const budget = tierBudgetMinutes(target, ticket.tier)!;
    const sop = sopNote(sopOf.get(ticket.sopArticleId ?? ""), ticket.sopDone);
    events.push({
      ticketId: ticket.id,
      type: "AUTO_ESCALATED",
      actorId: null,
      fromTier: ticket.tier,
      toTier,
      fromGroup: ticket.groupSlug,
      toGroup: group.slug,
      fromAssignee: ticket.assigneeUserId,
      toAssignee: placement.assignee?.userId ?? null,
      rule: `budget.${ticket.tier.toLowerCase()}`,
      inputs: {
        budget: ticket.tier,
        budgetMinutes: budget,
        minutesUsed: Math.round(clocks.tierSecondsUsed[ticket.tier as "L1" | "L2"] / 60),
        budgetEndedAt: ticket.tierBudgetEndsAt?.toISOString() ?? null,
        clock: target.clock,
        ...sop?.inputs,
      },
      reason: `Escalated to ${toTier} ${group.name} automatically: ${ticket.tier} budget of ${formatMinutes(budget)} spent.${sop?.sentence ?? ""}`,
      createdAt: now,
    });
    if (placement.decision) {
      events.push({ ticketId: ticket.id, type: "ASSIGNED", actorId: null, fromTier: toTier, toTier, toGroup: group.slug, toAssignee: placement.assignee?.userId ?? null, createdAt: now, ...placement.decision });
    }
  }
  if (!rows.length) return 0;

  // One statement whatever the batch size: every row through one jsonb parameter, and the events with it.
  await tx.$executeRaw`
    WITH moved AS (
      UPDATE "Ticket" AS t SET
        "tier" = v.tier, "status" = v.status, "groupId" = v.group_id, "assigneeId" = v.assignee_id,
        "l1SecondsUsed" = v.l1, "l2SecondsUsed" = v.l2, "l3SecondsUsed" = v.l3,
        "tierClockSince" = v.tier_since, "tierBudgetEndsAt" = v.budget_ends, "tierBudgetWarnAt" = v.budget_warn,
        "slaSecondsUsed" = v.sla_used, "slaClockSince" = v.sla_since,
        "tierEnteredAt" = ${now}, "version" = t."version" + 1, "updatedAt" = ${now}
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS v(
        id int, tier "Tier", status "TicketStatus", group_id text, assignee_id text, l1 int, l2 int, l3 int,
        tier_since timestamp(3), budget_ends timestamp(3), budget_warn timestamp(3), sla_used int, sla_since timestamp(3))
      WHERE t."id" = v.id
    ), mail AS (
      ${upsertHeldMailRowsSql(mails, now)}
    )
    ${insertEventsSql(events)}`;
  return rows.length;
}

/** L3 cannot hand off to L4 without a vendor's reference: when its budget is spent, the group's leads and the managers are told instead. */
async function alertL3BudgetSpent(tx: Transaction, now: Date): Promise<number> {
  return tx.$executeRaw`
    WITH spent AS (
      UPDATE "Ticket" SET "tierBudgetEndsAt" = NULL, "tierBudgetWarnAt" = NULL, "version" = "version" + 1
      WHERE "id" IN (
        SELECT "id" FROM "Ticket" WHERE "tierBudgetEndsAt" <= ${now} AND "tier" = 'L3' AND "tierClockSince" IS NOT NULL
        FOR UPDATE SKIP LOCKED)
      RETURNING "id", "priority"
    )
    INSERT INTO "TicketEvent" ("ticketId", "type", "fromTier", "toTier", "rule", "inputs", "reason", "createdAt")
    SELECT "id", 'ALERT', 'L3', 'L3', 'budget.l3',
      jsonb_build_object('budget', 'L3', 'priority', "priority", 'notify', 'leads+managers'),
      'The group''s leads and the managers are alerted: the L3 budget is spent and an L4 handoff needs a decision.', ${now}
    FROM spent`;
}

/**
 * Hierarchical escalation, once each: at 75 % of the resolution target the assignee and the group's leads are
 * told, at 100 % the leads and the managers (the recipients are the notify_ticket_events trigger's).
 */
async function alertResolution(tx: Transaction, now: Date): Promise<number> {
  return tx.$executeRaw`
    WITH alerted AS (
      UPDATE "Ticket" SET "slaAlertLevel" = CASE WHEN "resolutionDueAt" <= ${now} THEN 100 ELSE 75 END
      WHERE "id" IN (
        SELECT "id" FROM "Ticket"
        WHERE ("resolutionWarnAt" <= ${now} AND "slaAlertLevel" < 75) OR ("resolutionDueAt" <= ${now} AND "slaAlertLevel" < 100)
        FOR UPDATE SKIP LOCKED)
      RETURNING "id", "tier", "priority", "slaAlertLevel", "resolutionDueAt"
    )
    INSERT INTO "TicketEvent" ("ticketId", "type", "fromTier", "toTier", "rule", "inputs", "reason", "createdAt")
    SELECT "id", 'ALERT', "tier", "tier", 'sla.resolution-' || "slaAlertLevel",
      jsonb_build_object('percent', "slaAlertLevel", 'priority', "priority", 'resolutionDueAt', "resolutionDueAt",
        'notify', CASE WHEN "slaAlertLevel" = 100 THEN 'leads+managers' ELSE 'assignee+leads' END),
      CASE WHEN "slaAlertLevel" = 100
        THEN 'The group''s leads and the managers are alerted: the ' || "priority" || ' resolution target is breached.'
        ELSE 'The assignee and the group''s leads are alerted: 75 % of the ' || "priority" || ' resolution target is used.' END,
      ${now}
    FROM alerted`;
}

/** Customer updates that fell due with no public reply: flagged for L1 once, until the next reply clears it. */
async function flagUpdatesDue(tx: Transaction, now: Date): Promise<number> {
  return tx.$executeRaw`
    WITH due AS (
      UPDATE "Ticket" SET "updateDueFlaggedAt" = ${now}
      WHERE "id" IN (
        SELECT "id" FROM "Ticket" WHERE "nextUpdateDueAt" <= ${now} AND "updateDueFlaggedAt" IS NULL
        FOR UPDATE SKIP LOCKED)
      RETURNING "id", "tier", "nextUpdateDueAt"
    )
    INSERT INTO "TicketEvent" ("ticketId", "type", "fromTier", "toTier", "rule", "inputs", "reason", "createdAt")
    SELECT "id", 'ALERT', "tier", "tier", 'sla.customer-update',
      jsonb_build_object('nextUpdateDueAt', "nextUpdateDueAt"),
      'A customer update is due: no public reply since the last one was promised.', ${now}
    FROM due`;
}

/**
 * A customer update overdue by half the cadence with still no public reply: the group's leads and the managers are alerted, once per
 * due instant (a reply moves the due instant, so a later lapse alerts again). Half the cadence counts on the
 * target's clock: on business hours, an update due at Friday's close is overdue on Monday morning, not
 * Friday night. Wall time is never shorter than business time, so the SQL narrows to tickets overdue in
 * wall time and the clock rule decides; one read and one write whatever their number.
 */
async function alertUpdatesOverdue(tx: Transaction, now: Date): Promise<number> {
  const due = await tx.$queryRaw<{ id: number; matrixVersionId: string; priority: Priority; nextUpdateDueAt: Date; updateEveryMinutes: number; clock: SlaClock }[]>`
    SELECT t."id", t."matrixVersionId", t."priority", t."nextUpdateDueAt", s."updateEveryMinutes", s."clock"
    FROM "Ticket" t JOIN "SlaTarget" s ON s."versionId" = t."matrixVersionId" AND s."priority" = t."priority"
    WHERE t."nextUpdateDueAt" <= ${now}
      AND t."nextUpdateDueAt" + make_interval(secs => s."updateEveryMinutes" * 30) <= ${now}
      AND t."updateOverdueAlertedFor" IS DISTINCT FROM t."nextUpdateDueAt"`;
  if (!due.length) return 0;
  const rulesOf = await loadVersionRules(tx, due.filter((t) => t.clock === "BUSINESS_HOURS").map((t) => t.matrixVersionId));
  const overdue = due.filter(
    (t) => t.clock === "ALWAYS" || addClockMinutes(t.nextUpdateDueAt, t.updateEveryMinutes / 2, t.clock, rulesOf.get(t.matrixVersionId)!.calendar) <= now,
  );
  if (!overdue.length) return 0;
  // A reply since the read moved the due instant: that ticket is left alone (its new instant is not overdue).
  return tx.$executeRaw`
    WITH overdue AS (
      UPDATE "Ticket" AS t SET "updateOverdueAlertedFor" = t."nextUpdateDueAt"
      FROM jsonb_to_recordset(${JSON.stringify(overdue.map((t) => ({ id: t.id, due: t.nextUpdateDueAt, every: t.updateEveryMinutes, clock: t.clock })))}::jsonb)
        AS o(id int, due timestamp(3), every int, clock "SlaClock")
      WHERE t."id" = o.id AND t."nextUpdateDueAt" = o.due AND t."updateOverdueAlertedFor" IS DISTINCT FROM t."nextUpdateDueAt"
        AND t."id" IN (SELECT "id" FROM "Ticket" WHERE "id" = ANY(${overdue.map((t) => t.id)}::int[]) FOR UPDATE SKIP LOCKED)
      RETURNING t."id", t."tier", t."priority", t."nextUpdateDueAt", o.every, o.clock
    )
    INSERT INTO "TicketEvent" ("ticketId", "type", "fromTier", "toTier", "rule", "inputs", "reason", "createdAt")
    SELECT "id", 'ALERT', "tier", "tier", 'sla.customer-update-overdue',
      jsonb_build_object('nextUpdateDueAt', "nextUpdateDueAt", 'updateEveryMinutes', every, 'clock', clock, 'priority', "priority", 'notify', 'leads+managers'),
      'The group''s leads and the managers are alerted: the customer update is overdue by half the ' || every || '-minute cadence.', ${now}
    FROM overdue`;
}

function formatMinutes(minutes: number): string {
  return minutes < 60 || minutes % 60 ? `${minutes} min` : `${minutes / 60} h`;
}
