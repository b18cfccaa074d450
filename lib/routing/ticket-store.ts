// Loading and saving tickets for the routing service: scoped reads, the targets in force, candidate
// loads, and the optimistic write that refuses a stale version.
import type { Actor } from "@/lib/actor";
import type { Transaction } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import type { Priority } from "@/lib/db/generated/enums";
import { AppError, notFound } from "@/lib/errors";
import { visibleTicketWhere } from "@/lib/permissions";
import { PRIORITY_WEIGHT, type Candidate } from "./candidates";
import type { CalendarData } from "./business-hours";
import { calendarData } from "./matrix-store";
import type { SlaTargetData } from "./sla";

export const ROUTING_INCLUDE = {
  category: { include: { l2Group: true } },
  group: true,
  assignee: { select: { id: true, userId: true, name: true } },
  customer: { select: { id: true, userId: true, name: true } },
} satisfies Prisma.TicketInclude;

export type RoutingTicket = Prisma.TicketGetPayload<{ include: typeof ROUTING_INCLUDE }>;

/** The ticket by number as `actor` may see it: another customer's ticket is "not found". */
export async function loadTicket(tx: Transaction, actor: Actor, number: string): Promise<RoutingTicket> {
  const row = await tx.ticket.findFirst({ where: visibleTicketWhere(actor, number), include: ROUTING_INCLUDE });
  if (!row) throw notFound("Ticket");
  return row;
}

export interface Rules {
  target: SlaTargetData;
  calendar: CalendarData;
}

export async function loadRules(tx: Transaction, matrixVersionId: string, priority: Priority): Promise<Rules> {
  const version = await tx.priorityMatrixVersion.findUniqueOrThrow({
    where: { id: matrixVersionId },
    include: { targets: { where: { priority } }, calendar: { include: { holidays: true } } },
  });
  const target = version.targets[0];
  if (!target) throw new Error(`Matrix version ${version.version} has no target for ${priority}.`);
  return { target, calendar: calendarData(version.calendar) };
}

/** Active agents of each group with their open load (priority-weighted), in two queries whatever the number of groups. */
export async function loadCandidates(tx: Transaction, groupIds: string[]): Promise<Map<string, Candidate[]>> {
  const members = await tx.groupMembership.findMany({
    where: { groupId: { in: groupIds }, user: { active: true, role: "AGENT" } },
    select: { groupId: true, user: { select: { id: true, userId: true, name: true, lastAssignedAt: true } } },
  });
  const ids = [...new Set(members.map((m) => m.user.id))];
  const loads = ids.length
    ? await tx.ticket.groupBy({
        by: ["assigneeId", "priority"],
        where: { assigneeId: { in: ids }, status: { notIn: ["RESOLVED", "CLOSED"] } },
        _count: { _all: true },
      })
    : [];
  const load = new Map<string, { load: number; open: number }>();
  for (const row of loads) {
    const entry = load.get(row.assigneeId!) ?? { load: 0, open: 0 };
    entry.load += PRIORITY_WEIGHT[row.priority] * row._count._all;
    entry.open += row._count._all;
    load.set(row.assigneeId!, entry);
  }
  const byGroup = new Map<string, Candidate[]>(groupIds.map((id) => [id, []]));
  for (const m of members) {
    byGroup.get(m.groupId)!.push({
      ...m.user,
      load: load.get(m.user.id)?.load ?? 0,
      openTickets: load.get(m.user.id)?.open ?? 0,
    });
  }
  return byGroup;
}

/**
 * Writes a change only if nobody changed the ticket since it was read: a stale version is a 409 that
 * names the current one. Every change increments the version.
 */
export async function saveTicket(
  tx: Transaction,
  ticket: { id: number; version: number },
  data: Prisma.TicketUncheckedUpdateManyInput,
): Promise<void> {
  const { count } = await tx.ticket.updateMany({ where: { id: ticket.id, version: ticket.version }, data: { ...data, version: { increment: 1 } } });
  if (count === 0) {
    const current = await tx.ticket.findUnique({ where: { id: ticket.id }, select: { version: true } });
    throw staleVersion(current?.version ?? ticket.version);
  }
}

export function staleVersion(current: number): AppError {
  return new AppError("CONFLICT", "Someone changed this ticket since you read it. Reload and try again.", undefined, { currentVersion: current });
}

export type EventInput = Omit<Prisma.TicketEventUncheckedCreateInput, "ticketId" | "id">;

export async function recordEvents(tx: Transaction, ticketId: number, events: EventInput[]): Promise<void> {
  if (events.length) await tx.ticketEvent.createMany({ data: events.map((e) => ({ ...e, ticketId })) });
}
