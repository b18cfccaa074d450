import type { ApiScope } from "@/lib/db/generated/enums";

/**
 * Configuration and its read-outs (admin pages, the mail outbox, the priority matrix's changes) need `admin`;
 * monitoring's way in needs `alerts:write`; the dashboard's figures and the Prometheus metrics need `metrics:read`.
 */
const PREFIX_SCOPES: { prefix: string; scope: ApiScope; methods?: string[] }[] = [
  { prefix: "/api/v1/admin", scope: "ADMIN" },
  { prefix: "/api/v1/outbox", scope: "ADMIN" },
  { prefix: "/api/v1/priority-matrix", scope: "ADMIN", methods: ["PUT", "POST", "PATCH", "DELETE"] },
  { prefix: "/api/v1/integrations", scope: "ALERTS_WRITE" },
  { prefix: "/api/v1/metrics", scope: "METRICS_READ" },
  { prefix: "/api/metrics", scope: "METRICS_READ" },
  { prefix: "/api/v1/ratings/summary", scope: "METRICS_READ" },
  { prefix: "/api/v1/kb/self-service", scope: "METRICS_READ" },
];

const within = (pathname: string, prefix: string) => pathname === prefix || pathname.startsWith(`${prefix}/`);

/**
 * The scope a bearer token needs for a request: pure, so the OpenAPI document derives each operation's scope
 * from it and cannot drift. Everything else is tickets: reads need tickets:read, writes tickets:write.
 * It is checked on top of the user's own permissions, which the services apply as for a signed-in person.
 */
export function requiredScope(method: string, pathname: string): ApiScope {
  const verb = method.toUpperCase();
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, "") : pathname;
  for (const rule of PREFIX_SCOPES) {
    if (within(path, rule.prefix) && (!rule.methods || rule.methods.includes(verb))) return rule.scope;
  }
  return verb === "GET" || verb === "HEAD" ? "TICKETS_READ" : "TICKETS_WRITE";
}
