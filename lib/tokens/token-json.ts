import type { ApiTokenStatus } from "@/lib/labels";
import type { ApiScope, Role, Tier } from "@/lib/db/generated/enums";
import { API_SCOPE_CODE } from "@/lib/validation/api-scopes";

/** Whom a token acts as. */
export interface TokenUserJson {
  userId: string;
  name: string;
  role: Role;
  tier: Tier | null;
  serviceAccount: boolean;
}

/** A token as lists show it: never the token, never its hash. */
export interface ApiTokenJson {
  id: string;
  name: string;
  prefix: string;
  /** As the API spells them: tickets:read … */
  scopes: string[];
  user: TokenUserJson;
  createdBy: { userId: string; name: string };
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
  lastUsedAt: string | null;
  lastUsedFrom: string | null;
  status: ApiTokenStatus;
}

const USER_SELECT = { userId: true, name: true, role: true, tier: true, serviceAccount: true } as const;

export const API_TOKEN_SELECT = {
  id: true,
  name: true,
  prefix: true,
  scopes: true,
  createdAt: true,
  expiresAt: true,
  revokedAt: true,
  lastUsedAt: true,
  lastUsedFrom: true,
  user: { select: USER_SELECT },
  createdBy: { select: { userId: true, name: true } },
} as const;

interface ApiTokenRow {
  id: string;
  name: string;
  prefix: string;
  scopes: ApiScope[];
  createdAt: Date;
  expiresAt: Date | null;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
  lastUsedFrom: string | null;
  user: TokenUserJson;
  createdBy: { userId: string; name: string };
}

/** Revoked wins over expired: it was a decision. */
export function tokenStatus(token: { revokedAt: Date | null; expiresAt: Date | null }, now: Date): ApiTokenStatus {
  if (token.revokedAt) return "REVOKED";
  if (token.expiresAt && token.expiresAt.getTime() <= now.getTime()) return "EXPIRED";
  return "ACTIVE";
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export const scopeCodes = (scopes: ApiScope[]) => scopes.map((s) => API_SCOPE_CODE[s]);

export function apiTokenJson(row: ApiTokenRow, now: Date): ApiTokenJson {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    scopes: scopeCodes(row.scopes),
    user: { ...row.user },
    createdBy: { ...row.createdBy },
    createdAt: row.createdAt.toISOString(),
    expiresAt: iso(row.expiresAt),
    revokedAt: iso(row.revokedAt),
    lastUsedAt: iso(row.lastUsedAt),
    lastUsedFrom: row.lastUsedFrom,
    status: tokenStatus(row, now),
  };
}

/** The audit trail's picture of a token: what an admin may see, never the token or its hash. */
export function auditedToken(token: ApiTokenJson) {
  const { id, name, prefix, scopes, user, expiresAt, revokedAt } = token;
  return { id, name, prefix, scopes, user: user.userId, expiresAt, revokedAt };
}
