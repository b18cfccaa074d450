import type { ApiScope } from "@/lib/db/generated/enums";

/** A scope as the API and the OpenAPI document spell it (RFC 6749 style), and back. */
export const API_SCOPE_CODE: Record<ApiScope, string> = {
  TICKETS_READ: "tickets:read",
  TICKETS_WRITE: "tickets:write",
  ALERTS_WRITE: "alerts:write",
  METRICS_READ: "metrics:read",
  ADMIN: "admin",
};

export const API_SCOPE_BY_CODE = Object.fromEntries(Object.entries(API_SCOPE_CODE).map(([scope, code]) => [code, scope as ApiScope])) as Record<string, ApiScope>;
