// The typed API client of the tests: openapi-fetch over the generated `paths`, with a middleware that checks every
// response against the OpenAPI document (openapi-validator.ts) and counts the responses it validated.
import { readFileSync } from "node:fs";
import createClient, { type Client, type Middleware } from "openapi-fetch";
import type { paths } from "./generated/openapi";
import { OpenApiValidator, type OpenApiDocument } from "./openapi-validator";

export type ApiClient = Client<paths>;

/** The document `npm run api:types` wrote beside the types, so both come from the same build of it. */
export function generatedDocument(): OpenApiDocument {
  return JSON.parse(readFileSync(new URL("./generated/openapi.json", import.meta.url), "utf8")) as OpenApiDocument;
}

/** The responses one worker checked, per operation and status ("POST /api/v1/tickets 201"): JSON bodies validated, and other bodies (files) whose status was checked. */
export class ValidationLog {
  readonly validated: Record<string, number> = {};
  readonly statusOnly: Record<string, number> = {};

  record(method: string, path: string, status: number, bodyValidated: boolean): void {
    const counts = bodyValidated ? this.validated : this.statusOnly;
    const key = `${method.toUpperCase()} ${path} ${status}`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
}

/** Fails the call (openapi-fetch rethrows) when a response is not what the document says for its path, method and status. */
export function validatingMiddleware(validator: OpenApiValidator, log: ValidationLog): Middleware {
  return {
    async onResponse({ request, response, schemaPath }) {
      const contentType = response.headers.get("content-type");
      const body = contentType?.includes("application/json") ? await response.clone().json() : undefined;
      const { schemaName, problems } = validator.check(request.method, schemaPath, response.status, contentType, body);
      if (problems.length > 0) {
        const what = `${request.method} ${new URL(request.url).pathname} → ${response.status}${schemaName ? ` (${schemaName})` : ""}`;
        throw new Error(`${what} does not match the OpenAPI document:\n  ${problems.join("\n  ")}\nbody: ${JSON.stringify(body).slice(0, 2_000)}`);
      }
      log.record(request.method, schemaPath, response.status, schemaName !== null);
      return response;
    },
  };
}

/** A client that sends `headers` on every request: a session cookie with the Origin a browser sends, or a bearer token. */
export function apiClient(baseUrl: string, headers: Record<string, string>, validator: OpenApiValidator, log: ValidationLog): ApiClient {
  const client = createClient<paths>({ baseUrl, headers });
  client.use(validatingMiddleware(validator, log));
  return client;
}
