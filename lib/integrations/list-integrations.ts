import type { Actor } from "@/lib/actor";
import { requireAdminRead } from "@/lib/admin/authorize";
import { db, type Transaction } from "@/lib/db/client";
import { INTEGRATION_SELECT, integrationJson, type IntegrationJson } from "./integration-json";

/** Every integration by name (admins and managers), with how many incidents each opened and how many alerts still fire. */
export async function listIntegrations(actor: Actor): Promise<IntegrationJson[]> {
  requireAdminRead(actor);
  const rows = await db().integration.findMany({ orderBy: [{ name: "asc" }, { id: "asc" }], take: 500, select: INTEGRATION_SELECT });
  const counts = await alertCounts(db(), rows.map((r) => r.id));
  return rows.map((row) => integrationJson(row, counts.get(row.id)));
}

/** Incidents opened and alerts open per integration, in one grouped query over the (integrationId, …) index. */
export async function alertCounts(client: Transaction, ids: string[]): Promise<Map<string, { incidents: number; openAlerts: number }>> {
  if (!ids.length) return new Map();
  const rows = await client.$queryRaw<{ integrationId: string; incidents: number; openAlerts: number }[]>`
    SELECT "integrationId", count(*)::int AS "incidents", (count(*) FILTER (WHERE "open"))::int AS "openAlerts"
    FROM "MonitoringAlert" WHERE "integrationId" = ANY(${ids}::text[]) GROUP BY "integrationId"`;
  return new Map(rows.map((r) => [r.integrationId, { incidents: r.incidents, openAlerts: r.openAlerts }]));
}
