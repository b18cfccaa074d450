import type { Actor } from "@/lib/actor";
import { requireAdminWrite } from "@/lib/admin/authorize";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db/client";
import { invalid } from "@/lib/errors";
import { isUniqueConstraintViolation } from "@/lib/db/unique-violation";
import { ZCreateApiToken, type CreateApiTokenInput } from "@/lib/validation/api-token";
import { parseInput } from "@/lib/validation/parse";
import type { VerbInput } from "@/lib/validation/unchecked";
import { generateApiToken } from "./generate-token";
import { findOrCreateServiceAccount } from "./service-account";
import { API_TOKEN_SELECT, apiTokenJson, auditedToken, scopeCodes, type TokenUserJson } from "./token-json";

/** The answer to a creation: the only time the token itself is shown. */
export interface CreatedApiToken {
  token: string;
  id: string;
  prefix: string;
  name: string;
  scopes: string[];
  expiresAt: string | null;
  user: TokenUserJson;
  createdAt: string;
}

async function insertToken(actor: Actor, data: CreateApiTokenInput, now: Date): Promise<CreatedApiToken> {
  const { token, prefix, hash } = generateApiToken();
  return db().$transaction(async (tx) => {
    const userId = data.serviceAccount ? await findOrCreateServiceAccount(tx, actor, data.serviceAccount, now) : actor.id;
    const row = await tx.apiToken.create({
      data: { name: data.name, prefix, tokenHash: hash, scopes: data.scopes, userId, createdById: actor.id, createdAt: now, expiresAt: data.expiresAt ? new Date(data.expiresAt) : null },
      select: API_TOKEN_SELECT,
    });
    const view = apiTokenJson(row, now);
    await recordAuditEvent(tx, actor, { entity: "ApiToken", entityId: row.id, action: "create", before: null, after: auditedToken(view) });
    return { token, id: row.id, prefix, name: row.name, scopes: scopeCodes(row.scopes), expiresAt: view.expiresAt, user: view.user, createdAt: view.createdAt };
  });
}

/**
 * A new API token (admins): for the admin themselves, or for a service account (found or created). Only the
 * SHA-256 of the token is stored; the answer carries the token this once. An expiry must lie ahead.
 */
export async function createApiToken(actor: Actor, input: VerbInput<typeof ZCreateApiToken>, now = new Date()): Promise<CreatedApiToken> {
  requireAdminWrite(actor);
  const data = parseInput(ZCreateApiToken, input);
  if (data.expiresAt && Date.parse(data.expiresAt) <= now.getTime()) throw invalid({ expiresAt: ["Choose an expiry in the future."] });
  try {
    return await insertToken(actor, data, now);
  } catch (error) {
    // Two creations naming the same new service account at once: the loser finds it made on a second try.
    if (data.serviceAccount && isUniqueConstraintViolation(error)) return insertToken(actor, data, now);
    throw error;
  }
}
