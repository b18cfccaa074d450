import type { Actor } from "@/lib/actor";
import { requireAdminWrite } from "@/lib/admin/authorize";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { ZApiTokenId } from "@/lib/validation/api-token";
import { API_TOKEN_SELECT, apiTokenJson, auditedToken, type ApiTokenJson } from "./token-json";

/**
 * Revokes a token (admins): its next request is refused. Revoking a revoked token again changes nothing and
 * answers the same (idempotent, no second audit entry); an unknown id is a 404.
 */
export async function revokeApiToken(actor: Actor, id: unknown, now = new Date()): Promise<ApiTokenJson> {
  requireAdminWrite(actor);
  const parsed = ZApiTokenId.safeParse(id);
  if (!parsed.success) throw notFound("Token");
  return db().$transaction(async (tx) => {
    // Only a token not yet revoked is changed, so two revocations at once record one.
    const changed = await tx.apiToken.updateMany({ where: { id: parsed.data, revokedAt: null }, data: { revokedAt: now } });
    const row = await tx.apiToken.findUnique({ where: { id: parsed.data }, select: API_TOKEN_SELECT });
    if (!row) throw notFound("Token");
    const view = apiTokenJson(row, now);
    if (changed.count === 1) {
      await recordAuditEvent(tx, actor, { entity: "ApiToken", entityId: row.id, action: "revoke", before: auditedToken({ ...view, revokedAt: null }), after: auditedToken(view) });
    }
    return view;
  });
}
