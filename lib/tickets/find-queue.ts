import type { Actor } from "@/lib/actor";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import type { Priority, TicketChannel, TicketStatus, Tier } from "@/lib/db/generated/enums";
import { forbidden, invalid } from "@/lib/errors";
import { can } from "@/lib/permissions";
import { parseInput } from "@/lib/validation/parse";
import type { VerbInput } from "@/lib/validation/unchecked";
import { DEFAULT_QUEUE_SORT, QUEUE_VIEWS, ZQueueQuery, type QueueQuery, type QueueSort, type QueueTier, type QueueView, type SortDirection } from "@/lib/validation/queue";
import { afterCondition, cappedCountSql, orderBy, whereOf } from "./queue-conditions.sql";
import { cappedCount, QUEUE_COUNT_CAP } from "./queue-count";
import { decodeQueueCursor, encodeQueueCursor, sortKeyOf } from "./queue-cursor";
import { queueWhere } from "./queue-where";

export const QUEUE_PAGE_SIZE = 50;

/** One queue row, JSON-safe (instants as ISO strings): the page renders it, the API returns it. */
export interface QueueRow {
  number: string;
  /** What a bulk action sends back, so a ticket changed since it was read is refused. */
  version: number;
  title: string;
  priority: Priority;
  tier: Tier;
  status: TicketStatus;
  category: { slug: string; name: string };
  group: { slug: string; name: string };
  customer: { userId: string; name: string; organization: string | null };
  assignee: { userId: string; name: string } | null;
  createdAt: string;
  updatedAt: string;
  /** How it came in: the queue marks incidents opened by a monitoring alert. */
  channel: TicketChannel;
  /** Null where that clock is stopped. Warn instants are 75 % of the budget or target (25 % left). */
  /** A major incident with its child count (any status); null for other tickets. */
  majorIncident: { childCount: number } | null;
  /** The major incident a child is attached to. */
  parentNumber: string | null;
  due: {
    firstResponseDueAt: string | null;
    tierBudgetWarnAt: string | null;
    tierBudgetEndsAt: string | null;
    resolutionWarnAt: string | null;
    resolutionDueAt: string | null;
  };
}

export interface QueuePage {
  view: QueueView;
  tier: QueueTier;
  sort: QueueSort;
  dir: SortDirection;
  /** The query as understood, without the cursor: what links and polling repeat. */
  query: Omit<QueueQuery, "cursor">;
  rows: QueueRow[];
  /** Tickets in each view of this scope, before filters and search; at most `countCap` (see cappedCounts). */
  counts: Record<QueueView, number>;
  /** Views holding more than `countCap` tickets: their count is the cap, shown as "10,000+". */
  cappedCounts: QueueView[];
  countCap: number;
  nextCursor: string | null;
  /** The server's clock when the page was read. */
  now: string;
}

const ROW_SELECT = {
  id: true,
  number: true,
  version: true,
  title: true,
  priority: true,
  tier: true,
  status: true,
  createdAt: true,
  updatedAt: true,
  firstResponseDueAt: true,
  tierBudgetWarnAt: true,
  tierBudgetEndsAt: true,
  resolutionWarnAt: true,
  resolutionDueAt: true,
  category: { select: { slug: true, name: true } },
  group: { select: { slug: true, name: true } },
  customer: { select: { userId: true, name: true, organization: { select: { name: true } } } },
  assignee: { select: { userId: true, name: true } },
  isMajorIncident: true,
  majorIncident: { select: { number: true } },
  channel: true,
} satisfies Prisma.TicketSelect;

const iso = (date: Date | null) => date?.toISOString() ?? null;

/**
 * The agent queue: one view of the actor's scope, filtered and searched, sorted (by default highest
 * priority first, oldest first within a priority), keyset-paginated, with the count of every view.
 * A cursor read in another sort or direction is refused: it names no place in this order.
 */
export async function findQueue(actor: Actor, input: VerbInput<typeof ZQueueQuery>, now = new Date()): Promise<QueuePage> {
  if (!can(actor, "queue:view")) throw forbidden();
  const { cursor, ...query } = parseInput(ZQueueQuery, input);
  const { scope, view, base, viewOf, listed } = await queueWhere(actor, query, now);
  const sort = query.sort ?? DEFAULT_QUEUE_SORT;
  const dir = query.dir ?? "asc";
  const take = query.limit ?? QUEUE_PAGE_SIZE;
  const position = decodeQueueCursor(cursor);
  if (cursor && (!position || position.sort !== sort || position.dir !== dir)) throw invalid({ cursor: ["Invalid cursor."] });

  const where = whereOf([...listed, ...(position ? [afterCondition(position)] : [])]);
  const counted = QUEUE_VIEWS.map((v) => Prisma.sql`${cappedCountSql(whereOf([base, viewOf(v)]))} AS ${Prisma.raw(`"${v}"`)}`);

  const [ids, [counts]] = await Promise.all([
    db().$queryRaw<{ id: number }[]>`${view === "mine" ? mineFirst(where) : Prisma.sql`SELECT t."id" FROM "Ticket" t WHERE ${where}`} ORDER BY ${orderBy(sort, dir)} LIMIT ${take + 1}`,
    db().$queryRaw<Record<QueueView, number>[]>`SELECT ${Prisma.join(counted)}`,
  ]);
  const pageIds = ids.slice(0, take).map((r) => r.id);
  const found = pageIds.length ? await db().ticket.findMany({ where: { id: { in: pageIds } }, select: ROW_SELECT }) : [];
  const byId = new Map(found.map((t) => [t.id, t]));
  const rows = pageIds.flatMap((id) => {
    const t = byId.get(id);
    return t ? [t] : [];
  });
  const last = rows[rows.length - 1];
  const childCounts = await countChildren(rows.filter((t) => t.isMajorIncident).map((t) => t.id));

  return {
    view,
    tier: scope.selected,
    sort,
    dir,
    query,
    rows: rows.map(
      (t): QueueRow => ({
        number: t.number,
        version: t.version,
        title: t.title,
        priority: t.priority,
        tier: t.tier,
        status: t.status,
        category: t.category,
        group: t.group,
        customer: { userId: t.customer.userId, name: t.customer.name, organization: t.customer.organization?.name ?? null },
        assignee: t.assignee,
        createdAt: t.createdAt.toISOString(),
        updatedAt: t.updatedAt.toISOString(),
        channel: t.channel,
        majorIncident: t.isMajorIncident ? { childCount: childCounts.get(t.id) ?? 0 } : null,
        parentNumber: t.majorIncident?.number ?? null,
        due: {
          firstResponseDueAt: iso(t.firstResponseDueAt),
          tierBudgetWarnAt: iso(t.tierBudgetWarnAt),
          tierBudgetEndsAt: iso(t.tierBudgetEndsAt),
          resolutionWarnAt: iso(t.resolutionWarnAt),
          resolutionDueAt: iso(t.resolutionDueAt),
        },
      }),
    ),
    counts: Object.fromEntries(QUEUE_VIEWS.map((v) => [v, cappedCount(counts![v]).count])) as Record<QueueView, number>,
    cappedCounts: QUEUE_VIEWS.filter((v) => cappedCount(counts![v]).capped),
    countCap: QUEUE_COUNT_CAP,
    nextCursor: ids.length > take && last ? encodeQueueCursor({ sort, dir, key: sortKeyOf(sort, last), id: last.id }) : null,
    now: now.toISOString(),
  };
}

/**
 * "Mine": the actor's open tickets, found by the assignee index first and then sorted. They are few, but where they
 * fall in a sort's order is unknowable to the planner, which otherwise walked the tier in that order hoping to meet
 * them soon (passing tens of thousands of colleagues' tickets when the actor's clocks were stopped).
 */
function mineFirst(where: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`WITH t AS MATERIALIZED (
    SELECT t."id", t."priority", t."firstResponseDueAt", t."resolutionDueAt", t."tierBudgetEndsAt", t."updatedAt" FROM "Ticket" t WHERE ${where}
  ) SELECT t."id" FROM t`;
}

/** Children of the page's major incidents: one grouped read on the (majorIncidentId, status) index, none when the page has none. */
async function countChildren(parentIds: number[]): Promise<Map<number, number>> {
  if (!parentIds.length) return new Map();
  const groups = await db().ticket.groupBy({ by: ["majorIncidentId"], where: { majorIncidentId: { in: parentIds } }, _count: { _all: true } });
  return new Map(groups.map((g) => [g.majorIncidentId!, g._count._all]));
}
