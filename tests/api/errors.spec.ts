import { expect, expectError, expectOk, test } from "./fixtures";
import { generatedDocument } from "./client";
import { uniqueTitle } from "./tickets";

const TICKET = "/api/v1/tickets/{number}";
const incident = () => ({ type: "INCIDENT", title: uniqueTitle("Errors"), description: "For the error answers.", category: "platform" }) as const;

test("the served document is the one the types were generated from, and needs no session", async ({ api }) => {
  const served = expectOk(await api.anonymous.GET("/api/v1/openapi.json"));
  expect(served).toEqual(generatedDocument());
});

test("401 without a session; 403 for the wrong role or another site's write; 404 for another customer's ticket", async ({ api }) => {
  expectError(await api.anonymous.GET("/api/v1/tickets"), 401, "UNAUTHENTICATED");
  expectError(await api.anonymous.POST("/api/v1/tickets", { body: incident() }), 401, "UNAUTHENTICATED");
  expectError(await api.anonymous.GET("/api/v1/queue"), 401, "UNAUTHENTICATED");

  const [customer, other, l1] = await Promise.all([api.as("customer"), api.as("otherCustomer"), api.as("l1")]);
  expectError(await customer.GET("/api/v1/queue"), 403, "FORBIDDEN");
  expectError(await customer.GET("/api/v1/metrics/escalations"), 403, "FORBIDDEN");
  expectError(await l1.GET("/api/v1/admin/people"), 403, "FORBIDDEN");
  expectError(await customer.POST("/api/v1/tickets", { body: incident(), headers: { origin: "https://elsewhere.example" } }), 403, "FORBIDDEN");

  const { ticket } = expectOk(await customer.POST("/api/v1/tickets", { body: incident() }), 201);
  const path = { params: { path: { number: ticket.number } } };
  expectError(await other.GET(TICKET, path), 404, "NOT_FOUND");
  expectError(await other.POST(`${TICKET}/comments`, { ...path, body: { body: "Not mine.", visibility: "PUBLIC" } }), 404, "NOT_FOUND");
  expectError(await customer.POST(`${TICKET}/claim`, path), 403, "FORBIDDEN");
  expectError(await l1.GET(TICKET, { params: { path: { number: "INC-999999" } } }), 404, "NOT_FOUND");
});

test("400 names the fields at fault, 409 on a state conflict, 413 and 415 for the body; none changes anything", async ({ api }) => {
  const [customer, l1] = await Promise.all([api.as("customer"), api.as("l1")]);
  const bad = expectError(await customer.POST("/api/v1/tickets", { body: { ...incident(), title: "nul\u0000byte", category: "no-such-category" } }), 400, "VALIDATION");
  expect(Object.keys(bad.fields ?? {})).toEqual(expect.arrayContaining(["title"]));
  const limit = expectError(await customer.GET("/api/v1/tickets", { params: { query: { limit: 0 } } }), 400, "VALIDATION");
  expect(Object.keys(limit.fields ?? {})).toEqual(["limit"]);

  const { ticket } = expectOk(await customer.POST("/api/v1/tickets", { body: incident() }), 201);
  const path = { params: { path: { number: ticket.number } } };
  const tooLarge = expectError(await customer.POST(`${TICKET}/comments`, { ...path, body: { body: "x".repeat(1_100_000), visibility: "PUBLIC" } }), 413, "PAYLOAD_TOO_LARGE");
  expect(tooLarge.message).toContain("1 MB");
  expectError(
    await customer.POST(`${TICKET}/comments`, { ...path, body: { body: "plain", visibility: "PUBLIC" }, bodySerializer: (body) => body.body, headers: { "content-type": "text/plain" } }),
    415,
    "UNSUPPORTED_MEDIA_TYPE",
  );

  expectOk(await l1.POST(`${TICKET}/claim`, path));
  const l1b = await api.as("l1b");
  expectError(await l1b.POST(`${TICKET}/claim`, path), 409, "CONFLICT");
  expectError(await customer.POST(`${TICKET}/resolve-confirm`, { ...path, body: { version: 2 } }), 409, "CONFLICT");
  expectError(await l1.POST(`${TICKET}/return`, { ...path, body: { guidance: "There is no tier below L1." } }), 409, "CONFLICT");

  const events = expectOk(await l1.GET(`${TICKET}/events`, path)).events;
  expect(events.filter((e) => e.type === "COMMENTED")).toEqual([]);
});
