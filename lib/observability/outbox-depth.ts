import { Prisma } from "@/lib/db/generated/client";
import { queryStatement } from "@/lib/db/statement";

export interface QueueDepth {
  /** Waiting to be sent: due now, held (coalescing status mail) or scheduled for a retry. */
  pending: number;
  /** Pending and due now: what a worker should be taking. */
  due: number;
  /** Gave up after the last attempt. */
  failed: number;
}

export interface OutboxDepth {
  mail: QueueDepth;
  webhooks: QueueDepth;
}

interface DepthRow {
  queue: "mail" | "webhooks";
  pending: number;
  due: number;
  failed: number;
}

/**
 * The mail outbox's and the webhook deliveries' depth by status, in one statement read on each table's
 * (status, nextAttemptAt) index: sent rows, which only grow, are never counted.
 */
export async function outboxDepth(now: Date): Promise<OutboxDepth> {
  const rows = await queryStatement<DepthRow>(Prisma.sql`
    SELECT 'mail' AS "queue",
      count(*) FILTER (WHERE "status" = 'PENDING')::int AS "pending",
      count(*) FILTER (WHERE "status" = 'PENDING' AND "nextAttemptAt" <= ${now})::int AS "due",
      count(*) FILTER (WHERE "status" = 'FAILED')::int AS "failed"
    FROM "OutboxMessage" WHERE "status" IN ('PENDING', 'FAILED')
    UNION ALL
    SELECT 'webhooks',
      count(*) FILTER (WHERE "status" = 'PENDING')::int,
      count(*) FILTER (WHERE "status" = 'PENDING' AND "nextAttemptAt" <= ${now})::int,
      count(*) FILTER (WHERE "status" = 'FAILED')::int
    FROM "WebhookDelivery" WHERE "status" IN ('PENDING', 'FAILED')`);
  const of = (queue: DepthRow["queue"]): QueueDepth => {
    const row = rows.find((r) => r.queue === queue);
    return { pending: Number(row?.pending ?? 0), due: Number(row?.due ?? 0), failed: Number(row?.failed ?? 0) };
  };
  return { mail: of("mail"), webhooks: of("webhooks") };
}
