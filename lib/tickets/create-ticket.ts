import type { Actor } from "@/lib/actor";
import { db } from "@/lib/db/client";
import { isRawUniqueViolation } from "@/lib/db/raw-unique-violation";
import { queryStatement } from "@/lib/db/statement";
import { Prisma } from "@/lib/db/generated/client";
import { forbidden, invalid } from "@/lib/errors";
import { insertReceivedMailSql } from "@/lib/mail/enqueue";
import { can } from "@/lib/permissions";
import { clockColumnsOf } from "@/lib/routing/clock-columns";
import { insertEventRecordsSql } from "@/lib/routing/event-rows";
import { INTAKE_GROUP_SLUG, planIntake } from "@/lib/routing/intake";
import { requirePublishedMatrix } from "@/lib/routing/matrix-store";
import { intakePlacementSql } from "@/lib/routing/intake-placement-sql";
import type { GroupData } from "@/lib/routing/placement";
import type { EventInput } from "@/lib/routing/ticket-store";
import { parseInput } from "@/lib/validation/parse";
import { ZCreateTicket, type CreateTicketInput } from "@/lib/validation/ticket";
import { nextTicketNumberSql } from "./ticket-number";
import { TICKET_INCLUDE, toTicketJson, type TicketJson } from "./ticket-json";
import { selectTicketJsonSql } from "./ticket-json-sql";
import { intakeCatalog, organizationName, type IntakeCatalog, type IntakeCategory } from "./intake-catalog";

/** How many agents, best first, an intake tries before it waits for the first: more than intakes run at once. */
const FREE_CHOICES = 8;

/** Attempts at one intake when what it decided from changed meanwhile (each later one reads it afresh). */
const ATTEMPTS = 3;

/**
 * A customer opens an incident or service request. It enters at L1 in the intake group, classified on
 * the current matrix, with its due times, a number that is never reused, the events that explain it, and
 * the customer's acknowledgement mail. One statement writes the ticket, its events and its mail together
 * (atomic on its own, so nothing is half written); what intake decides from is kept in memory
 * (`intakeCatalog`) and the statement writes only while it is still current.
 */
export async function createTicket(actor: Actor, input: unknown, now = new Date()): Promise<TicketJson> {
  return (await openTicket(actor, input, now)).ticket;
}

/**
 * `createTicket`, also telling whether this call created the ticket or replayed an earlier intake with the
 * same idempotency key (a double submit): then it returns that ticket and writes nothing.
 */
export async function openTicket(actor: Actor, input: unknown, now = new Date()): Promise<{ ticket: TicketJson; created: boolean }> {
  if (!can(actor, "ticket:create")) throw forbidden("Only customers open tickets here.");
  const data = parseInput(ZCreateTicket, input);
  try {
    return { ticket: await writeTicket(actor, data, now), created: true };
  } catch (error) {
    // The second of two submits with one key: the unique index refused it (after the first committed).
    if (data.idempotencyKey && isRawUniqueViolation(error, IDEMPOTENCY_CONSTRAINT)) {
      return { ticket: await getTicketByIdempotencyKey(actor, data.idempotencyKey), created: false };
    }
    throw error;
  }
}

const IDEMPOTENCY_CONSTRAINT = "Ticket_customerId_idempotencyKey_key";

async function getTicketByIdempotencyKey(actor: Actor, idempotencyKey: string): Promise<TicketJson> {
  const row = await db().ticket.findUniqueOrThrow({
    where: { customerId_idempotencyKey: { customerId: actor.id, idempotencyKey } },
    include: TICKET_INCLUDE,
  });
  return toTicketJson(row);
}

async function writeTicket(actor: Actor, data: CreateTicketInput, now: Date): Promise<TicketJson> {
  let fresh = false;
  let organizationId = actor.organizationId;
  for (let attempt = 1; ; attempt++) {
    const catalog = await intakeCatalog(fresh);
    const category = catalog.categories.get(data.category);
    if (!category && !fresh) {
      fresh = true; // perhaps a category created since the catalog was read
      continue;
    }
    if (!category) throw invalid({ category: ["Choose one of the listed categories."] });
    const { group } = catalog;
    if (!group || group.tier !== "L1") throw new Error(`The L1 intake group "${INTAKE_GROUP_SLUG}" is missing.`);
    const organization = organizationId ? await organizationName(catalog, organizationId) : null;
    const ticket = await insertTicket(actor, data, now, { catalog, category, group, organizationId, organization });
    if (ticket) return ticket;
    if (attempt === ATTEMPTS) throw new Error("Intake's configuration kept changing while the ticket was written; try again.");
    // Something intake decided from changed since it was read: read it again, and the customer's organization.
    fresh = true;
    const [customer] = await queryStatement<{ organizationId: string | null }>(Prisma.sql`SELECT "organizationId" FROM "User" WHERE "id" = ${actor.id}`);
    organizationId = customer?.organizationId ?? null;
  }
}

interface IntakeContext {
  catalog: IntakeCatalog;
  category: IntakeCategory;
  group: GroupData;
  organizationId: string | null;
  organization: string | null;
}

/**
 * The intake statement: the ticket, its CREATED, CLASSIFIED and ASSIGNED events, the assignee's lock and
 * the acknowledgement mail, written only if the catalog's stamp (which an organization's rename moves too)
 * and the customer's organization are still what `context` says (null otherwise: nothing was written).
 */
async function insertTicket(actor: Actor, data: CreateTicketInput, now: Date, context: IntakeContext): Promise<TicketJson | null> {
  const { catalog, category, group } = context;
  const current = requirePublishedMatrix(catalog.matrix);
  const plan = planIntake({
    now,
    hints: { impact: data.impact, urgency: data.urgency },
    category,
    matrix: current.matrix,
    targets: current.targets,
    calendar: current.calendar,
    group,
    customer: { userId: actor.userId, organization: context.organization },
  });
  const events: EventInput[] = [
    { type: "CREATED", actorId: actor.id, toTier: "L1", toGroup: group.slug, createdAt: now, ...plan.created },
    { type: "CLASSIFIED", actorId: null, createdAt: now, ...plan.classified },
  ];
  const clocks = clockColumnsOf(plan.clocks);
  const [row] = await queryStatement<{ ticket: TicketJson }>(Prisma.sql`
    WITH current AS (
      SELECT 1 FROM "User" cu
      WHERE COALESCE((SELECT "version" FROM "RoutingConfigStamp" WHERE "id" = 1), 0) = ${catalog.stamp}::bigint
        AND cu."id" = ${actor.id} AND cu."userId" = ${actor.userId}
        AND cu."organizationId" IS NOT DISTINCT FROM ${context.organizationId}::text
    ), ${intakePlacementSql(group, FREE_CHOICES)},
    ticket AS (
      INSERT INTO "Ticket" ("number", "type", "title", "description", "status", "tier", "priority", "impact", "urgency",
        "categoryId", "customerId", "organizationId", "groupId", "assigneeId", "matrixVersionId", "tierEnteredAt",
        "slaSecondsUsed", "slaClockSince", "l1SecondsUsed", "l2SecondsUsed", "l3SecondsUsed", "tierClockSince",
        "vendorSecondsUsed", "vendorClockSince", "firstRespondedAt", "nextUpdateDueAt", "firstResponseDueAt",
        "resolutionDueAt", "resolutionWarnAt", "tierBudgetEndsAt", "tierBudgetWarnAt", "createdAt", "updatedAt", "idempotencyKey")
      SELECT ${nextTicketNumberSql(data.type)}, ${data.type}::"TicketType", ${data.title}, ${data.description},
        CASE WHEN EXISTS (SELECT 1 FROM chosen) THEN 'ASSIGNED' ELSE ${clocks.status} END::"TicketStatus", ${clocks.tier}::"Tier", ${plan.priority}::"Priority",
        ${plan.impact}::"Impact", ${plan.urgency}::"Urgency", ${category.id}, ${actor.id}, ${context.organizationId}, ${group.id},
        (SELECT "id" FROM chosen), ${current.id}, ${now}, ${clocks.slaSecondsUsed}, ${clocks.slaClockSince}, ${clocks.l1SecondsUsed},
        ${clocks.l2SecondsUsed}, ${clocks.l3SecondsUsed}, ${clocks.tierClockSince}, ${clocks.vendorSecondsUsed}, ${clocks.vendorClockSince},
        ${clocks.firstRespondedAt}, ${clocks.nextUpdateDueAt}, ${clocks.firstResponseDueAt}, ${clocks.resolutionDueAt},
        ${clocks.resolutionWarnAt}, ${clocks.tierBudgetEndsAt}, ${clocks.tierBudgetWarnAt}, ${now}, ${now}, ${data.idempotencyKey ?? null}
      FROM current
      RETURNING *
    ), events AS (
      ${insertEventRecordsSql(Prisma.sql`(SELECT ${JSON.stringify(events)}::jsonb FROM ticket)`, Prisma.sql`(SELECT "id" FROM ticket)`)}
    ), assigned AS (
      INSERT INTO "TicketEvent" ("ticketId", "type", "fromTier", "toTier", "toGroup", "toAssignee", "rule", "inputs", "reason", "createdAt")
      SELECT t."id", 'ASSIGNED', 'L1', 'L1', ${group.slug}, p.assignee, p.rule, p.inputs, p.reason, ${now}
      FROM ticket t, placement p
    ), mail AS (
      ${insertReceivedMailSql(Prisma.sql`ticket`, { statuses: ["ASSIGNED", clocks.status], nextUpdateDueAt: clocks.nextUpdateDueAt }, now)}
    )
    ${selectTicketJsonSql(Prisma.sql`ticket`)}`);
  return row?.ticket ?? null;
}
