import { describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "@/lib/http/openapi";
import { OpenApiValidator, type OpenApiDocument } from "../api/openapi-validator";

const validator = new OpenApiValidator(buildOpenApiDocument() as unknown as OpenApiDocument);
const JSON_TYPE = "application/json; charset=utf-8";

const ticket = {
  number: "INC-000042",
  type: "INCIDENT",
  title: "Sync stopped",
  description: "Since 02:00.",
  status: "ASSIGNED",
  tier: "L2",
  priority: "P2",
  impact: "MEDIUM",
  urgency: "HIGH",
  category: { slug: "integration", name: "Integrations and API" },
  customer: { userId: "C1001", name: "Carla Customer", organization: { slug: "acme", name: "Acme" } },
  group: { slug: "platform-support", name: "Platform support", tier: "L2" },
  assignee: { userId: "l2agent", name: "Priya Second" },
  externalReference: null,
  version: 4,
  createdAt: "2026-12-02T10:00:00.000Z",
  updatedAt: "2026-12-02T10:05:00.000Z",
  due: { firstResponseAt: null, resolutionAt: "2026-12-02T18:00:00.000Z", nextUpdateAt: null, tierBudgetEndsAt: null },
  clocks: { customerClockRunning: true, customerSecondsUsed: 300, tierSecondsUsed: { L1: 200, L2: 100, L3: 0 }, vendorSecondsUsed: 0, vendorClockRunning: false },
  firstRespondedAt: "2026-12-02T10:01:00.000Z",
  resolvedAt: null,
};
const claim = (status: number, body: unknown, contentType: string | null = JSON_TYPE) => validator.check("POST", "/api/v1/tickets/{number}/claim", status, contentType, body);

describe("checking a response against the OpenAPI document", () => {
  it("passes a body as documented for its path, method and status, and names the schema", () => {
    expect(claim(200, { ticket })).toEqual({ schemaName: "TicketResponse", problems: [] });
    expect(claim(409, { error: { code: "CONFLICT", message: "Someone else has it." } })).toEqual({ schemaName: "Error", problems: [] });
  });

  it("names a missing field, a wrong type or value, and a field the document does not list, however deep", () => {
    const withoutAssignee: Record<string, unknown> = { ...ticket };
    delete withoutAssignee.assignee;
    expect(claim(200, { ticket: withoutAssignee }).problems).toEqual([expect.stringContaining("must have required property 'assignee'")]);
    expect(claim(200, { ticket: { ...ticket, version: "4" } }).problems).toEqual([expect.stringMatching(/^\/ticket\/version: must be integer/)]);
    expect(claim(200, { ticket: { ...ticket, tier: "L9" } }).problems).toEqual([expect.stringMatching(/^\/ticket\/tier: must be equal to one of the allowed values/)]);
    expect(claim(200, { ticket: { ...ticket, createdAt: "yesterday" } }).problems).toEqual([expect.stringMatching(/^\/ticket\/createdAt: must match format "date-time"/)]);
    expect(claim(200, { ticket: { ...ticket, group: { ...ticket.group, secret: 1 } } }).problems).toEqual([
      expect.stringMatching(/^\/ticket\/group: must NOT have unevaluated properties \(secret\)/),
    ]);
    expect(claim(409, { error: { code: "CONFLICT", message: "No.", stack: "at …" } }).problems).toEqual([expect.stringContaining("(stack)")]);
  });

  it("adds up the members of allOf before refusing what none of them lists", () => {
    const view = { id: 1, name: "Mine", query: { view: "mine" }, hiddenColumns: [], count: 3, countCapped: false };
    const list = (views: unknown[]) => validator.check("GET", "/api/v1/queue/views", 200, JSON_TYPE, { views }).problems;
    expect(list([view])).toEqual([]);
    expect(list([{ ...view, extra: true }])).toEqual([expect.stringMatching(/^\/views\/0: must NOT have unevaluated properties \(extra\)/)]);
    // A saved view on its own (POST's answer) has no count.
    const { countCapped, ...withCount } = view;
    expect(countCapped).toBe(false);
    expect(validator.check("POST", "/api/v1/queue/views", 201, JSON_TYPE, { view: withCount }).problems).toEqual([expect.stringContaining("(count)")]);
  });

  it("refuses a status the operation does not document, an unknown operation, and a non-JSON body where JSON is documented", () => {
    expect(claim(418, {}).problems).toEqual([expect.stringMatching(/^status 418 is not documented for POST \/api\/v1\/tickets\/\{number\}\/claim \(documented: 200, .*409.*\)$/)]);
    expect(validator.check("GET", "/api/v1/nowhere", 200, JSON_TYPE, {}).problems).toEqual(["GET /api/v1/nowhere is not in the OpenAPI document"]);
    expect(claim(200, "<html>", "text/html").problems).toEqual(["content-type text/html where application/json is documented"]);
  });

  it("checks only the status of a documented file download", () => {
    expect(validator.check("GET", "/api/v1/tickets/{number}/attachments/{id}", 200, "text/plain", "bytes")).toEqual({ schemaName: null, problems: [] });
  });
});
