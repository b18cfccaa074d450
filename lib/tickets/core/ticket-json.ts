import type { Prisma } from "@/lib/db/generated/client";

/** What every ticket read loads: enough for the API shape and the lists. */
export const TICKET_INCLUDE = {
  category: { select: { slug: true, name: true } },
  customer: { select: { userId: true, name: true, organization: { select: { slug: true, name: true } } } },
  group: { select: { slug: true, name: true, tier: true } },
  assignee: { select: { userId: true, name: true } },
} satisfies Prisma.TicketInclude;

export type TicketRow = Prisma.TicketGetPayload<{ include: typeof TICKET_INCLUDE }>;

export function toTicketJson(t: TicketRow) {
  return {
    number: t.number,
    type: t.type,
    title: t.title,
    description: t.description,
    status: t.status,
    tier: t.tier,
    priority: t.priority,
    impact: t.impact,
    urgency: t.urgency,
    category: { slug: t.category.slug, name: t.category.name },
    customer: {
      userId: t.customer.userId,
      name: t.customer.name,
      organization: t.customer.organization ? { slug: t.customer.organization.slug, name: t.customer.organization.name } : null,
    },
    group: { slug: t.group.slug, name: t.group.name, tier: t.group.tier },
    assignee: t.assignee ? { userId: t.assignee.userId, name: t.assignee.name } : null,
    externalReference: t.externalReference,
    version: t.version,
    createdAt: t.createdAt.toISOString(),
    updatedAt: t.updatedAt.toISOString(),
    /**
     * Null where that clock is stopped (waiting on the customer, resolved) or done (first response given),
     * except a tier budget that ran out before a pause: it stays, and escalates once the clock runs again.
     */
    due: {
      firstResponseAt: iso(t.firstResponseDueAt),
      resolutionAt: iso(t.resolutionDueAt),
      nextUpdateAt: iso(t.nextUpdateDueAt),
      tierBudgetEndsAt: iso(t.tierBudgetEndsAt),
    },
    /** Time used so far, in seconds: the customer clock, each tier's ledger, and the L4 vendor clock. */
    clocks: {
      customerClockRunning: t.slaClockSince !== null,
      customerSecondsUsed: t.slaSecondsUsed,
      tierSecondsUsed: { L1: t.l1SecondsUsed, L2: t.l2SecondsUsed, L3: t.l3SecondsUsed },
      vendorSecondsUsed: t.vendorSecondsUsed,
      vendorClockRunning: t.vendorClockSince !== null,
    },
    firstRespondedAt: iso(t.firstRespondedAt),
    resolvedAt: iso(t.resolvedAt),
  };
}

export type TicketJson = ReturnType<typeof toTicketJson>;

const iso = (date: Date | null) => date?.toISOString() ?? null;
