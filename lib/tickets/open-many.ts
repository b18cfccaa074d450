import type { Actor } from "@/lib/actor";
import type { Transaction } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import type { Priority, TicketChannel } from "@/lib/db/generated/enums";
import { insertReceivedMailSql } from "@/lib/mail/mail-texts.sql";
import { candidateOf } from "@/lib/routing/candidate-store";
import { clockColumnsOf, type ClockColumns } from "@/lib/routing/clock-columns";
import { insertEventRecordsSql } from "@/lib/tickets/core/event-rows.sql";
import { planIntake, type Json } from "@/lib/routing/intake";
import { requirePublishedMatrix } from "@/lib/routing/matrix-store";
import { placeMany } from "@/lib/routing/place-many";
import type { EventInput } from "@/lib/tickets/core/ticket-store";
import type { Impact, Urgency } from "@/lib/db/generated/enums";
import { intakeCalendars, type IntakeCatalog, type IntakeCategory, type IntakeOrganization } from "./intake-catalog";
import type { IntakeCustomer } from "./on-behalf";
import { NUMBER_SEQUENCE, TICKET_PREFIX } from "./ticket-number";

/** One incident of a batch: what intake needs, and what the caller keys its own rows by. */
export interface ManyIntake {
  key: string;
  title: string;
  description: string;
  category: IntakeCategory;
  hints: { impact?: Impact; urgency?: Urgency };
  /** Inputs added to the CREATED event (what opened it). */
  createdInputs: { [key: string]: Json };
  /** Events of the new ticket after intake's own (e.g. a link to an earlier ticket). */
  laterEvents?: EventInput[];
}

export interface ManyContext {
  actor: Actor;
  catalog: IntakeCatalog;
  customer: IntakeCustomer & { organization: IntakeOrganization | null };
  channel: TicketChannel;
  now: Date;
}

/** A planned incident row: its columns and its events, as the statement reads them from one jsonb array. */
interface PlannedRow extends Omit<ClockColumns, "status"> {
  ord: number;
  key: string;
  title: string;
  description: string;
  categoryId: string;
  priority: Priority;
  impact: Impact;
  urgency: Urgency;
  status: string;
  assigneeId: string | null;
  events: EventInput[];
}

/**
 * Plans many incidents for one customer as that many staff-logged intakes would (`planIntake`: L1 intake group,
 * matrix classification, due times; CREATED, CLASSIFIED and, for an AUTO group, ASSIGNED with the loads as each
 * ticket saw them). The group's agents are locked for the placement, so intakes beside it wait, never pile on.
 */
async function planMany(tx: Transaction, intakes: ManyIntake[], context: ManyContext): Promise<PlannedRow[]> {
  const { actor, catalog, customer, channel, now } = context;
  const group = catalog.group!;
  const current = requirePublishedMatrix(catalog.matrix);
  const plans = intakes.map((intake) =>
    planIntake({
      now,
      hints: intake.hints,
      category: intake.category,
      matrix: current.matrix,
      targets: current.targets,
      calendars: intakeCalendars(catalog, customer.organization),
      group,
      customer: { userId: customer.userId, organization: customer.organization?.name ?? null },
      channel,
      openedBy: { userId: actor.userId, name: actor.name },
    }),
  );
  const placements =
    group.assignmentMode === "AUTO"
      ? placeMany(group, await lockCandidates(tx, group.id), plans.map((p) => p.priority), now)
      : plans.map(() => ({ assignee: null, decision: null }));
  return intakes.map((intake, ord) => {
    const plan = plans[ord]!;
    const placement = placements[ord]!;
    const clocks = clockColumnsOf(plan.clocks);
    const events: EventInput[] = [
      { type: "CREATED", actorId: actor.id, toTier: "L1", toGroup: group.slug, createdAt: now, ...plan.created, inputs: { ...plan.created.inputs, ...intake.createdInputs } },
      { type: "CLASSIFIED", actorId: null, createdAt: now, ...plan.classified },
      ...(placement.decision
        ? [{ type: "ASSIGNED" as const, fromTier: "L1" as const, toTier: "L1" as const, toGroup: group.slug, toAssignee: placement.assignee?.userId ?? null, createdAt: now, ...placement.decision }]
        : []),
      ...(intake.laterEvents ?? []),
    ];
    return {
      ...clocks,
      ord,
      key: intake.key,
      title: intake.title,
      description: intake.description,
      categoryId: intake.category.id,
      priority: plan.priority,
      impact: plan.impact,
      urgency: plan.urgency,
      status: placement.assignee ? "ASSIGNED" : clocks.status,
      assigneeId: placement.assignee?.id ?? null,
      events,
    };
  });
}

async function lockCandidates(tx: Transaction, groupId: string) {
  const rows = await tx.$queryRaw<{ id: string; userId: string; name: string; lastAssignedAt: Date | null; openLoad: number; openTickets: number }[]>`
    SELECT u."id", u."userId", u."name", u."lastAssignedAt", u."openLoad", u."openTickets"
    FROM "GroupMembership" m JOIN "User" u ON u."id" = m."userId"
    WHERE m."groupId" = ${groupId} AND u."active" AND u."role" = 'AGENT'
    ORDER BY u."id"
    FOR UPDATE OF u`;
  return rows.map(candidateOf);
}

/** Extra rows of the same statement, keyed by each intake's `key`: the CTE `opened` gives "key" and "id". */
export type ManyExtras = (opened: Prisma.Sql) => Prisma.Sql[];

/**
 * Opens many incidents for one customer in one statement (the set-based intake): each with its number, the
 * events a single intake writes, the acknowledgement mail, and whatever `extras` adds (CTEs over `opened`).
 * Writes only while the catalog it planned from is current and the customer still an active customer with the
 * same organization; returns null otherwise (nothing written). Returns each key's ticket number.
 */
export async function openMany(tx: Transaction, intakes: ManyIntake[], context: ManyContext, extras: ManyExtras = () => []): Promise<Map<string, { id: number; number: string }> | null> {
  if (!intakes.length) return new Map();
  const rows = await planMany(tx, intakes, context);
  const { actor, catalog, customer, channel, now } = context;
  const group = catalog.group!;
  const current = requirePublishedMatrix(catalog.matrix);
  const opened = Prisma.sql`opened`;
  const priorities = [...new Set(rows.map((r) => r.priority))];
  const mails = priorities.map((priority) => {
    const sample = rows.find((r) => r.priority === priority)!;
    return Prisma.sql`, ${Prisma.raw(`mail_${priority}`)} AS (
      ${insertReceivedMailSql(Prisma.sql`(SELECT * FROM ticket WHERE "priority" = ${priority}::"Priority")`, { statuses: ["ASSIGNED", "NEW"], nextUpdateDueAt: sample.nextUpdateDueAt }, now)}
    )`;
  });
  const extra = extras(opened).map((cte, i) => Prisma.sql`, ${Prisma.raw(`extra_${i}`)} AS (${cte})`);
  const result = await tx.$queryRaw<{ key: string; id: number; number: string }[]>`
    WITH planned AS (
      SELECT r.* FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r(
        "ord" int, "key" text, "title" text, "description" text, "categoryId" text, "priority" "Priority", "impact" "Impact", "urgency" "Urgency",
        "status" "TicketStatus", "tier" "Tier", "assigneeId" text, "events" jsonb, "slaSecondsUsed" int, "slaClockSince" timestamp(3),
        "l1SecondsUsed" int, "l2SecondsUsed" int, "l3SecondsUsed" int, "tierClockSince" timestamp(3), "vendorSecondsUsed" int,
        "vendorClockSince" timestamp(3), "firstRespondedAt" timestamp(3), "nextUpdateDueAt" timestamp(3), "firstResponseDueAt" timestamp(3),
        "resolutionDueAt" timestamp(3), "resolutionWarnAt" timestamp(3), "tierBudgetEndsAt" timestamp(3), "tierBudgetWarnAt" timestamp(3))
      WHERE COALESCE((SELECT "version" FROM "RoutingConfigStamp" WHERE "id" = 1), 0) = ${catalog.stamp}::bigint
        AND EXISTS (SELECT 1 FROM "User" cu WHERE cu."id" = ${customer.id} AND cu."active" AND cu."role" = 'CUSTOMER'
                    AND cu."organizationId" IS NOT DISTINCT FROM ${customer.organizationId}::text)
    ), numbered AS MATERIALIZED (
      SELECT p.*, ${TICKET_PREFIX.INCIDENT} || '-' || CASE WHEN p.n < 1000000 THEN lpad(p.n::text, 6, '0') ELSE p.n::text END AS "number"
      FROM (SELECT planned.*, nextval(${NUMBER_SEQUENCE.INCIDENT}::regclass) AS n FROM (SELECT * FROM planned ORDER BY "ord") planned) p
    ), ticket AS (
      INSERT INTO "Ticket" ("number", "type", "title", "description", "status", "tier", "priority", "impact", "urgency",
        "categoryId", "customerId", "organizationId", "groupId", "assigneeId", "matrixVersionId", "tierEnteredAt",
        "slaSecondsUsed", "slaClockSince", "l1SecondsUsed", "l2SecondsUsed", "l3SecondsUsed", "tierClockSince",
        "vendorSecondsUsed", "vendorClockSince", "firstRespondedAt", "nextUpdateDueAt", "firstResponseDueAt",
        "resolutionDueAt", "resolutionWarnAt", "tierBudgetEndsAt", "tierBudgetWarnAt", "createdAt", "updatedAt", "channel", "openedById")
      SELECT n."number", 'INCIDENT', n."title", n."description", n."status", n."tier", n."priority", n."impact", n."urgency",
        n."categoryId", ${customer.id}, ${customer.organizationId}::text, ${group.id}, n."assigneeId", ${current.id}, ${now}::timestamp(3),
        n."slaSecondsUsed", n."slaClockSince", n."l1SecondsUsed", n."l2SecondsUsed", n."l3SecondsUsed", n."tierClockSince",
        n."vendorSecondsUsed", n."vendorClockSince", n."firstRespondedAt", n."nextUpdateDueAt", n."firstResponseDueAt",
        n."resolutionDueAt", n."resolutionWarnAt", n."tierBudgetEndsAt", n."tierBudgetWarnAt", ${now}::timestamp(3), ${now}::timestamp(3),
        ${channel}::"TicketChannel", ${actor.id}::text
      FROM numbered n ORDER BY n."ord"
      RETURNING "id", "number", "title", "customerId", "status", "priority"
    ), opened AS (
      SELECT n."key", t."id", t."number", n."ord" FROM numbered n JOIN ticket t ON t."number" = n."number"
    ), events AS (
      ${insertEventRecordsSql(
        Prisma.sql`(SELECT COALESCE(jsonb_agg(e.value || jsonb_build_object('ticketId', o."id") ORDER BY o."ord", e.ordinality), '[]'::jsonb)
          FROM opened o JOIN numbered n ON n."key" = o."key", jsonb_array_elements(n."events") WITH ORDINALITY e)`,
        Prisma.sql`NULL::int`,
      )}
    )${Prisma.join(mails, "")}${extra.length ? Prisma.join(extra, "") : Prisma.empty}
    SELECT "key", "id", "number" FROM opened ORDER BY "ord"`;
  if (!result.length) return null;
  return new Map(result.map((r) => [r.key, { id: r.id, number: r.number }]));
}
