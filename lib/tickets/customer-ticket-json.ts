import type { Prisma } from "@/lib/db/generated/client";
import { CUSTOMER_PRIORITY, CUSTOMER_STATUS, SUPPORT_LEVEL } from "@/lib/tickets/core/customer-labels";

/** Who the customer is told opened a ticket support logged for them: the desk, never the agent. */
export const OPENED_BY_SERVICE_DESK = "Service Desk";

/** What a customer's ticket read loads: no group, assignee or clock columns beyond the update promise. */
export const CUSTOMER_TICKET_SELECT = {
  id: true,
  number: true,
  type: true,
  title: true,
  description: true,
  status: true,
  tier: true,
  priority: true,
  version: true,
  nextUpdateDueAt: true,
  createdAt: true,
  updatedAt: true,
  resolvedAt: true,
  closedAt: true,
  // Only whether staff opened it: the customer is told "Service Desk", never who.
  openedById: true,
  category: { select: { name: true } },
  rating: { select: { score: true, comment: true, updatedAt: true } },
} satisfies Prisma.TicketSelect;

export type CustomerTicketRow = Prisma.TicketGetPayload<{ select: typeof CUSTOMER_TICKET_SELECT }>;

/**
 * The customer's view of a ticket: status and priority in plain words, the support level working on it
 * (never a group or agent name), the next update promised and the last activity.
 */
export function toCustomerTicketJson(t: CustomerTicketRow) {
  return {
    number: t.number,
    type: t.type,
    title: t.title,
    description: t.description,
    status: t.status,
    statusLabel: CUSTOMER_STATUS[t.status],
    priorityLabel: CUSTOMER_PRIORITY[t.priority],
    supportLevel: SUPPORT_LEVEL[t.tier],
    category: t.category.name,
    version: t.version,
    /** When support promised the next update; null while nothing is promised (waiting on you, resolved, closed). */
    nextUpdateAt: t.nextUpdateDueAt?.toISOString() ?? null,
    lastActivityAt: t.updatedAt.toISOString(),
    createdAt: t.createdAt.toISOString(),
    resolvedAt: t.resolvedAt?.toISOString() ?? null,
    closedAt: t.closedAt?.toISOString() ?? null,
    /** "Service Desk" when support logged the ticket for the customer (a call, chat, mail or visit); null when they opened it. */
    openedBy: t.openedById ? OPENED_BY_SERVICE_DESK : null,
    rating: t.rating ? { score: t.rating.score, comment: t.rating.comment, ratedAt: t.rating.updatedAt.toISOString() } : null,
  };
}

export type CustomerTicketJson = ReturnType<typeof toCustomerTicketJson>;
