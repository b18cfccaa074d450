import type { Actor } from "@/lib/actor";
import { requireAdminRead } from "@/lib/admin/authorize";
import { db, type Transaction } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { ZIntegrationRef } from "@/lib/validation/integration";
import { parseInput } from "@/lib/validation/parse";
import { INTEGRATION_SELECT, integrationJson, type IntegrationJson } from "./integration-json";
import { alertCounts } from "./list-integrations";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The where clause for an integration named by its id or its slug. */
export function integrationWhere(ref: unknown): { id: string } | { slug: string } {
  const value = parseInput(ZIntegrationRef, ref);
  return UUID.test(value) ? { id: value.toLowerCase() } : { slug: value };
}

/** One integration by id or slug (admins and managers); 404 when there is none. */
export async function getIntegration(actor: Actor, ref: unknown): Promise<IntegrationJson> {
  requireAdminRead(actor);
  return readIntegration(db(), integrationWhere(ref));
}

export async function readIntegration(tx: Transaction, where: { id: string } | { slug: string }): Promise<IntegrationJson> {
  const row = await tx.integration.findUnique({ where, select: INTEGRATION_SELECT });
  if (!row) throw notFound("Integration");
  return integrationJson(row, (await alertCounts(tx, [row.id])).get(row.id));
}
