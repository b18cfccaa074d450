import { actorOf, type Actor } from "@/lib/actor";
import { clientAddressFrom } from "@/lib/client-address";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import type { Role, Tier } from "@/lib/db/generated/enums";
import { queryStatement } from "@/lib/db/statement";
import { AppError } from "@/lib/errors";
import { tokenHash } from "./generate-token";
import { LAST_USE_WRITE_INTERVAL_MS, lastUseIsStale } from "./last-use";
import { requiredScope } from "./required-scope";
import { API_SCOPE_BY_CODE, API_SCOPE_CODE } from "@/lib/validation/api-scopes";
import { API_TOKEN_LIMITS } from "./token-bucket";
import { takeTokenRequest } from "./token-buckets";
import { tokenStatus } from "./token-json";

export type BearerOutcome = { ok: true; actor: Actor; token: { id: string; expiresAt: Date | null } } | { ok: false; error: AppError; headers: Record<string, string> };

const REALM = 'Bearer realm="tierdesk"';
const BEARER = /^Bearer +([\x21-\x7e]+) *$/i;

/** One answer for every token that does not hold (unknown, revoked, expired, deactivated user): a caller learns nothing. */
export const INVALID_TOKEN_MESSAGE = "The bearer token is not valid: it is unknown, revoked or expired, or its user is deactivated.";

const refusal = (error: AppError, headers: Record<string, string>): BearerOutcome => ({ ok: false, error, headers });

const invalidToken = () =>
  refusal(new AppError("UNAUTHENTICATED", INVALID_TOKEN_MESSAGE), { "WWW-Authenticate": `${REALM}, error="invalid_token", error_description="${INVALID_TOKEN_MESSAGE}"` });

const invalidRequest = (message: string) =>
  refusal(new AppError("VALIDATION", message, { authorization: [message] }), { "WWW-Authenticate": `${REALM}, error="invalid_request"` });

/**
 * Authenticates a request that carries an Authorization header (RFC 6750): one indexed lookup by the token's
 * SHA-256, the same path and answer for every token that does not hold; then the token's rate limit and the
 * scope the route needs (requiredScope). The user's own permissions still apply in the services. The last use
 * (time and client address) is written at most once a minute per token.
 */
export async function authenticateBearer(request: Request, now: Date): Promise<BearerOutcome> {
  if (request.headers.has("cookie")) {
    return invalidRequest("Send either the session cookie or an Authorization header, not both: a request acts as one identity.");
  }
  const match = BEARER.exec(request.headers.get("authorization") ?? "");
  if (!match) return invalidRequest("Send the token as Authorization: Bearer tdk_….");

  const token = await findToken(tokenHash(match[1]!));
  if (!token || tokenStatus(token, now) !== "ACTIVE" || !token.user.active) return invalidToken();

  if (lastUseIsStale(token.lastUsedAt, now)) {
    // The condition again in the statement: of requests racing on a stale time, one writes.
    await db().apiToken.updateMany({
      where: { id: token.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lte: new Date(now.getTime() - LAST_USE_WRITE_INTERVAL_MS) } }] },
      data: { lastUsedAt: now, lastUsedFrom: clientAddressFrom(request.headers) },
    });
  }

  const bucket = takeTokenRequest(token.id, now);
  if (!bucket.allowed) {
    const message = `Over this token's rate limit (${API_TOKEN_LIMITS.ratePerSecond} requests a second, bursts of ${API_TOKEN_LIMITS.burst}). Retry after ${bucket.retryAfterSeconds} s.`;
    return refusal(new AppError("TOO_MANY_REQUESTS", message), { "Retry-After": String(bucket.retryAfterSeconds) });
  }

  const scope = requiredScope(request.method, new URL(request.url).pathname);
  if (!token.scopes.includes(scope)) {
    const code = API_SCOPE_CODE[scope];
    return refusal(new AppError("FORBIDDEN", `This token lacks the scope ${code} (insufficient_scope).`, undefined, { scope: code }), {
      "WWW-Authenticate": `${REALM}, error="insufficient_scope", scope="${code}"`,
    });
  }
  return { ok: true, actor: actorOf(token.user), token: { id: token.id, expiresAt: token.expiresAt } };
}

interface TokenRow {
  id: string | null;
  scopes: string[] | null;
  revokedAtMs: number | null;
  expiresAtMs: number | null;
  lastUsedAtMs: number | null;
  userPk: string | null;
  userId: string | null;
  name: string | null;
  role: Role | null;
  tier: Tier | null;
  organizationId: string | null;
  active: boolean | null;
}

const dateOf = (ms: number | null) => (ms === null ? null : new Date(ms));

/**
 * The token with this hash and its user, in one statement on the unique index. It always returns one row (all
 * null for an unknown hash), so an unknown token costs the same round trip and decoding as a revoked one.
 */
async function findToken(hash: string) {
  const [row] = await queryStatement<TokenRow>(Prisma.sql`
    SELECT t."id", t."scopes"::text[] AS "scopes",
      (extract(epoch FROM t."revokedAt") * 1000)::float8 AS "revokedAtMs",
      (extract(epoch FROM t."expiresAt") * 1000)::float8 AS "expiresAtMs",
      (extract(epoch FROM t."lastUsedAt") * 1000)::float8 AS "lastUsedAtMs",
      u."id" AS "userPk", u."userId", u."name", u."role"::text AS "role", u."tier"::text AS "tier", u."organizationId", u."active"
    FROM (SELECT 1) AS one
    LEFT JOIN "ApiToken" t ON t."tokenHash" = ${hash}
    LEFT JOIN "User" u ON u."id" = t."userId"`);
  if (!row?.id || !row.userPk) return null;
  return {
    id: row.id,
    scopes: row.scopes!.map((code) => API_SCOPE_BY_CODE[code]!),
    revokedAt: dateOf(row.revokedAtMs),
    expiresAt: dateOf(row.expiresAtMs),
    lastUsedAt: dateOf(row.lastUsedAtMs),
    user: { id: row.userPk, userId: row.userId!, name: row.name!, role: row.role!, tier: row.tier, organizationId: row.organizationId, active: row.active! },
  };
}
