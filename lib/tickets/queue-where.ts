import type { Actor } from "@/lib/actor";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { DEFAULT_QUEUE_VIEW, type QueueQuery, type QueueView } from "@/lib/validation/queue";
import { filterConditions, scopeCondition, viewCondition } from "./queue-conditions.sql";
import { queueScopeFor, type QueueScope } from "./queue-scope";

export interface QueueWhere {
  scope: QueueScope;
  view: QueueView;
  /** Open tickets of the scope: what every view starts from. */
  base: Prisma.Sql;
  /** The view's condition of any view, for the counts. */
  viewOf: (view: QueueView) => Prisma.Sql;
  /** The chosen view's condition with the filters and search. */
  listed: Prisma.Sql[];
}

/** The conditions of a parsed queue query for this actor: the same for the list, the counts and saved views. */
export async function queueWhere(actor: Actor, query: Omit<QueueQuery, "cursor">, now: Date): Promise<QueueWhere> {
  const scope = queueScopeFor(actor, query.tier);
  const view = query.view ?? DEFAULT_QUEUE_VIEW;
  const isManager = actor.role === "MANAGER" || actor.role === "ADMIN";
  const groupIds = isManager
    ? null
    : (await db().groupMembership.findMany({ where: { userId: actor.id }, select: { groupId: true } })).map((m) => m.groupId);
  const base = scopeCondition(scope);
  const viewOf = (v: QueueView) => viewCondition(v, scope, groupIds, now);
  return { scope, view, base, viewOf, listed: [base, viewOf(view), ...filterConditions(query)] };
}
