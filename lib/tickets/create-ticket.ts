import type { Actor } from "@/lib/actor";
import { db } from "@/lib/db/client";
import { isRawUniqueViolation } from "@/lib/db/raw-unique-violation";
import { queryStatement } from "@/lib/db/statement";
import { Prisma } from "@/lib/db/generated/client";
import type { TicketChannel } from "@/lib/db/generated/enums";
import { CHANNEL_LABEL } from "@/lib/labels";
import { invalid } from "@/lib/errors";
import { insertReceivedMailSql } from "@/lib/mail/mail-texts.sql";
import { clockColumnsOf } from "@/lib/routing/clock-columns";
import { insertEventRecordsSql } from "@/lib/tickets/core/event-rows.sql";
import { INTAKE_GROUP_SLUG, planIntake } from "@/lib/routing/intake";
import { requirePublishedMatrix } from "@/lib/routing/matrix-store";
import { intakePlacementSql } from "@/lib/routing/placement.sql";
import type { GroupData } from "@/lib/routing/placement";
import type { EventInput } from "@/lib/tickets/core/ticket-store";
import { parseInput } from "@/lib/validation/parse";
import type { VerbInput } from "@/lib/validation/unchecked";
import { ZCreateTicket, type CreateTicketInput } from "@/lib/validation/ticket";
import { nextTicketNumberSql } from "./ticket-number.sql";
import { TICKET_INCLUDE, toTicketJson, type TicketJson } from "./core/ticket-json";
import { selectTicketJsonSql } from "./core/ticket-json.sql";
import { intakeCalendars, intakeCatalog, organizationOf, type IntakeCatalog, type IntakeCategory, type IntakeOrganization } from "./intake-catalog";
import { intakePartyOf, type IntakeParty, type SelfServiceChannel } from "./intake-channel";
import { findFollowUpTarget, linkFollowUp, type FollowUpTarget } from "./follow-up";
import { findIntakeCustomer, resolveOnFirstContact, type IntakeCustomer } from "./on-behalf";

/** How many agents, best first, an intake tries before it waits for the first: more than intakes run at once. */
const FREE_CHOICES = 8;

/** Attempts at one intake when what it decided from changed meanwhile (each later one reads it afresh). */
const ATTEMPTS = 3;

/**
 * A customer opens an incident or service request, or staff log one for a customer who called, chatted,
 * mailed or walked in (then the agent may claim it in the same statement, and resolve it at once). It enters at L1 in the intake group, classified on
 * the current matrix, with its due times, a number that is never reused, the events that explain it, and
 * the customer's acknowledgement mail. One statement writes the ticket, its events and its mail together
 * (atomic on its own, so nothing is half written); what intake decides from is kept in memory
 * (`intakeCatalog`) and the statement writes only while it is still current.
 */
export async function createTicket(actor: Actor, input: VerbInput<typeof ZCreateTicket>, now = new Date()): Promise<TicketJson> {
  return (await openTicket(actor, input, now)).ticket;
}

/**
 * `createTicket`, also telling whether this call created the ticket or replayed an earlier intake with the
 * same idempotency key (a double submit): then it returns that ticket and writes nothing. `entry` is where a
 * customer's own ticket came in (the portal's form or the API); staff name the customer and the channel of
 * the contact they log in the input (lib/tickets/intake-channel.ts).
 */
export async function openTicket(
  actor: Actor,
  input: VerbInput<typeof ZCreateTicket>,
  now = new Date(),
  entry: SelfServiceChannel = "API",
): Promise<{ ticket: TicketJson; created: boolean }> {
  const data = parseInput(ZCreateTicket, input);
  const party = intakePartyOf(actor, data, entry);
  const customer: IntakeCustomer = party.kind === "self" ? actor : await findIntakeCustomer(party.customer);
  const followUp = data.followUpOf ? await findFollowUpTarget(customer.id, data.followUpOf) : null;
  let opened: { ticket: TicketJson; created: boolean };
  try {
    opened = { ticket: await writeTicket(actor, customer, party, data, now), created: true };
  } catch (error) {
    // The second of two submits with one key: the unique index refused it (after the first committed).
    if (data.idempotencyKey && isRawUniqueViolation(error, IDEMPOTENCY_CONSTRAINT)) {
      return { ticket: await getTicketByIdempotencyKey(customer.id, data.idempotencyKey), created: false };
    }
    throw error;
  }
  if (followUp) {
    const [created] = await queryStatement<FollowUpTarget>(Prisma.sql`SELECT "id", "number" FROM "Ticket" WHERE "number" = ${opened.ticket.number}`);
    await linkFollowUp(actor, created!, followUp, now);
  }
  if (party.kind === "on-behalf" && party.resolution !== null) {
    opened.ticket = await resolveOnFirstContact(actor, opened.ticket, party.resolution, now);
  }
  return opened;
}

const IDEMPOTENCY_CONSTRAINT = "Ticket_customerId_idempotencyKey_key";

async function getTicketByIdempotencyKey(customerId: string, idempotencyKey: string): Promise<TicketJson> {
  const row = await db().ticket.findUniqueOrThrow({
    where: { customerId_idempotencyKey: { customerId, idempotencyKey } },
    include: TICKET_INCLUDE,
  });
  return toTicketJson(row);
}

async function writeTicket(actor: Actor, customer: IntakeCustomer, party: IntakeParty, data: CreateTicketInput, now: Date): Promise<TicketJson> {
  let fresh = false;
  let organizationId = customer.organizationId;
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
    const organization = organizationId ? await organizationOf(catalog, organizationId) : null;
    const ticket = await insertTicket(actor, data, now, { catalog, category, group, organizationId, organization, customer, party });
    if (ticket) return ticket;
    if (attempt === ATTEMPTS) throw new Error("Intake's configuration kept changing while the ticket was written; try again.");
    // Something intake decided from changed since it was read: read it again, and the customer's organization.
    fresh = true;
    const [current] = await queryStatement<{ organizationId: string | null }>(Prisma.sql`SELECT "organizationId" FROM "User" WHERE "id" = ${customer.id}`);
    organizationId = current?.organizationId ?? null;
  }
}

interface IntakeContext {
  catalog: IntakeCatalog;
  category: IntakeCategory;
  group: GroupData;
  organizationId: string | null;
  organization: IntakeOrganization | null;
  /** Who the ticket is for: the actor, or the customer staff log the contact for. */
  customer: IntakeCustomer;
  party: IntakeParty;
}

/**
 * The intake statement: the ticket, its CREATED, CLASSIFIED and ASSIGNED events, the assignee's lock and
 * the acknowledgement mail, written only if the catalog's stamp (which an organization's rename moves too)
 * and the customer's organization are still what `context` says (null otherwise: nothing was written).
 */
async function insertTicket(actor: Actor, data: CreateTicketInput, now: Date, context: IntakeContext): Promise<TicketJson | null> {
  const { catalog, category, group, customer, party } = context;
  const onBehalf = party.kind === "on-behalf";
  const claim = onBehalf && party.claim;
  const current = requirePublishedMatrix(catalog.matrix);
  const plan = planIntake({
    now,
    hints: { impact: data.impact, urgency: data.urgency },
    category,
    matrix: current.matrix,
    targets: current.targets,
    calendars: intakeCalendars(catalog, context.organization),
    group,
    customer: { userId: customer.userId, organization: context.organization?.name ?? null },
    channel: party.channel,
    openedBy: onBehalf ? { userId: actor.userId, name: actor.name } : null,
  });
  const events: EventInput[] = [
    { type: "CREATED", actorId: actor.id, toTier: "L1", toGroup: group.slug, createdAt: now, ...plan.created },
    { type: "CLASSIFIED", actorId: null, createdAt: now, ...plan.classified },
    ...(claim ? [claimedEvent(actor, group, party.channel, now)] : []),
  ];
  const clocks = clockColumnsOf(plan.clocks);
  const [row] = await queryStatement<{ ticket: TicketJson }>(Prisma.sql`
    WITH current AS (
      SELECT 1 FROM "User" cu
      WHERE COALESCE((SELECT "version" FROM "RoutingConfigStamp" WHERE "id" = 1), 0) = ${catalog.stamp}::bigint
        AND cu."id" = ${customer.id} AND cu."userId" = ${customer.userId}
        AND cu."organizationId" IS NOT DISTINCT FROM ${context.organizationId}::text
        ${onBehalf ? Prisma.sql`AND cu."active" AND cu."role" = 'CUSTOMER'` : Prisma.empty}
    ), ${claim ? Prisma.sql`chosen AS (SELECT ${actor.id}::text AS "id")` : intakePlacementSql(group, FREE_CHOICES)},
    ticket AS (
      INSERT INTO "Ticket" ("number", "type", "title", "description", "status", "tier", "priority", "impact", "urgency",
        "categoryId", "customerId", "organizationId", "groupId", "assigneeId", "matrixVersionId", "tierEnteredAt",
        "slaSecondsUsed", "slaClockSince", "l1SecondsUsed", "l2SecondsUsed", "l3SecondsUsed", "tierClockSince",
        "vendorSecondsUsed", "vendorClockSince", "firstRespondedAt", "nextUpdateDueAt", "firstResponseDueAt",
        "resolutionDueAt", "resolutionWarnAt", "tierBudgetEndsAt", "tierBudgetWarnAt", "createdAt", "updatedAt", "idempotencyKey", "channel", "openedById")
      SELECT ${nextTicketNumberSql(data.type)}, ${data.type}::"TicketType", ${data.title}, ${data.description},
        CASE WHEN EXISTS (SELECT 1 FROM chosen) THEN 'ASSIGNED' ELSE ${clocks.status} END::"TicketStatus", ${clocks.tier}::"Tier", ${plan.priority}::"Priority",
        ${plan.impact}::"Impact", ${plan.urgency}::"Urgency", ${category.id}, ${customer.id}, ${context.organizationId}, ${group.id},
        (SELECT "id" FROM chosen), ${current.id}, ${now}, ${clocks.slaSecondsUsed}, ${clocks.slaClockSince}, ${clocks.l1SecondsUsed},
        ${clocks.l2SecondsUsed}, ${clocks.l3SecondsUsed}, ${clocks.tierClockSince}, ${clocks.vendorSecondsUsed}, ${clocks.vendorClockSince},
        ${clocks.firstRespondedAt}, ${clocks.nextUpdateDueAt}, ${clocks.firstResponseDueAt}, ${clocks.resolutionDueAt},
        ${clocks.resolutionWarnAt}, ${clocks.tierBudgetEndsAt}, ${clocks.tierBudgetWarnAt}, ${now}, ${now}, ${data.idempotencyKey ?? null},
        ${party.channel}::"TicketChannel", ${onBehalf ? actor.id : null}::text
      FROM current
      RETURNING *
    ), events AS (
      ${insertEventRecordsSql(Prisma.sql`(SELECT ${JSON.stringify(events)}::jsonb FROM ticket)`, Prisma.sql`(SELECT "id" FROM ticket)`)}
    )${claim ? Prisma.empty : Prisma.sql`, assigned AS (
      INSERT INTO "TicketEvent" ("ticketId", "type", "fromTier", "toTier", "toGroup", "toAssignee", "rule", "inputs", "reason", "createdAt")
      SELECT t."id", 'ASSIGNED', 'L1', 'L1', ${group.slug}, p.assignee, p.rule, p.inputs, p.reason, ${now}
      FROM ticket t, placement p
    )`}, mail AS (
      ${insertReceivedMailSql(Prisma.sql`ticket`, { statuses: ["ASSIGNED", clocks.status], nextUpdateDueAt: clocks.nextUpdateDueAt }, now)}
    )
    ${selectTicketJsonSql(Prisma.sql`ticket`)}`);
  return row?.ticket ?? null;
}

/** "I'm handling it": the agent who logged the contact claims the new ticket, an event of the intake statement itself. */
function claimedEvent(actor: Actor, group: GroupData, channel: TicketChannel, now: Date): EventInput {
  return {
    type: "CLAIMED",
    actorId: actor.id,
    fromTier: "L1",
    toTier: "L1",
    toGroup: group.slug,
    toAssignee: actor.userId,
    rule: "claim.first-contact",
    inputs: { group: group.slug, assignmentMode: group.assignmentMode, channel },
    reason: `Claimed by ${actor.name} on first contact: they logged the ${CHANNEL_LABEL[channel].toLowerCase()} contact and are handling it.`,
    createdAt: now,
  };
}
