import type { Actor } from "@/lib/actor";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { Priority, TicketStatus, type Tier } from "@/lib/db/generated/enums";
import { forbidden } from "@/lib/errors";
import { can } from "@/lib/permissions";

export const OPEN_STATUSES: TicketStatus[] = [
  TicketStatus.NEW,
  TicketStatus.ASSIGNED,
  TicketStatus.IN_PROGRESS,
  TicketStatus.PENDING_CUSTOMER,
  TicketStatus.PENDING_VENDOR,
];
const PRIORITIES = Object.values(Priority);
export const QUEUE_PAGE_SIZE = 50;

export interface QueueRow {
  number: string;
  title: string;
  priority: Priority;
  status: TicketStatus;
  category: string;
  customer: { userId: string; name: string; organization: string | null };
  assignee: string | null;
  createdAt: Date;
}

/** Cursor "P2.1234": the last row's priority and id. */
function parseCursor(cursor: string | undefined): { priority: Priority; id: number } | null {
  const match = cursor?.match(/^(P[1-5])\.([1-9][0-9]{0,9})$/);
  return match ? { priority: match[1] as Priority, id: Number(match[2]) } : null;
}

function after(cursor: { priority: Priority; id: number }): Prisma.TicketWhereInput {
  const later = PRIORITIES.slice(PRIORITIES.indexOf(cursor.priority) + 1);
  return { OR: [{ priority: { in: later } }, { priority: cursor.priority, id: { gt: cursor.id } }] };
}

/** Open tickets at a tier, highest priority first and oldest first within a priority; keyset-paginated. */
export async function findQueue(actor: Actor, tier: Tier, cursor?: string) {
  if (!can(actor, "queue:view")) throw forbidden();
  const position = parseCursor(cursor);
  const rows = await db().ticket.findMany({
    where: { tier, status: { in: OPEN_STATUSES }, ...(position ? after(position) : {}) },
    orderBy: [{ priority: "asc" }, { id: "asc" }],
    take: QUEUE_PAGE_SIZE + 1,
    select: {
      id: true,
      number: true,
      title: true,
      priority: true,
      status: true,
      createdAt: true,
      category: { select: { name: true } },
      customer: { select: { userId: true, name: true, organization: { select: { name: true } } } },
      assignee: { select: { name: true } },
    },
  });
  const page = rows.slice(0, QUEUE_PAGE_SIZE);
  const last = page[page.length - 1];
  return {
    rows: page.map(
      (r): QueueRow => ({
        number: r.number,
        title: r.title,
        priority: r.priority,
        status: r.status,
        category: r.category.name,
        customer: { userId: r.customer.userId, name: r.customer.name, organization: r.customer.organization?.name ?? null },
        assignee: r.assignee?.name ?? null,
        createdAt: r.createdAt,
      }),
    ),
    nextCursor: rows.length > QUEUE_PAGE_SIZE && last ? `${last.priority}.${last.id}` : null,
  };
}
