// npm run api:types: the OpenAPI document of /api/v1, built from lib/http/openapi.ts without a server, and the
// TypeScript types openapi-typescript generates from it. The typed API client (tests/api) is checked against
// these types, so a response schema that changes breaks the typecheck of every call that relies on it.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import openapiTS, { COMMENT_HEADER, astToString, type OpenAPI3 } from "openapi-typescript";
import { buildOpenApiDocument } from "../lib/http/openapi";

const OUT_DIR = path.join("tests", "api", "generated");

const document = buildOpenApiDocument() as unknown as OpenAPI3;
// Redocly's lint of the document stays quiet: a broken $ref still fails the generation. An object documented
// without its properties (a saved query) is a record of unknowns, not an object that must stay empty; a field
// with a default (a request's) may be left out.
const types = astToString(await openapiTS(document, { silent: true, emptyObjectsUnknown: true, defaultNonNullable: false }));

mkdirSync(OUT_DIR, { recursive: true });
writeFileSync(path.join(OUT_DIR, "openapi.json"), `${JSON.stringify(document, null, 2)}\n`);
writeFileSync(path.join(OUT_DIR, "openapi.ts"), COMMENT_HEADER + types);
console.log(`api:types: ${Object.keys(document.paths ?? {}).length} paths → ${OUT_DIR}/openapi.{json,ts}`);
