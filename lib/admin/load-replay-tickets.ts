import type { Transaction } from "@/lib/db/client";
import type { ReplayTicket } from "@/lib/routing/what-if";

/**
 * The tickets created in [from, to) with only the columns the replay needs, in ONE query capped at
 * `cap` (oldest first, by id). One row beyond the cap is read to tell whether the period held more.
 */
export async function loadReplayTickets(tx: Transaction, from: Date, to: Date, cap: number): Promise<{ tickets: ReplayTicket[]; capped: boolean }> {
  const rows = await tx.$queryRaw<ReplayTicket[]>`
    SELECT "impact", "urgency", "tier", "status", "createdAt", "firstRespondedAt", "resolvedAt"
    FROM "Ticket"
    WHERE "createdAt" >= ${from} AND "createdAt" < ${to}
    ORDER BY "id"
    LIMIT ${cap + 1}`;
  return { tickets: rows.slice(0, cap), capped: rows.length > cap };
}
