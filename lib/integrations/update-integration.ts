import type { Actor } from "@/lib/actor";
import { requireAdminWrite } from "@/lib/admin/authorize";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { ZIntegrationPatch } from "@/lib/validation/integration";
import { parseInput } from "@/lib/validation/parse";
import type { VerbInput } from "@/lib/validation/unchecked";
import { integrationWhere, readIntegration } from "./get-integration";
import type { IntegrationJson } from "./integration-json";
import { duplicateSlug, integrationColumns } from "./integration-columns";

/**
 * Changes an integration (admins): the fields given, the rest kept; `active: true` switches it back on. A new
 * slug changes the URL Alertmanager must post to. Open alerts keep their incidents.
 */
export async function updateIntegration(actor: Actor, ref: unknown, input: VerbInput<typeof ZIntegrationPatch>, now = new Date()): Promise<IntegrationJson> {
  requireAdminWrite(actor);
  const where = integrationWhere(ref);
  const patch = parseInput(ZIntegrationPatch, input);
  try {
    return await db().$transaction(async (tx) => {
      const locked = await tx.integration.findUnique({ where, select: { id: true } });
      if (!locked) throw notFound("Integration");
      await tx.$executeRaw`SELECT 1 FROM "Integration" WHERE "id" = ${locked.id} FOR UPDATE`;
      const before = await readIntegration(tx, { id: locked.id });
      const { active, ...fields } = patch;
      const merged = {
        name: before.name,
        slug: before.slug,
        customer: before.customer.userId,
        category: before.category.slug,
        severityMap: before.severityMap,
        categoryLabel: before.categoryLabel ?? "",
        resolveOnResolved: before.resolveOnResolved,
        ...Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)),
      };
      const columns = await integrationColumns(tx, merged);
      await tx.integration.update({ where: { id: locked.id }, data: { ...columns, ...(active === undefined ? {} : { active }), updatedAt: now } });
      const after = await readIntegration(tx, { id: locked.id });
      await recordAuditEvent(tx, actor, { entity: "Integration", entityId: locked.id, action: "update", before, after });
      return after;
    });
  } catch (error) {
    throw duplicateSlug(error);
  }
}
