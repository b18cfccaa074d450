import type { Actor } from "@/lib/actor";
import { db } from "@/lib/db/client";
import { isRawUniqueViolation } from "@/lib/db/raw-unique-violation";
import { Prisma } from "@/lib/db/generated/client";
import type { AssignmentMode, Impact, Tier, Urgency } from "@/lib/db/generated/enums";
import { forbidden, invalid } from "@/lib/errors";
import { insertReceivedMailSql } from "@/lib/mail/enqueue";
import { can } from "@/lib/permissions";
import type { Candidate } from "@/lib/routing/candidates";
import { clockColumnsOf } from "@/lib/routing/clock-columns";
import { insertEventRecordsSql, insertEventsSql } from "@/lib/routing/event-rows";
import { INTAKE_GROUP_SLUG, planIntake } from "@/lib/routing/intake";
import { CURRENT_MATRIX_JSON, requirePublishedMatrix, type CurrentMatrix } from "@/lib/routing/matrix-store";
import { placementsInOrder, type Placement } from "@/lib/routing/placement";
import type { EventInput } from "@/lib/routing/ticket-store";
import { parseInput } from "@/lib/validation/parse";
import { ZCreateTicket, type CreateTicketInput } from "@/lib/validation/ticket";
import { nextTicketNumberSql } from "./ticket-number";
import { TICKET_INCLUDE, toTicketJson, type TicketJson } from "./ticket-json";
import { selectTicketJsonSql } from "./ticket-json-sql";

/** How many agents, best first, an intake tries before it waits for the first: more than intakes run at once. */
const FREE_CHOICES = 8;

/** Everything intake decides from, read in one statement. */
interface IntakeContext {
  category: { id: string; slug: string; name: string; defaultImpact: Impact; defaultUrgency: Urgency } | null;
  customer: { userId: string; organizationId: string | null; organization: string | null };
  group: { id: string; slug: string; name: string; tier: Tier; assignmentMode: AssignmentMode } | null;
  matrix: CurrentMatrix | null;
  /** Active agents of an AUTO intake group with their open load; empty for a pull queue. */
  candidates: (Omit<Candidate, "lastAssignedAt"> & { lastAssignedAt: string | null })[];
}

/**
 * A customer opens an incident or service request. It enters at L1 in the intake group, classified on
 * the current matrix, with its due times, a number that is never reused, the events that explain it, and
 * the customer's acknowledgement mail. Two statements: one reads what intake decides from, one writes the
 * ticket, its events and its mail together (a single statement is atomic, so nothing is half written).
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

  const [context] = await db().$queryRaw<[IntakeContext]>`
    SELECT
      (SELECT jsonb_build_object('id', c."id", 'slug', c."slug", 'name', c."name", 'defaultImpact', c."defaultImpact", 'defaultUrgency', c."defaultUrgency")
         FROM "Category" c WHERE c."slug" = ${data.category}) AS "category",
      (SELECT jsonb_build_object('userId', u."userId", 'organizationId', u."organizationId", 'organization', o."name")
         FROM "User" u LEFT JOIN "Organization" o ON o."id" = u."organizationId" WHERE u."id" = ${actor.id}) AS "customer",
      (SELECT jsonb_build_object('id', g."id", 'slug', g."slug", 'name', g."name", 'tier', g."tier", 'assignmentMode', g."assignmentMode")
         FROM "SupportGroup" g WHERE g."slug" = ${INTAKE_GROUP_SLUG}) AS "group",
      ${CURRENT_MATRIX_JSON} AS "matrix",
      (SELECT COALESCE(jsonb_agg(jsonb_build_object('id', u."id", 'userId', u."userId", 'name', u."name", 'load', u."openLoad", 'openTickets', u."openTickets",
                 'lastAssignedAt', to_char(u."lastAssignedAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))), '[]'::jsonb)
         FROM "SupportGroup" g JOIN "GroupMembership" m ON m."groupId" = g."id" JOIN "User" u ON u."id" = m."userId"
         WHERE g."slug" = ${INTAKE_GROUP_SLUG} AND g."assignmentMode" = 'AUTO' AND u."active" AND u."role" = 'AGENT') AS "candidates"`;
  const { category, customer, group } = context;
  if (!category) throw invalid({ category: ["Choose one of the listed categories."] });
  if (!group || group.tier !== "L1") throw new Error(`The L1 intake group "${INTAKE_GROUP_SLUG}" is missing.`);
  const current = requirePublishedMatrix(context.matrix);

  const plan = planIntake({
    now,
    hints: { impact: data.impact, urgency: data.urgency },
    category,
    matrix: current.matrix,
    targets: current.targets,
    calendar: current.calendar,
    group,
    customer: { userId: customer.userId, organization: customer.organization },
  });
  // An auto-assigning intake group hands the ticket to its least-loaded agent straight away: the first
  // in order whose row no other intake holds at this instant (so intakes side by side neither pile onto
  // one agent nor wait for each other); if all are held, the first, after waiting its turn.
  const candidates = context.candidates.map((c) => ({ ...c, lastAssignedAt: c.lastAssignedAt ? new Date(c.lastAssignedAt) : null }));
  const placements = group.assignmentMode === "AUTO" ? placementsInOrder(group, candidates, FREE_CHOICES) : [];
  const choices = placements.filter((p) => p.assignee);
  const assignedEvent = (p: Placement): EventInput => ({
    type: "ASSIGNED", actorId: null, fromTier: "L1", toTier: "L1", toGroup: group.slug, toAssignee: p.assignee?.userId ?? null, createdAt: now, ...p.decision!,
  });
  const events: EventInput[] = [
    { type: "CREATED", actorId: actor.id, toTier: "L1", toGroup: group.slug, createdAt: now, ...plan.created },
    { type: "CLASSIFIED", actorId: null, createdAt: now, ...plan.classified },
    // No eligible member: the decision to leave it in the queue is logged too.
    ...placements.filter((p) => !p.assignee && p.decision).map(assignedEvent),
  ];
  const choiceIds = choices.map((p) => p.assignee!.id);
  const withoutCandidates = (p: Placement): EventInput => {
    const event = assignedEvent(p);
    return { ...event, inputs: { ...(event.inputs as object), candidates: null } };
  };
  const clocks = clockColumnsOf(plan.clocks);
  const [row] = await db().$queryRaw<[{ ticket: TicketJson }]>`
    WITH free AS (
      SELECT r.ord, u."id" FROM unnest(${choiceIds}::text[]) WITH ORDINALITY AS r(id, ord)
      JOIN "User" u ON u."id" = r.id
      ORDER BY r.ord LIMIT 1
      FOR UPDATE OF u SKIP LOCKED
    ), chosen AS (
      SELECT ord, id FROM free
      UNION ALL
      SELECT 1, ${choiceIds[0] ?? null}::text WHERE ${choiceIds.length > 0} AND NOT EXISTS (SELECT 1 FROM free)
    ), ticket AS (
      INSERT INTO "Ticket" ("number", "type", "title", "description", "status", "tier", "priority", "impact", "urgency",
        "categoryId", "customerId", "organizationId", "groupId", "assigneeId", "matrixVersionId", "tierEnteredAt",
        "slaSecondsUsed", "slaClockSince", "l1SecondsUsed", "l2SecondsUsed", "l3SecondsUsed", "tierClockSince",
        "vendorSecondsUsed", "vendorClockSince", "firstRespondedAt", "nextUpdateDueAt", "firstResponseDueAt",
        "resolutionDueAt", "resolutionWarnAt", "tierBudgetEndsAt", "tierBudgetWarnAt", "createdAt", "updatedAt", "idempotencyKey")
      VALUES (${nextTicketNumberSql(data.type)}, ${data.type}::"TicketType", ${data.title}, ${data.description},
        CASE WHEN EXISTS (SELECT 1 FROM chosen) THEN 'ASSIGNED' ELSE ${clocks.status} END::"TicketStatus", ${clocks.tier}::"Tier", ${plan.priority}::"Priority",
        ${plan.impact}::"Impact", ${plan.urgency}::"Urgency", ${category.id}, ${actor.id}, ${customer.organizationId}, ${group.id},
        (SELECT id FROM chosen), ${current.id}, ${now}, ${clocks.slaSecondsUsed}, ${clocks.slaClockSince}, ${clocks.l1SecondsUsed},
        ${clocks.l2SecondsUsed}, ${clocks.l3SecondsUsed}, ${clocks.tierClockSince}, ${clocks.vendorSecondsUsed}, ${clocks.vendorClockSince},
        ${clocks.firstRespondedAt}, ${clocks.nextUpdateDueAt}, ${clocks.firstResponseDueAt}, ${clocks.resolutionDueAt},
        ${clocks.resolutionWarnAt}, ${clocks.tierBudgetEndsAt}, ${clocks.tierBudgetWarnAt}, ${now}, ${now}, ${data.idempotencyKey ?? null})
      RETURNING *
    ), events AS (
      ${insertEventsSql(events, Prisma.sql`(SELECT "id" FROM ticket)`)}
    ), assigned AS (
      ${insertEventRecordsSql(
        // The candidate list is the same in every choice: sent once, set into the one chosen.
        Prisma.sql`(SELECT COALESCE(jsonb_agg(jsonb_set(${JSON.stringify(choices.map(withoutCandidates))}::jsonb -> (ord::int - 1),
          '{inputs,candidates}', ${JSON.stringify(choices[0]?.decision?.inputs.candidates ?? [])}::jsonb)), '[]'::jsonb) FROM chosen)`,
        Prisma.sql`(SELECT "id" FROM ticket)`,
      )}
    ), mail AS (
      ${insertReceivedMailSql(Prisma.sql`ticket`, { status: choiceIds.length ? "ASSIGNED" : clocks.status, nextUpdateDueAt: clocks.nextUpdateDueAt })}
    )
    ${selectTicketJsonSql(Prisma.sql`ticket`)}`;
  return row.ticket;
}
