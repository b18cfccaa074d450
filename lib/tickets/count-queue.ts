import type { Actor } from "@/lib/actor";
import { db } from "@/lib/db/client";
import { forbidden } from "@/lib/errors";
import { can } from "@/lib/permissions";
import { parseInput } from "@/lib/validation/parse";
import { ZQueueQuery } from "@/lib/validation/queue";
import { cappedCountSql, whereOf } from "./queue-conditions.sql";
import { cappedCount } from "./queue-count";
import { queueWhere } from "./queue-where";

/**
 * How many open tickets a queue query (view, filters, search) holds for this actor, up to QUEUE_COUNT_CAP:
 * a saved view's count, `capped` when it holds more.
 */
export async function countQueue(actor: Actor, input: unknown, now = new Date()): Promise<{ count: number; capped: boolean }> {
  if (!can(actor, "queue:view")) throw forbidden();
  const query = parseInput(ZQueueQuery.omit({ cursor: true }), input);
  const { listed } = await queueWhere(actor, query, now);
  const [row] = await db().$queryRaw<{ count: number }[]>`SELECT ${cappedCountSql(whereOf(listed))} AS count`;
  return cappedCount(row?.count ?? 0);
}
