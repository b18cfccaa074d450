import type { Actor } from "@/lib/actor";
import { db } from "@/lib/db/client";
import { forbidden, invalid } from "@/lib/errors";
import { can } from "@/lib/permissions";
import { clockColumnsOf } from "@/lib/routing/clock-columns";
import { INTAKE_GROUP_SLUG, planIntake } from "@/lib/routing/intake";
import { placeInGroup } from "@/lib/routing/placement";
import { loadCandidates } from "@/lib/routing/ticket-store";
import { loadCurrentMatrix } from "@/lib/routing/matrix-store";
import { parseInput } from "@/lib/validation/parse";
import { ZCreateTicket } from "@/lib/validation/ticket";
import { formatTicketNumber, NUMBER_SEQUENCE } from "./ticket-number";
import { TICKET_INCLUDE, toTicketJson, type TicketJson } from "./ticket-json";

/**
 * A customer opens an incident or service request. It enters at L1 in the intake group, classified on
 * the current matrix, with its due times, a number that is never reused, and the events that explain it:
 * all in one transaction.
 */
export async function createTicket(actor: Actor, input: unknown, now = new Date()): Promise<TicketJson> {
  if (!can(actor, "ticket:create")) throw forbidden("Only customers open tickets here.");
  const data = parseInput(ZCreateTicket, input);

  const row = await db().$transaction(async (tx) => {
    const category = await tx.category.findUnique({ where: { slug: data.category } });
    if (!category) throw invalid({ category: ["Choose one of the listed categories."] });
    const customer = await tx.user.findUniqueOrThrow({
      where: { id: actor.id },
      select: { id: true, userId: true, organizationId: true, organization: { select: { name: true } } },
    });
    const group = await tx.supportGroup.findUnique({ where: { slug: INTAKE_GROUP_SLUG } });
    if (!group || group.tier !== "L1") throw new Error(`The L1 intake group "${INTAKE_GROUP_SLUG}" is missing.`);
    const current = await loadCurrentMatrix(tx);

    const plan = planIntake({
      now,
      hints: { impact: data.impact, urgency: data.urgency },
      category,
      matrix: current.matrix,
      targets: current.targets,
      calendar: current.calendar,
      group,
      customer: { userId: customer.userId, organization: customer.organization?.name ?? null },
    });

    // An auto-assigning intake group hands the ticket to its least-loaded agent straight away.
    const placement =
      group.assignmentMode === "AUTO" ? placeInGroup(group, (await loadCandidates(tx, [group.id])).get(group.id) ?? []) : null;
    const assignee = placement?.assignee ?? null;

    const [{ sequence }] = await tx.$queryRaw<[{ sequence: number }]>`SELECT nextval(${NUMBER_SEQUENCE[data.type]}::regclass)::int AS sequence`;

    const created = await tx.ticket.create({
      data: {
        number: formatTicketNumber(data.type, sequence),
        type: data.type,
        title: data.title,
        description: data.description,
        priority: plan.priority,
        impact: plan.impact,
        urgency: plan.urgency,
        categoryId: category.id,
        customerId: customer.id,
        organizationId: customer.organizationId,
        groupId: group.id,
        assigneeId: assignee?.id ?? null,
        matrixVersionId: current.id,
        tierEnteredAt: now,
        ...clockColumnsOf(plan.clocks),
        ...(assignee ? { status: "ASSIGNED" as const } : {}),
        createdAt: now,
        updatedAt: now,
        events: {
          create: [
            { type: "CREATED", actorId: actor.id, toTier: "L1", toGroup: group.slug, createdAt: now, ...plan.created },
            { type: "CLASSIFIED", actorId: null, createdAt: now, ...plan.classified },
            ...(placement?.decision
              ? [{ type: "ASSIGNED" as const, actorId: null, fromTier: "L1" as const, toTier: "L1" as const, toGroup: group.slug, toAssignee: assignee?.userId ?? null, createdAt: now, ...placement.decision }]
              : []),
          ],
        },
      },
      include: TICKET_INCLUDE,
    });
    // Last: the agent's row stays locked for the shortest time when intakes run side by side.
    if (assignee) await tx.user.updateMany({ where: { id: assignee.id }, data: { lastAssignedAt: now } });
    return created;
  });
  return toTicketJson(row);
}
