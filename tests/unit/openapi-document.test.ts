import { describe, expect, it } from "vitest";
import { z } from "zod";
import { API_ROUTES, buildOpenApiDocument } from "@/lib/http/openapi";

const document = buildOpenApiDocument() as { components: { schemas: Record<string, unknown> } };

describe("the OpenAPI document's components", () => {
  it("documents each request body as the zod schema its route parses, never overwritten by a response schema of the same name", () => {
    for (const route of API_ROUTES.filter((r) => r.body)) {
      const expected = z.toJSONSchema(route.body!.schema, { io: "input" }) as Record<string, unknown>;
      delete expected.$schema;
      expect(document.components.schemas[route.body!.name], `${route.method.toUpperCase()} ${route.path}: ${route.body!.name}`).toEqual(expected);
    }
  });

  it("defines every response schema a route names", () => {
    const missing = API_ROUTES.filter((r) => r.response.schema && !(r.response.schema in document.components.schemas)).map((r) => r.response.schema);
    expect(missing).toEqual([]);
  });
});
