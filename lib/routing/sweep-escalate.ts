// The sweep's automatic escalations: tickets whose L1 or L2 budget is spent move up a tier, into the next
// tier's group, placed as `placeInGroup` decides; the customer is mailed (held and coalesced) when that
// changes the status they see. One read that locks the tickets (skipping any another transaction holds),
// the decisions here, and one statement that writes each ticket once: its move, its events and its mail,
// and the resolution alert that fell due on it in the same run.
import { Prisma } from "@/lib/db/generated/client";
import type { Priority, SlaClock, TicketStatus, Tier } from "@/lib/db/generated/enums";
import type { SqlTransaction } from "@/lib/db/transaction";
import { unnestSql, type UnnestColumn } from "@/lib/db/unnest.sql";
import { tierMoveMails } from "@/lib/mail/enqueue";
import { upsertHeldStatusMailsSql } from "@/lib/mail/mail-texts.sql";
import { PRIORITY_WEIGHT, type Candidate } from "./candidates";
import { clockColumnsOf, clockStateOf, type ClockColumns } from "./clock-columns";
import { advanceClocks } from "./clocks";
import { NEXT_TIER } from "./guards";
import { escalationTargetSlug } from "./groups";
import type { DecisionEvent } from "./intake";
import { loadRulesOf } from "./clock-rules";
import { placeInGroup, type GroupData } from "./placement";
import { tierBudgetMinutes } from "./sla";
import { resolutionAlertDueSql, resolutionAlertEventSql, resolutionAlertLevelSql } from "./resolution-alert.sql";
import { loadSopSteps, sopNote } from "./sweep-sop";

/** Tickets auto-escalated per run; the rest follow a minute later. */
export const SWEEP_BATCH = 5_000;

/** A ticket whose tier budget is spent, as the escalation reads it (locked). */
interface SpentTicket extends ClockColumns {
  id: number;
  priority: Priority;
  matrixVersionId: string;
  organizationId: string | null;
  groupId: string;
  tierBudgetEndsAt: Date;
  groupSlug: string;
  assigneeUserId: string | null;
  /** The resolution alert due on it in this run (75 or 100), else null. */
  alertLevel: number | null;
  categoryL2Group: string | null;
  /** At L1 only: the category's SOP article and the steps ticked on the ticket (the log notes the steps left). */
  sopArticleId: string | null;
  sopDone: string[] | null;
}

/** What the sweep decided for one ticket: the columns it writes, and what its events say beyond the ticket itself. */
interface Escalation {
  ticket: SpentTicket;
  tier: Tier;
  status: TicketStatus;
  group: GroupData;
  assignee: Candidate | null;
  clocks: ClockColumns;
  /** The status change mails the customer (held). */
  mails: boolean;
  budgetMinutes: number;
  minutesUsed: number;
  clock: SlaClock;
  sopInputs: object | null;
  reason: string;
  /** The placement's ASSIGNED event; null for a pull queue. */
  assigned: DecisionEvent | null;
}

/** Escalates the spent budgets; `alerted`: the resolution alerts raised on the same tickets. */
export async function escalateSpentBudgets(tx: SqlTransaction, now: Date): Promise<{ escalated: number; alerted: number }> {
  const spent = await tx.query<SpentTicket>(Prisma.sql`
    SELECT t."id", t."priority", t."matrixVersionId", t."organizationId", t."groupId", t."status", t."tier", t."slaSecondsUsed", t."slaClockSince",
      t."l1SecondsUsed", t."l2SecondsUsed", t."l3SecondsUsed", t."tierClockSince", t."vendorSecondsUsed", t."vendorClockSince",
      t."firstRespondedAt", t."nextUpdateDueAt", t."firstResponseDueAt", t."resolutionDueAt", t."resolutionWarnAt",
      t."tierBudgetEndsAt", t."tierBudgetWarnAt", g."slug" AS "groupSlug", a."userId" AS "assigneeUserId", l2."slug" AS "categoryL2Group",
      CASE WHEN ${resolutionAlertDueSql("t", now)} THEN ${resolutionAlertLevelSql("t", now)} END AS "alertLevel",
      CASE WHEN t."tier" = 'L1' THEN c."sopArticleId" END AS "sopArticleId",
      CASE WHEN t."tier" = 'L1' AND c."sopArticleId" IS NOT NULL
        THEN ARRAY(SELECT s."step" FROM "TicketSopStep" s WHERE s."ticketId" = t."id" AND s."done") END AS "sopDone"
    FROM "Ticket" t
    JOIN "SupportGroup" g ON g."id" = t."groupId"
    JOIN "Category" c ON c."id" = t."categoryId"
    LEFT JOIN "SupportGroup" l2 ON l2."id" = c."l2GroupId"
    LEFT JOIN "User" a ON a."id" = t."assigneeId"
    WHERE t."tierBudgetEndsAt" <= ${now}::timestamp(3) AND t."tier" IN ('L1', 'L2') AND t."tierClockSince" IS NOT NULL
    ORDER BY t."tierBudgetEndsAt", t."id"
    LIMIT ${SWEEP_BATCH}::int
    FOR UPDATE OF t SKIP LOCKED`);
  if (!spent.length) return { escalated: 0, alerted: 0 };
  // The most urgent tickets meet the candidates first.
  // (P1 … P5 sort as plain strings; localeCompare would cost more than the rest of the ordering.)
  spent.sort((a, b) => (a.priority === b.priority ? 0 : a.priority < b.priority ? -1 : 1) || a.tierBudgetEndsAt.getTime() - b.tierBudgetEndsAt.getTime() || a.id - b.id);

  const targetSlug = (t: SpentTicket) => escalationTargetSlug(NEXT_TIER[t.tier]!, undefined, t.categoryL2Group)!;
  const groups = await loadGroups(tx, [...new Set(spent.map(targetSlug))]);
  const candidates = await loadCandidates(tx, [...groups.values()].filter((g) => g.assignmentMode === "AUTO").map((g) => g.id));
  const rulesOf = await loadRulesOf((sql) => tx.query(sql), spent, [...groups.values()].map((g) => g.id));
  const sopOf = await loadSopSteps(tx, spent.map((t) => t.sopArticleId));

  const decided: Escalation[] = [];
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
    const { target, calendars, tierCalendarAfter } = rulesOf(ticket, group.id);
    const status = placement.assignee ? "ASSIGNED" : "NEW";
    const clocks = advanceClocks(clockStateOf(ticket), { tier: toTier, status }, { now, calendars, tierCalendarAfter, before: target, after: target });
    const budget = tierBudgetMinutes(target, ticket.tier)!;
    const sop = sopNote(sopOf.get(ticket.sopArticleId ?? ""), ticket.sopDone);
    decided.push({
      ticket,
      tier: toTier,
      status,
      group,
      assignee: placement.assignee,
      clocks: clockColumnsOf(clocks),
      mails: tierMoveMails({ from: ticket.status, to: status }),
      budgetMinutes: budget,
      minutesUsed: Math.round(clocks.tierSecondsUsed[ticket.tier as "L1" | "L2"] / 60),
      clock: target.clock,
      sopInputs: sop?.inputs ?? null,
      reason: `Escalated to ${toTier} ${group.name} automatically: ${ticket.tier} budget of ${formatMinutes(budget)} spent.${sop?.sentence ?? ""}`,
      assigned: placement.decision,
    });
  }
  if (!decided.length) return { escalated: 0, alerted: 0 };
  const [escalated] = await tx.query<{ escalated: number }>(escalationSql(decided, now));
  return { escalated: escalated!.escalated, alerted: decided.filter((e) => e.ticket.alertLevel !== null).length };
}

/** Each decision as one typed array per column, with the ticket as it was read (nothing for PostgreSQL to parse as JSON but the ASSIGNED inputs). */
const DECISION_COLUMNS: UnnestColumn<Escalation>[] = [
  ["id", "int[]", (e) => e.ticket.id],
  ["fromTier", `text[]::"Tier"[]`, (e) => e.ticket.tier],
  ["fromStatus", `text[]::"TicketStatus"[]`, (e) => e.ticket.status],
  ["fromGroup", "text[]", (e) => e.ticket.groupSlug],
  ["fromAssignee", "text[]", (e) => e.ticket.assigneeUserId],
  ["budgetEndedAt", "text[]", (e) => e.ticket.tierBudgetEndsAt.toISOString()],
  ["alertLevel", "int[]", (e) => e.ticket.alertLevel],
  ["tier", `text[]::"Tier"[]`, (e) => e.tier],
  ["status", `text[]::"TicketStatus"[]`, (e) => e.status],
  ["groupId", "text[]", (e) => e.group.id],
  ["toGroup", "text[]", (e) => e.group.slug],
  ["assigneeId", "text[]", (e) => e.assignee?.id ?? null],
  ["toAssignee", "text[]", (e) => e.assignee?.userId ?? null],
  ["l1SecondsUsed", "int[]", (e) => e.clocks.l1SecondsUsed],
  ["l2SecondsUsed", "int[]", (e) => e.clocks.l2SecondsUsed],
  ["l3SecondsUsed", "int[]", (e) => e.clocks.l3SecondsUsed],
  ["tierClockSince", "timestamp(3)[]", (e) => e.clocks.tierClockSince],
  ["tierBudgetEndsAt", "timestamp(3)[]", (e) => e.clocks.tierBudgetEndsAt],
  ["tierBudgetWarnAt", "timestamp(3)[]", (e) => e.clocks.tierBudgetWarnAt],
  ["slaSecondsUsed", "int[]", (e) => e.clocks.slaSecondsUsed],
  ["slaClockSince", "timestamp(3)[]", (e) => e.clocks.slaClockSince],
  ["mails", "boolean[]", (e) => e.mails],
  ["budgetMinutes", "int[]", (e) => e.budgetMinutes],
  ["minutesUsed", "int[]", (e) => e.minutesUsed],
  ["clock", "text[]", (e) => e.clock],
  ["sopInputs", "jsonb[]", (e) => (e.sopInputs ? JSON.stringify(e.sopInputs) : null)],
  ["reason", "text[]", (e) => e.reason],
  ["assignedRule", "text[]", (e) => e.assigned?.rule ?? null],
  ["assignedInputs", "jsonb[]", (e) => (e.assigned ? JSON.stringify(e.assigned.inputs) : null)],
  ["assignedReason", "text[]", (e) => e.assigned?.reason ?? null],
];

/**
 * One statement whatever the batch size; the tickets' rows are locked by this transaction since they were read.
 * Events are numbered in the run's order, each ticket's AUTO_ESCALATED, ASSIGNED and ALERT in turn; the
 * ALERT's recipients are found by the notify_ticket_events trigger, which sees the tickets as moved.
 */
function escalationSql(decided: Escalation[], now: Date): Prisma.Sql {
  const mailed = Prisma.sql`(SELECT m.*, v."fromStatus" AS "statusBefore", m."status" AS "statusAfter" FROM moved m JOIN v ON v."id" = m."id" WHERE v."mails")`;
  return Prisma.sql`
    WITH v AS (
      SELECT * FROM ${unnestSql(decided, DECISION_COLUMNS, "d")}
    ), moved AS (
      UPDATE "Ticket" AS t SET
        "tier" = v."tier", "status" = v."status", "groupId" = v."groupId", "assigneeId" = v."assigneeId",
        "l1SecondsUsed" = v."l1SecondsUsed", "l2SecondsUsed" = v."l2SecondsUsed", "l3SecondsUsed" = v."l3SecondsUsed",
        "tierClockSince" = v."tierClockSince", "tierBudgetEndsAt" = v."tierBudgetEndsAt", "tierBudgetWarnAt" = v."tierBudgetWarnAt",
        "slaSecondsUsed" = v."slaSecondsUsed", "slaClockSince" = v."slaClockSince",
        "slaAlertLevel" = COALESCE(v."alertLevel", t."slaAlertLevel"),
        "tierEnteredAt" = ${now}::timestamp(3), "version" = t."version" + 1, "updatedAt" = ${now}::timestamp(3)
      FROM v
      WHERE t."id" = v."id"
      RETURNING t."id", t."number", t."title", t."customerId", t."version", t."tier", t."status", t."priority", t."slaAlertLevel", t."resolutionDueAt"
    ), mail AS (
      ${upsertHeldStatusMailsSql(mailed, ["NEW", "ASSIGNED"], now)}
    ), events AS (
      INSERT INTO "TicketEvent" ("ticketId", "type", "fromTier", "toTier", "fromGroup", "toGroup", "fromAssignee", "toAssignee", "rule", "inputs", "reason", "createdAt")
      SELECT e."ticketId", e."type", e."fromTier", e."toTier", e."fromGroup", e."toGroup", e."fromAssignee", e."toAssignee", e."rule", e."inputs", e."reason", ${now}::timestamp(3)
      FROM (
        SELECT v."n", 1 AS step, m."id" AS "ticketId", 'AUTO_ESCALATED'::"TicketEventType" AS "type", v."fromTier", m."tier" AS "toTier",
          v."fromGroup", v."toGroup", v."fromAssignee", v."toAssignee", 'budget.' || lower(v."fromTier"::text) AS "rule",
          jsonb_build_object('budget', v."fromTier", 'budgetMinutes', v."budgetMinutes", 'minutesUsed', v."minutesUsed",
            'budgetEndedAt', v."budgetEndedAt", 'clock', v."clock") || COALESCE(v."sopInputs", '{}'::jsonb) AS "inputs",
          v."reason"
        FROM moved m JOIN v ON v."id" = m."id"
        UNION ALL
        SELECT v."n", 2, m."id", 'ASSIGNED', m."tier", m."tier", NULL, v."toGroup", NULL, v."toAssignee", v."assignedRule", v."assignedInputs", v."assignedReason"
        FROM moved m JOIN v ON v."id" = m."id"
        WHERE v."assignedRule" IS NOT NULL
        UNION ALL
        SELECT v."n", 3, m."id", 'ALERT', m."tier", m."tier", NULL, NULL, NULL, NULL, ${resolutionAlertEventSql("m")}
        FROM moved m JOIN v ON v."id" = m."id"
        WHERE v."alertLevel" IS NOT NULL
      ) AS e
      ORDER BY e."n", e.step
    )
    SELECT count(*)::int AS escalated FROM moved`;
}

async function loadGroups(tx: SqlTransaction, slugs: string[]): Promise<Map<string, GroupData>> {
  const rows = await tx.query<GroupData>(Prisma.sql`
    SELECT "id", "slug", "name", "tier", "assignmentMode" FROM "SupportGroup" WHERE "slug" = ANY(${slugs}::text[])`);
  return new Map(rows.map((g) => [g.slug, g]));
}

/** Active agents of each group with their open load (priority-weighted, kept by the database), in one query. */
async function loadCandidates(tx: SqlTransaction, groupIds: string[]): Promise<Map<string, Candidate[]>> {
  const byGroup = new Map<string, Candidate[]>(groupIds.map((id) => [id, []]));
  if (!groupIds.length) return byGroup;
  const members = await tx.query<Candidate & { groupId: string }>(Prisma.sql`
    SELECT m."groupId", u."id", u."userId", u."name", u."openLoad" AS "load", u."openTickets", u."lastAssignedAt"
    FROM "GroupMembership" m JOIN "User" u ON u."id" = m."userId"
    WHERE m."groupId" = ANY(${groupIds}::text[]) AND u."active" AND u."role" = 'AGENT'`);
  for (const { groupId, ...candidate } of members) byGroup.get(groupId)!.push(candidate);
  return byGroup;
}

function formatMinutes(minutes: number): string {
  return minutes < 60 || minutes % 60 ? `${minutes} min` : `${minutes / 60} h`;
}
