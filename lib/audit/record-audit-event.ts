import type { Actor } from "@/lib/actor";
import type { Transaction } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";

export interface AuditChange {
  entity: string;
  entityId: string;
  action: string;
  before: unknown;
  after: unknown;
}

const json = (value: unknown) => (value === null || value === undefined ? Prisma.DbNull : (value as Prisma.InputJsonValue));

/** Appends one audit event inside the caller's transaction, so the change and its record commit together. */
export async function recordAuditEvent(tx: Transaction, actor: Actor, change: AuditChange): Promise<void> {
  await tx.auditEvent.create({
    data: { actorId: actor.id, entity: change.entity, entityId: change.entityId, action: change.action, before: json(change.before), after: json(change.after) },
  });
}
