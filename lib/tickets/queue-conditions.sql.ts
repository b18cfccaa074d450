// The queue's views and filters as SQL conditions on "Ticket" t: pure (no database), so the definitions
// are tested on their own, and every count runs exactly the condition its view lists with.
import { Prisma } from "@/lib/db/generated/client";
import type { Priority } from "@/lib/db/generated/enums";
import { OPEN_STATUSES, type OpenStatus, type QueueSort, type QueueView, type SortDirection } from "@/lib/validation/queue";
import { QUEUE_COUNT_CAP } from "./queue-count";
import { sortKeyIsNullable, type QueuePosition } from "./queue-cursor";
import type { QueueScope } from "./queue-scope";

export const ESCALATION_WINDOW_HOURS = 24;

export interface QueueFilters {
  status?: OpenStatus;
  priority?: Priority;
  category?: string;
  group?: string;
  q?: string;
}

const enumValue = (value: string, type: "Tier" | "TicketStatus" | "Priority" | "TicketEventType") =>
  Prisma.sql`${value}::${Prisma.raw(`"${type}"`)}`;
const enumList = (values: readonly string[], type: Parameters<typeof enumValue>[1]) => Prisma.join(values.map((v) => enumValue(v, type)));
const and = (conditions: Prisma.Sql[]) => (conditions.length ? Prisma.join(conditions, " AND ") : Prisma.sql`TRUE`);

/**
 * The open statuses as literals, not parameters: the queue's partial indexes (WHERE "status" IN (…) of migration
 * queue_open_indexes) serve a statement only when the planner sees these values, also in the generic plan a
 * prepared statement switches to after its first runs.
 */
const OPEN = Prisma.raw(`t."status" IN (${OPEN_STATUSES.map((s) => `'${s}'`).join(", ")})`);

/** Open tickets of the scope's tiers: what every view starts from. */
export function scopeCondition(scope: QueueScope): Prisma.Sql {
  const open = OPEN;
  if (!scope.tiers) return open;
  const tier = scope.tiers.length === 1 ? Prisma.sql`t."tier" = ${enumValue(scope.tiers[0]!, "Tier")}` : Prisma.sql`t."tier" IN (${enumList(scope.tiers, "Tier")})`;
  return Prisma.sql`${open} AND ${tier}`;
}

/**
 * What each view adds to the scope. Each is backed by an index on "Ticket" (or "TicketEvent"):
 * - mine: assigned to the actor (the open tickets' assigneeId, tier, with the sort columns);
 * - unassigned: nobody's yet, in one of `groupIds`, the actor's groups (groupId, assigneeId, priority, id);
 * - tier: every open ticket of the scope (tier, priority, id);
 * - due-soon: 75 % of the tier budget or of the resolution target is used (the open tickets' tier, tierBudgetWarnAt
 *   and tier, resolutionWarnAt);
 * - update-due: a customer update fell due, or the sweep flagged one (the open tickets' tier, nextUpdateDueAt and
 *   tier, updateDueFlaggedAt).
 *   Issue 4 calls it an L1 view; it is scoped like the others instead, because only the owning tier may
 *   write on a ticket (add-comment.ts), so an L2 ticket's update is L2's to give;
 * - escalated: see escalatedCondition.
 * `groupIds` null means any group (managers).
 */
export function viewCondition(view: QueueView, scope: QueueScope, groupIds: string[] | null, now: Date): Prisma.Sql {
  switch (view) {
    case "mine":
      return Prisma.sql`t."assigneeId" = ${scope.actorId}`;
    case "unassigned":
      if (!groupIds) return Prisma.sql`t."assigneeId" IS NULL`;
      if (groupIds.length === 0) return Prisma.sql`FALSE`;
      return groupIds.length === 1
        ? Prisma.sql`t."assigneeId" IS NULL AND t."groupId" = ${groupIds[0]}`
        : Prisma.sql`t."assigneeId" IS NULL AND t."groupId" IN (${Prisma.join(groupIds)})`;
    case "tier":
      return Prisma.sql`TRUE`;
    case "due-soon":
      return Prisma.sql`(t."tierBudgetWarnAt" <= ${now} OR t."resolutionWarnAt" <= ${now})`;
    case "update-due":
      return Prisma.sql`(t."nextUpdateDueAt" <= ${now} OR t."updateDueFlaggedAt" IS NOT NULL)`;
    case "escalated":
      return escalatedCondition(scope, now);
  }
}

/**
 * "Escalated to me in the last 24 h": the ticket is open in the actor's queue now, and within the last
 * 24 hours an ESCALATED or AUTO_ESCALATED event brought it to the actor's tier (toTier). Tickets handed to
 * the actor by that escalation are included, since they reached the actor's tier too; an L3 owner handing
 * a ticket off to L4 is not escalated *to*, so toTier (not toAssignee) decides. Managers: the chosen tier,
 * or any. Indexed by "TicketEvent"(type, createdAt) (partial): the last day's escalations are few, whatever the backlog.
 */
// Literals, as OPEN: the (type, createdAt) index is partial (migration counted_events_index) and serves only a
// statement whose types the planner sees, also in a generic plan.
const ESCALATED_TYPES = Prisma.raw(`e."type" IN ('ESCALATED', 'AUTO_ESCALATED')`);

function escalatedCondition(scope: QueueScope, now: Date): Prisma.Sql {
  const since = new Date(now.getTime() - ESCALATION_WINDOW_HOURS * 3_600_000);
  const toTier = scope.escalationTier ? Prisma.sql`AND e."toTier" = ${enumValue(scope.escalationTier, "Tier")}` : Prisma.empty;
  // ARRAY(…) runs the event lookup once (an InitPlan), then tickets are fetched by primary key. As a plain
  // IN (…) the planner may instead walk the whole tier in queue order probing events per ticket (150 ms
  // at 100k tickets when nothing matches).
  return Prisma.sql`t."id" = ANY (ARRAY(
    SELECT e."ticketId" FROM "TicketEvent" e
    WHERE ${ESCALATED_TYPES} AND e."createdAt" >= ${since} ${toTier}
  ))`;
}

/** The filters and the full-text search (number, title, description, public replies). */
export function filterConditions(filters: QueueFilters): Prisma.Sql[] {
  const conditions: Prisma.Sql[] = [];
  if (filters.status) conditions.push(Prisma.sql`t."status" = ${enumValue(filters.status, "TicketStatus")}`);
  if (filters.priority) conditions.push(Prisma.sql`t."priority" = ${enumValue(filters.priority, "Priority")}`);
  if (filters.category) conditions.push(Prisma.sql`t."categoryId" = (SELECT c."id" FROM "Category" c WHERE c."slug" = ${filters.category})`);
  if (filters.group) conditions.push(Prisma.sql`t."groupId" = (SELECT g."id" FROM "SupportGroup" g WHERE g."slug" = ${filters.group})`);
  if (filters.q) conditions.push(Prisma.sql`t."searchVector" @@ websearch_to_tsquery('english', ${filters.q})`);
  return conditions;
}

const SORT_COLUMN: Record<QueueSort, string> = {
  priority: "priority",
  "first-response": "firstResponseDueAt",
  resolution: "resolutionDueAt",
  "tier-budget": "tierBudgetEndsAt",
  updated: "updatedAt",
  age: "id",
};

/**
 * The queue's order: the sort's column in `dir`, stopped clocks (null) last either way, then the id in
 * the same direction, so every row has one place and pages neither skip nor repeat on ties.
 */
export function orderBy(sort: QueueSort, dir: SortDirection): Prisma.Sql {
  const d = Prisma.raw(dir === "asc" ? "ASC" : "DESC");
  if (sort === "age") return Prisma.sql`t."id" ${d}`;
  const column = Prisma.raw(`t."${SORT_COLUMN[sort]}"`);
  return sortKeyIsNullable(sort) ? Prisma.sql`${column} ${d} NULLS LAST, t."id" ${d}` : Prisma.sql`${column} ${d}, t."id" ${d}`;
}

/**
 * Rows after `position` in that order: a row comparison the (tier, column, id) index can seek to. After
 * the last dated row come the stopped clocks; among those, the id decides.
 */
export function afterCondition(position: QueuePosition): Prisma.Sql {
  const op = Prisma.raw(position.dir === "asc" ? ">" : "<");
  if (position.sort === "age") return Prisma.sql`t."id" ${op} ${position.id}`;
  const column = Prisma.raw(`t."${SORT_COLUMN[position.sort]}"`);
  if (position.key === null) return Prisma.sql`(${column} IS NULL AND t."id" ${op} ${position.id})`;
  const key = typeof position.key === "number" ? new Date(position.key) : enumValue(position.key, "Priority");
  const after = Prisma.sql`(${column}, t."id") ${op} (${key}, ${position.id})`;
  return sortKeyIsNullable(position.sort) ? Prisma.sql`(${after} OR ${column} IS NULL)` : after;
}

/** How many tickets of "Ticket" t match `where`, counting at most QUEUE_COUNT_CAP + 1 of them (an int). */
export function cappedCountSql(where: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(SELECT count(*)::int FROM (SELECT 1 FROM "Ticket" t WHERE ${where} LIMIT ${Prisma.raw(String(QUEUE_COUNT_CAP + 1))}) AS capped)`;
}

export function whereOf(conditions: Prisma.Sql[]): Prisma.Sql {
  return and(conditions);
}
