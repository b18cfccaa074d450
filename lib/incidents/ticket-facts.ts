import type { Actor } from "@/lib/actor";
import type { Transaction } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { forbidden, notFound } from "@/lib/errors";
import type { IncidentFacts } from "./rules";
import { isStaff } from "./rules";

export interface LockedTicket extends IncidentFacts {
  title: string;
  customerId: string;
  customerName: string;
  organizationId: string | null;
}

/**
 * The tickets named, locked FOR UPDATE in id order (two writers touching the same pair wait for each other
 * instead of deadlocking): declaring, attaching, detaching and linking read their facts under the lock.
 * Only staff act here: a customer gets 404 for a ticket not theirs and 403 for their own.
 */
export async function lockTickets(tx: Transaction, actor: Actor, numbers: string[]): Promise<Map<string, LockedTicket>> {
  const rows = await tx.$queryRaw<LockedTicket[]>`
    SELECT t."id", t."number", t."title", t."status"::text AS "status", t."tier"::text AS "tier", t."customerId", u."name" AS "customerName",
      t."organizationId", t."isMajorIncident", t."majorIncidentId"
    FROM "Ticket" t JOIN "User" u ON u."id" = t."customerId"
    WHERE t."number" IN (${Prisma.join(numbers)})
    ORDER BY t."id"
    FOR UPDATE OF t`;
  const byNumber = new Map(rows.map((r) => [r.number, r]));
  if (!isStaff(actor)) {
    const own = byNumber.get(numbers[0]!);
    if (!own || own.customerId !== actor.id) throw notFound("Ticket");
    throw forbidden("Only support staff do that.");
  }
  for (const n of numbers) if (!byNumber.has(n)) throw notFound(`Ticket ${n}`);
  return byNumber;
}
