import type { Actor } from "@/lib/actor";
import { db } from "@/lib/db/client";
import { forbidden } from "@/lib/errors";
import { can } from "@/lib/permissions";
import { parseInput } from "@/lib/validation/parse";
import { ZQueueQuery } from "@/lib/validation/queue";
import { whereOf } from "./queue-conditions";
import { queueWhere } from "./queue-where";

/** How many open tickets a queue query (view, filters, search) holds for this actor: a saved view's count. */
export async function countQueue(actor: Actor, input: unknown, now = new Date()): Promise<number> {
  if (!can(actor, "queue:view")) throw forbidden();
  const query = parseInput(ZQueueQuery.omit({ cursor: true }), input);
  const { listed } = await queueWhere(actor, query, now);
  const [row] = await db().$queryRaw<{ count: number }[]>`SELECT count(*)::int AS count FROM "Ticket" t WHERE ${whereOf(listed)}`;
  return row?.count ?? 0;
}
