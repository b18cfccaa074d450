import type { Actor } from "@/lib/actor";
import { db } from "@/lib/db/client";
import { parseInput } from "@/lib/validation/parse";
import type { VerbInput } from "@/lib/validation/unchecked";
import { ZAuditQuery } from "@/lib/validation/admin";
import { requireAdminRead } from "./authorize";

export interface AuditEventRow {
  id: number;
  at: string;
  actor: { userId: string; name: string };
  entity: string;
  entityId: string;
  action: string;
  before: unknown;
  after: unknown;
}

/** The audit trail, newest first, keyset-paginated by id (admins and managers). */
export async function listAuditEvents(actor: Actor, query: VerbInput<typeof ZAuditQuery>): Promise<{ events: AuditEventRow[]; nextCursor: number | null }> {
  requireAdminRead(actor);
  const { cursor, limit, entity } = parseInput(ZAuditQuery, query);
  const rows = await db().auditEvent.findMany({
    where: { ...(cursor ? { id: { lt: cursor } } : {}), ...(entity ? { entity } : {}) },
    orderBy: { id: "desc" },
    take: limit + 1,
    include: { actor: { select: { userId: true, name: true } } },
  });
  const page = rows.slice(0, limit);
  return {
    events: page.map((r) => ({ id: r.id, at: r.createdAt.toISOString(), actor: r.actor, entity: r.entity, entityId: r.entityId, action: r.action, before: r.before, after: r.after })),
    nextCursor: rows.length > limit ? page[page.length - 1]!.id : null,
  };
}
