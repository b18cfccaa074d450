import type { Actor } from "@/lib/actor";
import { requireAdminWrite } from "@/lib/admin/authorize";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db/client";
import { ZIntegration } from "@/lib/validation/integration";
import { parseInput } from "@/lib/validation/parse";
import type { VerbInput } from "@/lib/validation/unchecked";
import { INTEGRATION_SELECT, integrationJson, type IntegrationJson } from "./integration-json";
import { duplicateSlug, integrationColumns } from "./integration-columns";

/** A new Alertmanager integration (admins); a slug another has is a 409, an unknown customer or category a 400. */
export async function createIntegration(actor: Actor, input: VerbInput<typeof ZIntegration>, now = new Date()): Promise<IntegrationJson> {
  requireAdminWrite(actor);
  const data = parseInput(ZIntegration, input);
  try {
    return await db().$transaction(async (tx) => {
      const row = await tx.integration.create({ data: { ...(await integrationColumns(tx, data)), createdAt: now, updatedAt: now }, select: INTEGRATION_SELECT });
      const view = integrationJson(row);
      await recordAuditEvent(tx, actor, { entity: "Integration", entityId: row.id, action: "create", before: null, after: view });
      return view;
    });
  } catch (error) {
    throw duplicateSlug(error);
  }
}
