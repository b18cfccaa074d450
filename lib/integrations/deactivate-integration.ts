import type { Actor } from "@/lib/actor";
import { requireAdminWrite } from "@/lib/admin/authorize";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { integrationWhere, readIntegration } from "./get-integration";
import type { IntegrationJson } from "./integration-json";

/**
 * Switches an integration off (admins): its URL answers 404 from then on. It is kept, not deleted, because its
 * incidents and alerts name it; `active: true` on update switches it back on.
 */
export async function deactivateIntegration(actor: Actor, ref: unknown, now = new Date()): Promise<IntegrationJson> {
  requireAdminWrite(actor);
  const where = integrationWhere(ref);
  return db().$transaction(async (tx) => {
    const found = await tx.integration.findUnique({ where, select: { id: true } });
    if (!found) throw notFound("Integration");
    const before = await readIntegration(tx, { id: found.id });
    await tx.integration.update({ where: { id: found.id }, data: { active: false, updatedAt: now } });
    const after = await readIntegration(tx, { id: found.id });
    await recordAuditEvent(tx, actor, { entity: "Integration", entityId: found.id, action: "deactivate", before, after });
    return after;
  });
}
