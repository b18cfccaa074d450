// Checks a response against what the OpenAPI document promises for its path, method and status, with ajv
// (JSON Schema 2020-12, the dialect of OpenAPI 3.1). Objects are checked closed: a field the document does not
// name is drift too, so every object schema refuses unevaluated properties.
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

type Schema = Record<string, unknown>;
interface Operation {
  responses: Record<string, { content?: Record<string, { schema?: Schema }> }>;
}
export interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

const COMPONENTS_ID = "tierdesk-components";
const COMPONENT_REF = "#/components/schemas/";

/** Does a schema list the properties of an object (directly or through allOf) without allowing others? */
function listsProperties(schema: Schema): boolean {
  return ("properties" in schema || "allOf" in schema) && !("additionalProperties" in schema) && !("unevaluatedProperties" in schema);
}

/**
 * The schema with every object closed where it is used: inline objects and $ref sites of such objects get
 * unevaluatedProperties: false, except inside allOf, whose holder is closed instead (so its members'
 * properties add up). A component's own root stays open: its users close it.
 */
function closed(schema: unknown, components: Record<string, Schema>, inAllOf = false, isRoot = false): unknown {
  if (Array.isArray(schema)) return schema.map((item) => closed(item, components, inAllOf));
  if (!schema || typeof schema !== "object") return schema;
  const source = schema as Schema;
  const result: Schema = {};
  for (const [key, value] of Object.entries(source)) {
    if (key === "$ref" && typeof value === "string") result.$ref = value.replace(COMPONENT_REF, `${COMPONENTS_ID}#/$defs/`);
    else if (key === "allOf") result.allOf = (value as unknown[]).map((member) => closed(member, components, true));
    else if (key === "properties") result.properties = Object.fromEntries(Object.entries(value as Schema).map(([name, property]) => [name, closed(property, components)]));
    else if (key === "items" || key === "additionalProperties" || key === "anyOf" || key === "oneOf" || key === "not") result[key] = closed(value, components);
    else result[key] = value;
  }
  const target = typeof source.$ref === "string" ? components[source.$ref.slice(COMPONENT_REF.length)] : undefined;
  const isObject = target ? listsProperties(target) : listsProperties(source);
  if (isObject && !inAllOf && !isRoot) result.unevaluatedProperties = false;
  return result;
}

export interface ResponseCheck {
  /** The component the response is documented as, e.g. "TicketResponse" (inline schemas: "inline"); null for a non-JSON body. */
  schemaName: string | null;
  /** Every problem, as "where: what"; empty when the response is as documented. */
  problems: string[];
}

export class OpenApiValidator {
  private readonly ajv = new Ajv2020({ allErrors: true, strict: true, strictTypes: false, strictRequired: false });
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(private readonly document: OpenApiDocument) {
    addFormats(this.ajv);
    const { schemas } = document.components;
    const components = Object.entries(schemas).map(([name, schema]) => [name, closed(schema, schemas, false, true)]);
    this.ajv.addSchema({ $id: COMPONENTS_ID, $defs: Object.fromEntries(components) });
  }

  /** Checks one response: its status must be documented for the operation, and a JSON body must match that status's schema. */
  check(method: string, path: string, status: number, contentType: string | null, body: unknown): ResponseCheck {
    const operation = this.document.paths[path]?.[method.toLowerCase()];
    if (!operation) return { schemaName: null, problems: [`${method.toUpperCase()} ${path} is not in the OpenAPI document`] };
    const documented = operation.responses[String(status)];
    if (!documented) {
      const statuses = Object.keys(operation.responses).join(", ");
      return { schemaName: null, problems: [`status ${status} is not documented for ${method.toUpperCase()} ${path} (documented: ${statuses})`] };
    }
    const json = documented.content?.["application/json"]?.schema;
    if (!json) return { schemaName: null, problems: [] };
    if (!contentType?.includes("application/json")) return { schemaName: null, problems: [`content-type ${contentType ?? "(none)"} where application/json is documented`] };
    const schemaName = typeof json.$ref === "string" ? json.$ref.slice(COMPONENT_REF.length) : "inline";
    const validate = this.validatorFor(`${method} ${path} ${status}`, json);
    if (validate(body)) return { schemaName, problems: [] };
    const problems = (validate.errors ?? []).map((e) => {
      const extra = e.keyword === "unevaluatedProperties" ? ` (${String((e.params as { unevaluatedProperty?: string }).unevaluatedProperty)})` : "";
      return `${e.instancePath || "(body)"}: ${e.message ?? e.keyword}${extra} [${e.schemaPath}]`;
    });
    return { schemaName, problems };
  }

  private validatorFor(key: string, schema: Schema): ValidateFunction {
    let validate = this.compiled.get(key);
    if (!validate) {
      validate = this.ajv.compile(closed(schema, this.document.components.schemas) as Schema);
      this.compiled.set(key, validate);
    }
    return validate;
  }
}
