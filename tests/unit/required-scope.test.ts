import { describe, expect, it } from "vitest";
import { API_ROUTES, buildOpenApiDocument } from "@/lib/http/openapi";
import { requiredScope } from "@/lib/tokens/required-scope";
import { API_SCOPE_CODE } from "@/lib/validation/api-scopes";

const code = (method: string, path: string) => API_SCOPE_CODE[requiredScope(method, path)];

describe("requiredScope", () => {
  it.each([
    ["GET", "/api/v1/tickets", "tickets:read"],
    ["HEAD", "/api/v1/tickets", "tickets:read"],
    ["get", "/api/v1/tickets/INC-000001/events", "tickets:read"],
    ["POST", "/api/v1/tickets", "tickets:write"],
    ["PATCH", "/api/v1/tickets/INC-000001", "tickets:write"],
    ["POST", "/api/v1/tickets/INC-000001/claim", "tickets:write"],
    ["DELETE", "/api/v1/queue/views/3", "tickets:write"],
    ["GET", "/api/v1/queue", "tickets:read"],
    ["GET", "/api/v1/kb/articles", "tickets:read"],
    ["POST", "/api/v1/sla/sweep", "tickets:write"],
    ["GET", "/api/v1/admin/tokens", "admin"],
    ["POST", "/api/v1/admin/tokens", "admin"],
    ["DELETE", "/api/v1/admin/tokens/0b1e", "admin"],
    ["GET", "/api/v1/admin", "admin"],
    ["GET", "/api/v1/outbox", "admin"],
    ["POST", "/api/v1/outbox/deliver", "admin"],
    ["PUT", "/api/v1/priority-matrix", "admin"],
    ["GET", "/api/v1/priority-matrix", "tickets:read"],
    ["POST", "/api/v1/integrations/alertmanager", "alerts:write"],
    ["GET", "/api/v1/metrics/escalations", "metrics:read"],
    ["GET", "/api/v1/ratings/summary", "metrics:read"],
    ["GET", "/api/v1/kb/self-service", "metrics:read"],
    ["GET", "/api/v1/metrics/escalations/", "metrics:read"],
    ["GET", "/api/metrics", "metrics:read"],
  ])("%s %s needs %s", (method, path, scope) => {
    expect(code(method, path)).toBe(scope);
  });

  it("matches whole path segments, not prefixes of names", () => {
    expect(code("GET", "/api/v1/administrators")).toBe("tickets:read");
    expect(code("GET", "/api/v1/metricsx")).toBe("tickets:read");
    expect(code("POST", "/api/v1/integrationsfoo")).toBe("tickets:write");
  });

  it("gives every documented route a scope its kind of work calls for", () => {
    for (const route of API_ROUTES) {
      const scope = code(route.method, route.path);
      if (route.path.startsWith("/api/v1/admin/")) expect(scope).toBe("admin");
      else if (route.method === "get" && scope !== "metrics:read" && scope !== "admin") expect(scope).toBe("tickets:read");
    }
  });
});

describe("the OpenAPI document's security", () => {
  const doc = buildOpenApiDocument() as {
    paths: Record<string, Record<string, { security: Record<string, string[]>[]; responses: Record<string, unknown> }>>;
    components: { securitySchemes: Record<string, { type: string; scheme?: string }> };
  };

  it("offers the session cookie and bearer tokens", () => {
    expect(doc.components.securitySchemes.sessionCookie).toMatchObject({ type: "apiKey" });
    expect(doc.components.securitySchemes.bearerToken).toMatchObject({ type: "http", scheme: "bearer" });
  });

  it("names on every operation the scope the bearer check itself demands, and the 403 and 429 a token can meet", () => {
    let checked = 0;
    for (const route of API_ROUTES) {
      const op = doc.paths[route.path]![route.method]!;
      if (route.public) {
        expect(op.security).toEqual([]);
        continue;
      }
      expect(op.security, `${route.method} ${route.path}`).toEqual([{ sessionCookie: [] }, { bearerToken: [code(route.method, route.path)] }]);
      expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(["401", "403", "429"]));
      checked++;
    }
    expect(checked).toBeGreaterThan(60);
    expect(doc.paths["/api/v1/admin/tokens"]!.post!.security[1]).toEqual({ bearerToken: ["admin"] });
    expect(doc.paths["/api/v1/metrics/escalations"]!.get!.security[1]).toEqual({ bearerToken: ["metrics:read"] });
  });
});
