import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import {
  ADMIN,
  CUSTOMER_ACME,
  CUSTOMER_GLOBEX,
  L1_AGENT,
  L1_AGENT_2,
  L2_AGENT,
  L3_AGENT,
  MANAGER,
  apiSignIn,
  uniqueTitle,
} from "./helpers";

const TICKETS = "/api/v1/tickets";
const MATRIX = "/api/v1/priority-matrix";
const SWEEP = "/api/v1/sla/sweep";
const OPENAPI = "/api/v1/openapi.json";

interface Ticket {
  number: string;
  status: string;
  tier: string;
  priority: string;
  impact: string;
  urgency: string;
  version: number;
  group: { slug: string; name: string; tier: string };
  assignee: { userId: string; name: string } | null;
  externalReference: string | null;
  [key: string]: unknown;
}
interface EventJson {
  type: string;
  at: string;
  actor: { userId: string; name: string } | null;
  fromTier: string | null;
  toTier: string | null;
  explanation: string;
  details: { rule: string | null; inputs: Record<string, unknown> | null; toGroup: string | null; toAssignee: string | null } | null;
}
interface Matrix {
  version: number;
  cells: { impact: string; urgency: string; priority: string }[];
  targets: { priority: string; firstResponseMinutes: number; resolutionMinutes: number; updateEveryMinutes: number; tierBudgetMinutes: Record<string, number>; businessHours: boolean }[];
}
interface ErrorBody {
  error: { code: string; message: string; fields?: Record<string, string[]>; currentVersion?: number };
}

const USERS = {
  acme: { kind: "customer", userId: CUSTOMER_ACME.userId, secret: CUSTOMER_ACME.pin },
  globex: { kind: "customer", userId: CUSTOMER_GLOBEX.userId, secret: CUSTOMER_GLOBEX.pin },
  l1: { kind: "staff", userId: L1_AGENT.userId, secret: L1_AGENT.password },
  l1b: { kind: "staff", userId: L1_AGENT_2.userId, secret: L1_AGENT_2.password },
  l2: { kind: "staff", userId: L2_AGENT.userId, secret: L2_AGENT.password },
  l3: { kind: "staff", userId: L3_AGENT.userId, secret: L3_AGENT.password },
  manager: { kind: "staff", userId: MANAGER.userId, secret: MANAGER.password },
  admin: { kind: "staff", userId: ADMIN.userId, secret: ADMIN.password },
} as const;
type Who = keyof typeof USERS;

/** One signed-in API context per demo user, shared by the tests of this file (each signs in once). */
const as = {} as Record<Who, APIRequestContext>;
let anonymous: APIRequestContext;

test.beforeAll(async ({ playwright }, testInfo) => {
  const baseURL = testInfo.project.use.baseURL;
  anonymous = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { origin: String(baseURL) } });
  for (const [who, user] of Object.entries(USERS) as [Who, (typeof USERS)[Who]][]) {
    as[who] = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { origin: String(baseURL) } });
    await apiSignIn(as[who], user.kind, user.userId, user.secret);
  }
});

test.afterAll(async () => {
  await Promise.all([anonymous, ...Object.values(as)].filter(Boolean).map((context) => context.dispose()));
});

async function expectError(response: APIResponse, status: number, code: string): Promise<ErrorBody> {
  expect(response.status(), await response.text()).toBe(status);
  expect(response.headers()["content-type"]).toContain("application/json");
  const body = (await response.json()) as ErrorBody;
  expect(body.error).toMatchObject({ code, message: expect.any(String) });
  return body;
}

async function expectTicket(response: APIResponse, status = 200): Promise<Ticket> {
  expect(response.status(), await response.text()).toBe(status);
  return ((await response.json()) as { ticket: Ticket }).ticket;
}

/** A new platform incident from Acme: P2 at L1 in the service-desk pull queue, unassigned. */
async function newTicket(): Promise<Ticket> {
  const response = await as.acme.post(TICKETS, {
    data: { type: "INCIDENT", title: uniqueTitle("Routing API"), description: "Opened by the routing API suite.", category: "platform" },
  });
  // The customer gets their own view (a support level, never the group); staff read the routing details.
  expect(response.status(), await response.text()).toBe(201);
  const created = ((await response.json()) as { ticket: { number: string; supportLevel: string } }).ticket;
  expect(created).toMatchObject({ supportLevel: "Level 1 support", status: "NEW" });
  expect(created).not.toHaveProperty("group");
  const ticket = await expectTicket(await as.l1.get(`${TICKETS}/${created.number}`));
  expect(ticket).toMatchObject({ tier: "L1", status: "NEW", assignee: null, group: { slug: "service-desk" } });
  return ticket;
}

const post = (who: Who, number: string, action: string, data?: unknown) =>
  as[who].post(`${TICKETS}/${number}/${action}`, data === undefined ? {} : { data });

const ESCALATION = { reason: "Customer-facing 500s persist after a cache flush.", summary: "Checked status page, logs show upstream timeouts; SOP steps 1–4 done." };

async function events(who: Who, number: string): Promise<EventJson[]> {
  const response = await as[who].get(`${TICKETS}/${number}/events`);
  expect(response.status(), await response.text()).toBe(200);
  return ((await response.json()) as { events: EventJson[] }).events;
}

async function currentMatrix(who: Who = "l1"): Promise<Matrix> {
  const response = await as[who].get(MATRIX);
  expect(response.status(), await response.text()).toBe(200);
  return (await response.json()) as Matrix;
}

test.describe("routing API", () => {
  test("answers 401 without a session on every routing route", async () => {
    const n = "INC-000001";
    await expectError(await anonymous.post(`${TICKETS}/${n}/claim`), 401, "UNAUTHENTICATED");
    await expectError(await anonymous.post(`${TICKETS}/${n}/assign`, { data: { group: "service-desk" } }), 401, "UNAUTHENTICATED");
    await expectError(await anonymous.post(`${TICKETS}/${n}/escalate`, { data: ESCALATION }), 401, "UNAUTHENTICATED");
    await expectError(await anonymous.post(`${TICKETS}/${n}/return`, { data: { guidance: "x" } }), 401, "UNAUTHENTICATED");
    await expectError(await anonymous.patch(`${TICKETS}/${n}`, { data: { version: 1, status: "IN_PROGRESS" } }), 401, "UNAUTHENTICATED");
    await expectError(await anonymous.post(`${TICKETS}/${n}/comments`, { data: { body: "hi" } }), 401, "UNAUTHENTICATED");
    await expectError(await anonymous.get(`${TICKETS}/${n}/events`), 401, "UNAUTHENTICATED");
    await expectError(await anonymous.post(`${TICKETS}/${n}/presence`), 401, "UNAUTHENTICATED");
    await expectError(await anonymous.get(MATRIX), 401, "UNAUTHENTICATED");
    await expectError(await anonymous.put(MATRIX, { data: {} }), 401, "UNAUTHENTICATED");
    await expectError(await anonymous.post(SWEEP), 401, "UNAUTHENTICATED");
  });

  test("claim: 200, 200 again for the same agent without a change, 409 for another agent", async () => {
    const { number } = await newTicket();

    const claimed = await expectTicket(await post("l1", number, "claim"));
    expect(claimed).toMatchObject({ number, tier: "L1", status: "ASSIGNED", assignee: { userId: L1_AGENT.userId }, version: 2 });

    const again = await expectTicket(await post("l1", number, "claim"));
    expect(again).toEqual(claimed);

    const lost = await expectError(await post("l1b", number, "claim"), 409, "CONFLICT");
    expect(lost.error.message).toMatch(/claimed/i);
    // Agents of another tier and customers may not claim; another customer does not even see it.
    await expectError(await post("l2", number, "claim"), 403, "FORBIDDEN");
    await expectError(await post("acme", number, "claim"), 403, "FORBIDDEN");
    await expectError(await post("globex", number, "claim"), 404, "NOT_FOUND");
    await expectError(await post("l1", "INC-999999", "claim"), 404, "NOT_FOUND");

    // Exactly one claim in the log: claiming again recorded nothing.
    const log = await events("l1", number);
    expect(log.filter((e) => e.type === "CLAIMED")).toHaveLength(1);
    expect((await expectTicket(await as.l1.get(`${TICKETS}/${number}`))).assignee?.userId).toBe(L1_AGENT.userId);
  });

  test("escalate L1→L2 and return with guidance: back at L1 with the agent who escalated", async () => {
    const { number } = await newTicket();
    await expectTicket(await post("l1", number, "claim"));

    const missing = await expectError(await post("l1", number, "escalate", { summary: ESCALATION.summary }), 400, "VALIDATION");
    expect(Object.keys(missing.error.fields ?? {})).toEqual(["reason"]);
    expect(missing.error.fields?.reason).toEqual(["Enter the reason."]);
    const blank = await expectError(await post("l1", number, "escalate", { reason: " ", summary: "" }), 400, "VALIDATION");
    expect(Object.keys(blank.error.fields ?? {}).sort()).toEqual(["reason", "summary"]);
    // Only the assignee at the ticket's tier (or a manager) escalates.
    await expectError(await post("l1b", number, "escalate", ESCALATION), 403, "FORBIDDEN");
    await expectError(await post("acme", number, "escalate", ESCALATION), 403, "FORBIDDEN");

    const escalated = await expectTicket(await post("l1", number, "escalate", ESCALATION));
    expect(escalated).toMatchObject({
      tier: "L2",
      status: "ASSIGNED",
      group: { slug: "platform-support", tier: "L2" },
      assignee: { userId: L2_AGENT.userId },
    });

    // L1 can no longer act on it; it is nowhere to return from L1.
    await expectError(await post("l1", number, "return", { guidance: "?" }), 403, "FORBIDDEN");
    const noGuidance = await expectError(await post("l2", number, "return", {}), 400, "VALIDATION");
    expect(Object.keys(noGuidance.error.fields ?? {})).toEqual(["guidance"]);

    const guidance = "Restart the tenant's worker pool from the console, then confirm with the customer.";
    const returned = await expectTicket(await post("l2", number, "return", { guidance }));
    expect(returned).toMatchObject({
      tier: "L1",
      status: "IN_PROGRESS",
      group: { slug: "service-desk", tier: "L1" },
      assignee: { userId: L1_AGENT.userId },
    });
    await expectError(await post("l1", number, "return", { guidance }), 409, "CONFLICT");

    // L1 sees the guidance on the ticket's log.
    const last = (await events("l1", number)).at(-1)!;
    expect(last).toMatchObject({ type: "RETURNED", fromTier: "L2", toTier: "L1", actor: { userId: L2_AGENT.userId } });
    expect(last.explanation).toContain(guidance);
    expect(last.details?.inputs).toMatchObject({ guidance });
  });

  test("escalate up to L4 with a reference; 409 above L4 and on a closed ticket; the L4 reply returns it to the L3 owner", async () => {
    const { number } = await newTicket();
    await expectTicket(await post("l1", number, "claim"));
    await expectTicket(await post("l1", number, "escalate", ESCALATION));
    const atL3 = await expectTicket(await post("l2", number, "escalate", ESCALATION));
    expect(atL3).toMatchObject({ tier: "L3", group: { slug: "engineering-support" }, assignee: { userId: L3_AGENT.userId } });

    const noGroup = await expectError(await post("l3", number, "escalate", ESCALATION), 400, "VALIDATION");
    expect(Object.keys(noGroup.error.fields ?? {})).toEqual(["toGroup"]);
    const noReference = await expectError(await post("l3", number, "escalate", { ...ESCALATION, toGroup: "cloud-vendor" }), 400, "VALIDATION");
    expect(Object.keys(noReference.error.fields ?? {})).toEqual(["externalReference"]);

    const atL4 = await expectTicket(await post("l3", number, "escalate", { ...ESCALATION, toGroup: "cloud-vendor", externalReference: "CV-77812" }));
    expect(atL4).toMatchObject({
      tier: "L4",
      status: "PENDING_VENDOR",
      group: { slug: "cloud-vendor", tier: "L4" },
      assignee: { userId: L3_AGENT.userId },
      externalReference: "CV-77812",
    });
    const above = await expectError(await post("l3", number, "escalate", { ...ESCALATION, toGroup: "architecture", externalReference: "X-1" }), 409, "CONFLICT");
    expect(above.error.message).toMatch(/L4/);

    const back = await expectTicket(await post("l3", number, "return", { guidance: "Vendor fixed the load balancer pool." }));
    expect(back).toMatchObject({ tier: "L3", group: { slug: "engineering-support" }, assignee: { userId: L3_AGENT.userId } });

    // A manager may close without resolving; nothing escalates a closed ticket.
    const closed = await expectTicket(await as.manager.patch(`${TICKETS}/${number}`, { data: { version: back.version, status: "CLOSED" } }));
    expect(closed.status).toBe("CLOSED");
    // The conflict comes before any complaint about the input (no toGroup for L4 here).
    await expectError(await post("manager", number, "escalate", ESCALATION), 409, "CONFLICT");
    await expectError(await post("manager", number, "escalate", { ...ESCALATION, toGroup: "cloud-vendor", externalReference: "CV-77813" }), 409, "CONFLICT");
  });

  test("assign: managers and admins only, to a person or a group", async () => {
    const { number } = await newTicket();
    await expectError(await post("l1", number, "assign", { userId: L1_AGENT_2.userId }), 403, "FORBIDDEN");
    await expectError(await post("acme", number, "assign", { userId: L1_AGENT_2.userId }), 403, "FORBIDDEN");
    const empty = await expectError(await post("manager", number, "assign", {}), 400, "VALIDATION");
    expect(Object.keys(empty.error.fields ?? {})).toEqual(["userId"]);
    const unknown = await expectError(await post("manager", number, "assign", { userId: "nobody" }), 400, "VALIDATION");
    expect(Object.keys(unknown.error.fields ?? {})).toEqual(["userId"]);

    const toPerson = await expectTicket(await post("manager", number, "assign", { userId: L1_AGENT_2.userId }));
    expect(toPerson).toMatchObject({ tier: "L1", status: "ASSIGNED", group: { slug: "service-desk" }, assignee: { userId: L1_AGENT_2.userId } });

    const toGroup = await expectTicket(await post("admin", number, "assign", { group: "platform-support" }));
    expect(toGroup).toMatchObject({ tier: "L2", group: { slug: "platform-support" }, assignee: { userId: L2_AGENT.userId } });
  });

  test("comments: 201 for a customer's public reply and a staff note; 403 for a customer's internal note", async () => {
    const { number } = await newTicket();

    const reply = await as.acme.post(`${TICKETS}/${number}/comments`, { data: { body: "It still fails at 10:02." } });
    expect(reply.status(), await reply.text()).toBe(201);
    const { comment } = (await reply.json()) as { comment: Record<string, unknown> };
    expect(comment).toEqual({
      id: expect.any(Number),
      body: "It still fails at 10:02.",
      visibility: "PUBLIC",
      author: { userId: CUSTOMER_ACME.userId, name: CUSTOMER_ACME.name },
      createdAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
    });

    await expectError(await as.acme.post(`${TICKETS}/${number}/comments`, { data: { body: "psst", visibility: "INTERNAL" } }), 403, "FORBIDDEN");
    await expectError(await as.globex.post(`${TICKETS}/${number}/comments`, { data: { body: "hello" } }), 404, "NOT_FOUND");
    await expectError(await as.l2.post(`${TICKETS}/${number}/comments`, { data: { body: "not my tier", visibility: "INTERNAL" } }), 403, "FORBIDDEN");
    const blank = await expectError(await as.l1.post(`${TICKETS}/${number}/comments`, { data: { body: "  ", visibility: "SECRET" } }), 400, "VALIDATION");
    expect(Object.keys(blank.error.fields ?? {}).sort()).toEqual(["body", "visibility"]);

    const note = await as.l1.post(`${TICKETS}/${number}/comments`, { data: { body: "Looks like the March incident.", visibility: "INTERNAL" } });
    expect(note.status(), await note.text()).toBe(201);
    expect(((await note.json()) as { comment: { visibility: string; author: { userId: string } } }).comment).toMatchObject({
      visibility: "INTERNAL",
      author: { userId: L1_AGENT.userId },
    });
  });

  test("events explain every decision; the customer sees no internal note and no details", async () => {
    const { number } = await newTicket();
    await expectTicket(await post("l1", number, "claim"));
    const secret = "Internal: suspect the noisy tenant on shard 7.";
    expect((await as.l1.post(`${TICKETS}/${number}/comments`, { data: { body: secret, visibility: "INTERNAL" } })).status()).toBe(201);
    expect((await as.l1.post(`${TICKETS}/${number}/comments`, { data: { body: "We are on it." } })).status()).toBe(201);
    await expectTicket(await post("l1", number, "escalate", ESCALATION));
    await expectTicket(await post("l2", number, "return", { guidance: "Try the failover runbook." }));

    const staff = await events("l1", number);
    expect(staff.map((e) => e.type)).toEqual(["CREATED", "CLASSIFIED", "CLAIMED", "COMMENTED", "COMMENTED", "ESCALATED", "ASSIGNED", "RETURNED"]);
    for (const e of staff) {
      expect(e.explanation.length, `${e.type} explains itself`).toBeGreaterThan(10);
      expect(e.at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
      expect(e.details, `${e.type} has details for staff`).not.toBeNull();
      expect(e.details?.rule).toEqual(expect.any(String));
    }
    const byType = (type: string) => staff.find((e) => e.type === type)!;
    expect(byType("CLASSIFIED")).toMatchObject({ actor: null, details: { rule: "matrix.cell", inputs: { cell: "MEDIUM×HIGH", priority: "P2" } } });
    expect(byType("CLASSIFIED").explanation).toMatch(/P2.*matrix v\d+/);
    expect(byType("CLAIMED")).toMatchObject({ actor: { userId: L1_AGENT.userId }, fromTier: "L1", toTier: "L1" });
    expect(byType("ESCALATED")).toMatchObject({
      actor: { userId: L1_AGENT.userId },
      fromTier: "L1",
      toTier: "L2",
      details: { toGroup: "platform-support", inputs: { reason: ESCALATION.reason, summary: ESCALATION.summary } },
    });
    expect(byType("ESCALATED").explanation).toContain(ESCALATION.reason);
    expect(byType("ASSIGNED")).toMatchObject({ actor: null, details: { rule: "assign.least-loaded", toAssignee: L2_AGENT.userId } });
    expect(byType("ASSIGNED").details?.inputs).toMatchObject({ candidates: expect.arrayContaining([expect.objectContaining({ userId: L2_AGENT.userId })]) });

    const customer = await events("acme", number);
    expect(customer.map((e) => e.type)).toEqual(["CREATED", "CLAIMED", "COMMENTED", "ESCALATED", "ASSIGNED", "RETURNED"]);
    for (const e of customer) {
      expect(e.details).toBeNull();
      expect(e.explanation).not.toContain(ESCALATION.reason);
      expect(e.explanation).not.toContain("shard 7");
    }
    expect(customer[0]).toEqual(expect.objectContaining({ actor: { name: CUSTOMER_ACME.name }, explanation: "Ticket opened." }));
    expect(customer[1]).toMatchObject({ actor: null, explanation: "An agent took on your ticket." });
    expect(customer[3]).toMatchObject({ actor: null, toTier: "L2" });
    expect(JSON.stringify(customer)).not.toContain("INTERNAL");
    expect(JSON.stringify(customer)).not.toContain(L2_AGENT.userId);

    await expectError(await as.globex.get(`${TICKETS}/${number}/events`), 404, "NOT_FOUND");
  });

  test("PATCH: status and reclassification against the version read; a stale version gets 409", async () => {
    const { number } = await newTicket();
    const claimed = await expectTicket(await post("l1", number, "claim"));

    const started = await expectTicket(await as.l1.patch(`${TICKETS}/${number}`, { data: { version: claimed.version, status: "IN_PROGRESS" } }));
    expect(started).toMatchObject({ status: "IN_PROGRESS", version: claimed.version + 1 });

    const stale = await expectError(await as.l1.patch(`${TICKETS}/${number}`, { data: { version: claimed.version, urgency: "LOW" } }), 409, "CONFLICT");
    expect(stale.error.currentVersion).toBe(started.version);

    const reclassified = await expectTicket(await as.l1.patch(`${TICKETS}/${number}`, { data: { version: started.version, urgency: "LOW" } }));
    expect(reclassified).toMatchObject({ impact: "MEDIUM", urgency: "LOW", priority: "P4", version: started.version + 1 });
    const last = (await events("l1", number)).at(-1)!;
    expect(last).toMatchObject({ type: "RECLASSIFIED", details: { inputs: { from: { priority: "P2" }, to: { priority: "P4" } } } });
    expect(last.explanation).toContain("P2 → P4");

    const nothing = await expectError(await as.l1.patch(`${TICKETS}/${number}`, { data: { version: reclassified.version } }), 400, "VALIDATION");
    expect(Object.keys(nothing.error.fields ?? {})).toEqual(["status"]);
    await expectError(await as.l1.patch(`${TICKETS}/${number}`, { data: { status: "RESOLVED" } }), 400, "VALIDATION");
    await expectError(await as.acme.patch(`${TICKETS}/${number}`, { data: { version: reclassified.version, status: "RESOLVED" } }), 403, "FORBIDDEN");
    await expectError(await as.l2.patch(`${TICKETS}/${number}`, { data: { version: reclassified.version, status: "RESOLVED" } }), 403, "FORBIDDEN");
    await expectError(await as.globex.patch(`${TICKETS}/${number}`, { data: { version: reclassified.version, status: "RESOLVED" } }), 404, "NOT_FOUND");
    await expectError(
      await as.l1.patch(`${TICKETS}/${number}`, { headers: { "content-type": "text/plain" }, data: JSON.stringify({ version: 1, status: "RESOLVED" }) }),
      415,
      "UNSUPPORTED_MEDIA_TYPE",
    );
  });

  test("priority matrix: staff read it, customers get 403; a manager publishes a new version; 9 cells or 400", async () => {
    const before = await currentMatrix("l1");
    expect(before.version).toEqual(expect.any(Number));
    expect(before.cells).toHaveLength(9);
    expect(before.targets.map((t) => t.priority)).toEqual(["P1", "P2", "P3", "P4", "P5"]);
    expect(before.cells).toContainEqual({ impact: "HIGH", urgency: "HIGH", priority: "P1" });
    expect(before.targets[0]).toEqual({
      priority: "P1",
      firstResponseMinutes: expect.any(Number),
      resolutionMinutes: expect.any(Number),
      updateEveryMinutes: expect.any(Number),
      tierBudgetMinutes: { L1: expect.any(Number), L2: expect.any(Number), L3: expect.any(Number) },
      businessHours: expect.any(Boolean),
    });
    await expectError(await as.acme.get(MATRIX), 403, "FORBIDDEN");

    // The same matrix again, sent back in the shape GET gave it: later tickets classify exactly as before.
    const body = { ...before, note: "Republished by the e2e suite" };
    await expectError(await as.l1.put(MATRIX, { data: body }), 403, "FORBIDDEN");
    const published = await as.manager.put(MATRIX, { data: body });
    expect(published.status(), await published.text()).toBe(200);
    const after = (await published.json()) as Matrix;
    expect(after.version).toBe(before.version + 1);
    expect(after.cells).toEqual(expect.arrayContaining(before.cells));
    expect(after.targets).toEqual(before.targets);
    expect((await currentMatrix("l2")).version).toBe(after.version);
    // An edit of a version that is no longer current is refused, naming the current one.
    const stale = await expectError(await as.admin.put(MATRIX, { data: body }), 409, "CONFLICT");
    expect(stale.error).toMatchObject({ currentVersion: after.version });

    const eight = await expectError(await as.manager.put(MATRIX, { data: { ...body, version: after.version, cells: before.cells.slice(0, 8) } }), 400, "VALIDATION");
    expect(eight.error.fields?.cells).toEqual(["Give all 9 cells."]);
    const senseless = { ...before.targets[0]!, firstResponseMinutes: before.targets[0]!.resolutionMinutes + 1 };
    const nonsense = await expectError(await as.admin.put(MATRIX, { data: { ...body, version: after.version, targets: [senseless, ...before.targets.slice(1)] } }), 400, "VALIDATION");
    expect(Object.keys(nonsense.error.fields ?? {})).toEqual(["targets.0.firstResponseMinutes"]);
    expect((await currentMatrix("manager")).version).toBe(after.version);
  });

  test("priority matrix: two publishes at once each get 200 or 409, never a 500 or the same version", async () => {
    const before = await currentMatrix("manager");
    const body = { cells: before.cells, targets: before.targets };
    const responses = await Promise.all([as.manager.put(MATRIX, { data: body }), as.admin.put(MATRIX, { data: body })]);
    const versions: number[] = [];
    for (const response of responses) {
      if (response.status() === 409) {
        await expectError(response, 409, "CONFLICT");
        continue;
      }
      expect(response.status(), await response.text()).toBe(200);
      versions.push(((await response.json()) as Matrix).version);
    }
    expect(versions.length).toBeGreaterThanOrEqual(1);
    expect((await currentMatrix("manager")).version).toBe(before.version + versions.length);
  });

  test("SLA sweep: 403 for agents and customers; managers and admins get the counts, and a second run does nothing more", async () => {
    await expectError(await as.l1.post(SWEEP), 403, "FORBIDDEN");
    await expectError(await as.l3.post(SWEEP), 403, "FORBIDDEN");
    await expectError(await as.acme.post(SWEEP), 403, "FORBIDDEN");

    const first = await as.manager.post(SWEEP);
    expect(first.status(), await first.text()).toBe(200);
    expect(await first.json()).toMatchObject({ escalated: expect.any(Number), alerted: expect.any(Number), updatesDue: expect.any(Number) });

    const second = await as.admin.post(SWEEP);
    expect(second.status(), await second.text()).toBe(200);
    expect(await second.json()).toMatchObject({ escalated: 0, alerted: 0, updatesDue: 0 });
  });

  test("openapi.json: a public OpenAPI 3.1 document of every /api/v1 route, from the shared schemas", async () => {
    const response = await anonymous.get(OPENAPI);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toContain("application/json");
    const doc = JSON.parse(await response.text()) as {
      openapi: string;
      info: { title: string; version: string };
      paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: { $ref: string } }> }; responses: Record<string, { content?: Record<string, { schema: { $ref: string } }> }>; security?: unknown[] }>>;
      components: { schemas: Record<string, { required?: string[]; properties?: Record<string, unknown> }> };
    };
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.info).toMatchObject({ title: expect.any(String), version: expect.any(String) });

    const expected: Record<string, string[]> = {
      "/api/v1/tickets": ["get", "post"],
      "/api/v1/tickets/{number}": ["get", "patch"],
      "/api/v1/tickets/{number}/claim": ["post"],
      "/api/v1/tickets/{number}/assign": ["post"],
      "/api/v1/tickets/{number}/escalate": ["post"],
      "/api/v1/tickets/{number}/sop-steps": ["post"],
      "/api/v1/tickets/{number}/return": ["post"],
      "/api/v1/tickets/{number}/vendor-response": ["post"],
      "/api/v1/tickets/{number}/vendor-engagements": ["get"],
      "/api/v1/tickets/{number}/comments": ["post"],
      "/api/v1/tickets/{number}/events": ["get"],
      "/api/v1/tickets/{number}/presence": ["get", "post"],
      "/api/v1/tickets/{number}/attachments": ["get", "post"],
      "/api/v1/tickets/{number}/attachments/{id}": ["get"],
      "/api/v1/customers": ["get"],
      "/api/v1/kb/articles": ["get"],
      "/api/v1/kb/articles/{slug}": ["get"],
      "/api/v1/kb/articles/{slug}/feedback": ["post"],
      "/api/v1/kb/articles/{slug}/deflections": ["post"],
      "/api/v1/kb/self-service": ["get"],
      "/api/v1/tickets/{number}/resolve-confirm": ["post"],
      "/api/v1/tickets/{number}/reopen": ["post"],
      "/api/v1/tickets/{number}/escalation-request": ["post"],
      "/api/v1/tickets/{number}/rating": ["post"],
      "/api/v1/outbox": ["get"],
      "/api/v1/outbox/deliver": ["post"],
      "/api/v1/ratings/summary": ["get"],
      "/api/v1/priority-matrix": ["get", "put"],
      "/api/v1/sla/sweep": ["post"],
      "/api/v1/queue": ["get"],
      "/api/v1/queue/preferences": ["get", "put"],
      "/api/v1/queue/views": ["get", "post"],
      "/api/v1/queue/views/{viewId}": ["delete", "patch"],
      "/api/v1/tickets/bulk": ["post"],
      "/api/v1/admin/audit": ["get"],
      "/api/v1/admin/matrix-versions": ["get"],
      "/api/v1/admin/what-if": ["post"],
      "/api/v1/admin/what-if/stream": ["post"],
      "/api/v1/admin/people": ["get", "post"],
      "/api/v1/admin/people/pin": ["post"],
      "/api/v1/admin/people/password": ["post"],
      "/api/v1/admin/people/deactivate": ["post"],
      "/api/v1/admin/login-throttles": ["get"],
      "/api/v1/admin/login-throttles/clear": ["post"],
      "/api/v1/admin/support-calendar": ["get", "put"],
      "/api/v1/admin/kb-articles": ["get", "post", "put"],
      "/api/v1/admin/kb-articles/{slug}": ["delete"],
      "/api/v1/admin/groups": ["get", "post", "put"],
      "/api/v1/admin/groups/{slug}": ["delete"],
      "/api/v1/admin/categories": ["get", "post", "put"],
      "/api/v1/admin/categories/{slug}": ["delete"],
      "/api/v1/admin/calendars": ["get", "post"],
      "/api/v1/admin/calendars/{slug}": ["delete", "get", "put"],
      "/api/v1/admin/calendars/{slug}/versions": ["get"],
      "/api/v1/admin/organizations": ["get"],
      "/api/v1/admin/organizations/{slug}": ["put"],
      "/api/v1/metrics/escalations": ["get"],
      "/api/v1/notifications": ["get"],
      "/api/v1/notifications/read": ["post"],
      "/api/v1/me/notification-preferences": ["get", "put"],
      "/api/v1/alerts/{alertId}/acknowledge": ["post"],
      "/api/v1/admin/macros": ["get", "post"],
      "/api/v1/admin/macros/{macroId}": ["delete", "put"],
      "/api/v1/admin/webhooks": ["get", "post"],
      "/api/v1/admin/webhooks/{webhookId}": ["delete", "get", "patch"],
      "/api/v1/admin/webhooks/{webhookId}/deliveries": ["get"],
      "/api/v1/admin/webhooks/{webhookId}/deliveries/{deliveryId}/redeliver": ["post"],
      "/api/v1/tickets/{number}/macros/{macroId}/preview": ["post"],
      "/api/v1/tickets/{number}/links": ["post"],
      "/api/v1/tickets/{number}/major-incident": ["post"],
      "/api/v1/tickets/{number}/children": ["post"],
      "/api/v1/tickets/{number}/children/{child}": ["delete"],
      "/api/v1/integrations/alertmanager": ["post"],
      "/api/v1/admin/integrations": ["get", "post"],
      "/api/v1/admin/integrations/{integration}": ["delete", "get", "patch"],
      "/api/v1/admin/tokens": ["get", "post"],
      "/api/v1/admin/tokens/{tokenId}": ["delete"],
      "/api/v1/stream": ["get"],
      "/api/v1/inbound-mail": ["get"],
      "/api/v1/inbound-mail/{mailId}/accept": ["post"],
      "/api/v1/inbound-mail/{mailId}/discard": ["post"],
      "/api/v1/openapi.json": ["get"],
    };
    const documented = Object.fromEntries(Object.entries(doc.paths).map(([p, ops]) => [p, Object.keys(ops).sort()]));
    expect(documented).toEqual(expected);

    // And the route files on disk agree: a new handler without its entry in the registry fails here.
    const apiDir = path.resolve(test.info().project.testDir, "../../app/api/v1");
    const onDisk: Record<string, string[]> = {};
    for (const file of readdirSync(apiDir, { recursive: true, encoding: "utf8" }).filter((f) => path.basename(f) === "route.ts")) {
      const route = `/api/v1/${path.dirname(file).split(path.sep).join("/")}`.replace(/\[(\w+)\]/g, "{$1}");
      const methods = [...readFileSync(path.join(apiDir, file), "utf8").matchAll(/export (?:const|async function|function) (GET|POST|PUT|PATCH|DELETE)\b/g)];
      onDisk[route] = methods.map((m) => m[1]!.toLowerCase()).sort();
    }
    expect(onDisk).toEqual(expected);

    // Request bodies come from the zod schemas the routes parse with; every response and error has a schema.
    const schemas = doc.components.schemas;
    const refName = (r: string) => r.replace("#/components/schemas/", "");
    const bodyOf = (p: string, m: string) => schemas[refName(Object.values(doc.paths[p]![m]!.requestBody!.content)[0]!.schema.$ref)]!;
    expect(bodyOf("/api/v1/tickets/{number}/escalate", "post").required?.sort()).toEqual(["reason", "summary"]);
    expect(Object.keys(bodyOf("/api/v1/tickets/{number}/escalate", "post").properties ?? {}).sort()).toEqual(["externalReference", "reason", "sopOverride", "stepsDone", "summary", "toGroup"]);
    expect(bodyOf("/api/v1/tickets/{number}", "patch").required).toEqual(["version"]);
    expect(bodyOf("/api/v1/tickets/{number}/comments", "post").properties?.visibility).toMatchObject({ enum: ["PUBLIC", "INTERNAL"], default: "PUBLIC" });
    expect(bodyOf("/api/v1/priority-matrix", "put").properties?.cells).toMatchObject({ minItems: 9, maxItems: 9 });
    expect(bodyOf("/api/v1/tickets", "post").required?.sort()).toEqual(["category", "description", "title", "type"]);
    for (const name of ["Ticket", "Event", "Comment", "PriorityMatrix", "Error", "Attachment", "ArticleSummary", "Article"]) expect(schemas[name], name).toBeDefined();
    expect(Object.keys(doc.paths["/api/v1/tickets/{number}/attachments"]!.post!.requestBody!.content)).toEqual(["multipart/form-data"]);
    expect(bodyOf("/api/v1/kb/articles/{slug}/feedback", "post").required).toEqual(["helpful"]);
    expect(Object.keys(doc.paths["/api/v1/tickets"]!.post!.responses)).toEqual(expect.arrayContaining(["200", "201"]));
    // A new ticket comes back as GET of it does: the customer view for a customer, the staff Ticket for staff logging a contact.
    expect(doc.paths["/api/v1/tickets"]!.post!.responses["201"]!.content!["application/json"]!.schema.$ref).toBe("#/components/schemas/TicketView");
    expect(schemas.Event!.required?.sort()).toEqual(["actor", "at", "details", "explanation", "fromTier", "handoff", "toTier", "type"]);

    for (const [p, ops] of Object.entries(doc.paths)) {
      for (const [m, op] of Object.entries(ops)) {
        const statuses = Object.keys(op.responses);
        if (p !== OPENAPI) {
          expect(statuses, `${m} ${p}`).toContain("401");
          expect(op.responses["401"]!.content!["application/json"]!.schema.$ref).toBe("#/components/schemas/Error");
        } else {
          expect(op.security).toEqual([]);
        }
        if (p.includes("{")) expect(statuses, `${m} ${p}`).toContain("404");
        for (const r of Object.values(op.responses)) {
          const target = r.content?.["application/json"]?.schema.$ref;
          if (target) expect(schemas[refName(target)], `${m} ${p} → ${target}`).toBeDefined();
        }
      }
    }
    expect(Object.keys(doc.paths["/api/v1/tickets/{number}/escalate"]!.post!.responses).sort()).toEqual(["200", "400", "401", "403", "404", "409", "413", "415", "429", "500"]);
  });
});
