import type { Actor } from "@/lib/actor";
import { db } from "@/lib/db/client";
import { forbidden } from "@/lib/errors";
import { can } from "@/lib/permissions";
import { parseInput } from "@/lib/validation/parse";
import type { VerbInput } from "@/lib/validation/unchecked";
import { ZQueueQuery } from "@/lib/validation/queue";
import { cappedCountSql, whereOf } from "./queue-conditions.sql";
import { cappedCount } from "./queue-count";
import { queueWhere } from "./queue-where";

/** A queue query without its cursor: a count is of the whole queue. */
const ZQueueCount = ZQueueQuery.omit({ cursor: true });

/**
 * How many open tickets a queue query (view, filters, search) holds for this actor, up to QUEUE_COUNT_CAP:
 * a saved view's count, `capped` when it holds more.
 */
export async function countQueue(actor: Actor, input: VerbInput<typeof ZQueueCount>, now = new Date()): Promise<{ count: number; capped: boolean }> {
  if (!can(actor, "queue:view")) throw forbidden();
  const query = parseInput(ZQueueCount, input);
  const { listed } = await queueWhere(actor, query, now);
  const [row] = await db().$queryRaw<{ count: number }[]>`SELECT ${cappedCountSql(whereOf(listed))} AS count`;
  return cappedCount(row?.count ?? 0);
}
