// The API token routes of /api/v1 (issue 16), their response shapes as JSON Schema (mirroring ApiTokenJson and
// CreatedApiToken in lib/tokens/), and the security each operation accepts: the session cookie, or a bearer token
// with the scope requiredScope gives the route, so the document and the check cannot drift apart.
import { Role, Tier } from "@/lib/db/generated/enums";
import { ZApiTokenQuery, ZCreateApiToken } from "@/lib/validation/api-token";
import { API_TOKEN_LIMITS } from "@/lib/tokens/token-bucket";
import { requiredScope } from "@/lib/tokens/required-scope";
import { API_SCOPE_CODE } from "@/lib/validation/api-scopes";
import type { ApiRoute, HttpMethod } from "./openapi";
import { ref, type JsonSchema } from "./openapi-schemas";

const string: JsonSchema = { type: "string" };
const dateTime: JsonSchema = { type: "string", format: "date-time" };
const nullableDateTime: JsonSchema = { type: ["string", "null"], format: "date-time" };
const enumOf = (values: Record<string, string>): JsonSchema => ({ type: "string", enum: Object.values(values) });
const scopes: JsonSchema = { type: "array", items: { type: "string", enum: Object.values(API_SCOPE_CODE) } };

function object(properties: Record<string, JsonSchema>, description?: string): JsonSchema {
  return { type: "object", ...(description ? { description } : {}), properties, required: Object.keys(properties) };
}

const TokenUser = object(
  { userId: string, name: string, role: enumOf(Role), tier: { anyOf: [enumOf(Tier), { type: "null" }] }, serviceAccount: { type: "boolean" } },
  "Whom the token acts as: a service account, or the admin who made it.",
);

const ApiToken = object({
  id: { type: "string", format: "uuid" },
  name: string,
  prefix: { type: "string", description: "The token's first 8 characters (tdk_ and 4 more), to tell tokens apart." },
  scopes,
  user: ref("ApiTokenUser"),
  createdBy: object({ userId: string, name: string }),
  createdAt: dateTime,
  expiresAt: nullableDateTime,
  revokedAt: nullableDateTime,
  lastUsedAt: { ...nullableDateTime, description: "Written at most once a minute per token." },
  lastUsedFrom: { type: ["string", "null"], description: "The client address of that use." },
  status: { type: "string", enum: ["ACTIVE", "EXPIRED", "REVOKED"] },
});

export const TOKEN_RESPONSE_SCHEMAS: Record<string, JsonSchema> = {
  ApiTokenUser: TokenUser,
  ApiToken,
  ApiTokenList: object({ tokens: { type: "array", items: ref("ApiToken") }, nextCursor: { type: ["string", "null"], description: "Pass as cursor for the next page; null on the last." } }),
  ApiTokenResponse: object({ token: ref("ApiToken") }),
  CreatedApiToken: object({
    token: { type: "string", pattern: "^tdk_[0-9A-Za-z]{43}$", description: "The token itself: shown only in this answer, stored only as its SHA-256." },
    id: { type: "string", format: "uuid" },
    prefix: string,
    name: string,
    scopes,
    expiresAt: nullableDateTime,
    user: ref("ApiTokenUser"),
    createdAt: dateTime,
  }),
};

export const TOKEN_PATH_PARAMETERS: Record<string, JsonSchema> = {
  tokenId: { name: "tokenId", in: "path", required: true, description: "The token's id.", schema: { type: "string", format: "uuid" } },
};

export const TOKEN_ROUTES: ApiRoute[] = [
  {
    method: "get",
    path: "/api/v1/admin/tokens",
    operationId: "listApiTokens",
    summary: "API tokens, newest first, keyset-paginated (admins and managers): prefix, scopes, user, creator, last use, expiry, status; never the token.",
    query: ZApiTokenQuery,
    response: { status: 200, description: "A page of tokens.", schema: "ApiTokenList" },
    errors: [400, 403],
  },
  {
    method: "post",
    path: "/api/v1/admin/tokens",
    operationId: "createApiToken",
    summary: "Create an API token (admins): for yourself, or for a service account (found by user ID or created; it can never sign in).",
    description:
      "serviceAccount: { userId, name?, role? (AGENT, the default, MANAGER or ADMIN), tier? (agents: L1 unless named) }; a person's user ID, or a service " +
      "account of another role, is a 409. The answer carries the token: the only time it is shown. A request with it acts as that user, limited to the " +
      "intersection of the user's permissions and the token's scopes.",
    body: { name: "CreateApiToken", schema: ZCreateApiToken },
    response: { status: 201, description: "The new token, shown this once.", schema: "CreatedApiToken" },
    errors: [403, 409],
  },
  {
    method: "delete",
    path: "/api/v1/admin/tokens/{tokenId}",
    operationId: "revokeApiToken",
    summary: "Revoke an API token (admins): its next request gets 401. Revoking a revoked token again changes nothing and answers the same (idempotent).",
    response: { status: 200, description: "The revoked token.", schema: "ApiTokenResponse" },
    errors: [403],
  },
];

export const SECURITY_SCHEMES: Record<string, JsonSchema> = {
  sessionCookie: {
    type: "apiKey",
    in: "cookie",
    name: "next-auth.session-token",
    description: "Sign in through /api/auth/callback/customer (userId, pin) or /api/auth/callback/staff (userId, password). Over HTTPS the cookie is __Secure-next-auth.session-token.",
  },
  bearerToken: {
    type: "http",
    scheme: "bearer",
    bearerFormat: "tdk_ + 43 base62 characters",
    description:
      `An API token an admin created on /admin/tokens (RFC 6750). Never together with the cookie (400). Each operation names the scope it needs; ` +
      `a token without it gets 403 with error.scope. ${API_TOKEN_LIMITS.ratePerSecond} requests a second per token, bursts of ${API_TOKEN_LIMITS.burst}: beyond, 429 with Retry-After.`,
  },
};

/** The security of one operation: the session cookie, or a bearer token with the scope the route needs. */
export function operationSecurity(method: HttpMethod, path: string): JsonSchema[] {
  return [{ sessionCookie: [] }, { bearerToken: [API_SCOPE_CODE[requiredScope(method, path)]] }];
}
