import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/actor";
import { AppError } from "@/lib/errors";
import { seedDemoData } from "@/lib/seed/demo-data";
import { authenticateBearer } from "@/lib/tokens/authenticate-bearer";
import { createApiToken } from "@/lib/tokens/create-api-token";
import { tokenHash } from "@/lib/tokens/generate-token";
import { listApiTokens } from "@/lib/tokens/list-api-tokens";
import { revokeApiToken } from "@/lib/tokens/revoke-api-token";
import { createTicket } from "@/lib/tickets/create-ticket";
import { CLIENT_ADDRESS_HEADER } from "@/lib/client-address";
import { GET as listTicketsRoute, POST as createTicketRoute } from "@/app/api/v1/tickets/route";
import { POST as claimRoute } from "@/app/api/v1/tickets/[number]/claim/route";
import { GET as listTokensRoute, POST as createTokenRoute } from "@/app/api/v1/admin/tokens/route";
import { DELETE as revokeTokenRoute } from "@/app/api/v1/admin/tokens/[tokenId]/route";
import { unchecked } from "@/lib/validation/unchecked";
import { actorFor } from "../fixtures/actors";
import { describeEachDatabase } from "../fixtures/test-database";

// API tokens: admins create, list and revoke them (audited); a bearer request acts as the token's user, within
// the token's scopes and the user's own permissions; every token that does not hold gets the same 401.

const BASE = "http://localhost:3000";
const NONE = { params: Promise.resolve({}) };

function bearer(token: string, path: string, init: RequestInit & { headers?: Record<string, string> } = {}): Request {
  return new Request(`${BASE}${path}`, { ...init, headers: { authorization: `Bearer ${token}`, ...init.headers } });
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

async function answer(response: Response) {
  return { status: response.status, body: await response.json(), wwwAuthenticate: response.headers.get("www-authenticate") };
}

describeEachDatabase("API tokens", (database) => {
  let admin: Actor;
  let manager: Actor;
  let l1: Actor;
  const future = () => new Date(Date.now() + 30 * 86_400_000).toISOString();

  beforeAll(async () => {
    const db = database().db;
    await seedDemoData(db);
    admin = await actorFor(db, "admin");
    manager = await actorFor(db, "manager");
    l1 = await actorFor(db, "l1agent");
  });

  describe("the admin services", () => {
    it("creates a token for the admin: shown once, only its SHA-256 and prefix stored, the creation audited in the same breath", async () => {
      const created = await createApiToken(admin, { name: "Nightly report", scopes: ["tickets:read", "metrics:read", "tickets:read"], expiresAt: future() });
      expect(created.token).toMatch(/^tdk_[0-9A-Za-z]{43}$/);
      expect(created).toMatchObject({ prefix: created.token.slice(0, 8), name: "Nightly report", scopes: ["tickets:read", "metrics:read"], user: { userId: "admin", role: "ADMIN", serviceAccount: false } });
      const row = await database().db.apiToken.findUniqueOrThrow({ where: { id: created.id } });
      expect(row.tokenHash).toBe(tokenHash(created.token));
      expect(JSON.stringify(row)).not.toContain(created.token.slice(8));
      const audit = await database().db.auditEvent.findMany({ where: { entity: "ApiToken", entityId: created.id } });
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ action: "create", actorId: admin.id, after: { name: "Nightly report", prefix: created.prefix, scopes: ["tickets:read", "metrics:read"], user: "admin" } });
      expect(JSON.stringify(audit[0])).not.toContain(created.token.slice(8));
      const listed = (await listApiTokens(manager)).tokens.find((t) => t.id === created.id);
      expect(listed).toMatchObject({ status: "ACTIVE", createdBy: { userId: "admin" }, lastUsedAt: null });
      expect(JSON.stringify(listed)).not.toContain(created.token);
    });

    it("creates a service account once and reuses it by user ID; it is marked and cannot be a person's ID", async () => {
      const first = await createApiToken(admin, { name: "Monitoring", scopes: ["alerts:write"], serviceAccount: { userId: "svc-monitoring", name: "Monitoring" } });
      const second = await createApiToken(admin, { name: "Monitoring 2", scopes: ["alerts:write"], serviceAccount: { userId: "SVC-Monitoring" } });
      expect(first.user).toEqual({ userId: "svc-monitoring", name: "Monitoring", role: "AGENT", tier: "L1", serviceAccount: true });
      expect(second.user).toEqual(first.user);
      expect(await database().db.user.count({ where: { serviceAccount: true, userId: "svc-monitoring" } })).toBe(1);
      expect(await database().db.auditEvent.count({ where: { entity: "User", action: "create", after: { path: ["userId"], equals: "svc-monitoring" } } })).toBe(1);
      const taken = await refusal(createApiToken(admin, { name: "x", scopes: ["tickets:read"], serviceAccount: { userId: "l1agent" } }));
      expect(taken).toMatchObject({ code: "CONFLICT", fields: { "serviceAccount.userId": [expect.stringMatching(/person/)] } });
      const otherRole = await refusal(createApiToken(admin, { name: "x", scopes: ["tickets:read"], serviceAccount: { userId: "svc-monitoring", role: "MANAGER" } }));
      expect(otherRole.code).toBe("CONFLICT");
    });

    it("refuses bad bodies with the fields at fault and changes nothing", async () => {
      const before = await database().db.apiToken.count();
      const cases: [unknown, string][] = [
        [{ name: "", scopes: ["tickets:read"] }, "name"],
        [{ name: "a\u0000b", scopes: ["tickets:read"] }, "name"],
        [{ name: "x".repeat(201), scopes: ["tickets:read"] }, "name"],
        [{ name: "x", scopes: [] }, "scopes"],
        [{ name: "x", scopes: ["tickets:delete"] }, "scopes.0"],
        [{ name: "x", scopes: ["tickets:read"], expiresAt: "tomorrow" }, "expiresAt"],
        [{ name: "x", scopes: ["tickets:read"], expiresAt: new Date(Date.now() - 1000).toISOString() }, "expiresAt"],
        [{ name: "x", scopes: ["tickets:read"], serviceAccount: { userId: "svc", role: "CUSTOMER" } }, "serviceAccount.role"],
        [{ name: "x", scopes: ["tickets:read"], serviceAccount: { userId: "svc-l4", tier: "L4" } }, "serviceAccount.tier"],
        [{ name: "x", scopes: ["tickets:read"], serviceAccount: { userId: "svc\u0000x" } }, "serviceAccount.userId"],
        [{ name: "x", scopes: ["tickets:read"], serviceAccount: { userId: "svc-mgr", role: "MANAGER", tier: "L2" } }, "serviceAccount.tier"],
        [{ name: "x", scopes: ["tickets:read"], owner: "me" }, "_"],
      ];
      for (const [input, field] of cases) {
        const error = await refusal(createApiToken(admin, unchecked(input)));
        expect(error.code, JSON.stringify(input)).toBe("VALIDATION");
        expect(Object.keys(error.fields ?? {}), JSON.stringify(input)).toContain(field);
      }
      expect(await database().db.apiToken.count()).toBe(before);
      for (const query of [{ cursor: "1\u0000" }, { cursor: "123_not-a-uuid" }, { limit: "0" }, { limit: "201" }, { sort: "name" }]) {
        expect((await refusal(listApiTokens(admin, query))).code, JSON.stringify(query)).toBe("VALIDATION");
      }
    });

    it("keeps tokens to admins: managers list read-only, agents are refused", async () => {
      expect((await refusal(createApiToken(manager, { name: "x", scopes: ["tickets:read"] }))).code).toBe("FORBIDDEN");
      expect((await refusal(listApiTokens(l1))).code).toBe("FORBIDDEN");
      const { id } = await createApiToken(admin, { name: "keep", scopes: ["tickets:read"] });
      expect((await refusal(revokeApiToken(manager, id))).code).toBe("FORBIDDEN");
      expect((await database().db.apiToken.findUniqueOrThrow({ where: { id } })).revokedAt).toBeNull();
    });

    it("revokes once (audited), answers a second revocation the same without a second entry, and 404s an unknown id", async () => {
      const { id } = await createApiToken(admin, { name: "short-lived", scopes: ["tickets:read"] });
      const [a, b] = await Promise.all([revokeApiToken(admin, id), revokeApiToken(admin, id)]);
      expect(a.status).toBe("REVOKED");
      expect(b.revokedAt).toBe(a.revokedAt);
      expect(await database().db.auditEvent.count({ where: { entity: "ApiToken", entityId: id, action: "revoke" } })).toBe(1);
      expect((await refusal(revokeApiToken(admin, "00000000-0000-4000-8000-000000000000"))).code).toBe("NOT_FOUND");
      expect((await refusal(revokeApiToken(admin, "not-a-uuid"))).code).toBe("NOT_FOUND");
    });

    it("creates 50 tokens in parallel, for one new service account: all distinct, one account, 50 audited creations", async () => {
      const created = await Promise.all(
        Array.from({ length: 50 }, (_, i) => createApiToken(admin, { name: `parallel ${i}`, scopes: ["tickets:read"], serviceAccount: { userId: "svc-parallel" } })),
      );
      expect(new Set(created.map((c) => c.token)).size).toBe(50);
      expect(new Set(created.map((c) => c.id)).size).toBe(50);
      expect(await database().db.user.count({ where: { userId: "svc-parallel" } })).toBe(1);
      expect(await database().db.auditEvent.count({ where: { entity: "ApiToken", action: "create", entityId: { in: created.map((c) => c.id) } } })).toBe(50);
    });

    it("pages the list newest first on (createdAt, id) without losing or repeating a token", async () => {
      const all = (await listApiTokens(admin, { limit: "200" })).tokens;
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: Awaited<ReturnType<typeof listApiTokens>> = await listApiTokens(admin, { limit: "7", ...(cursor ? { cursor } : {}) });
        seen.push(...page.tokens.map((t) => t.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toEqual(all.map((t) => t.id));
      expect(new Set(seen).size).toBe(all.length);
    });
  });

  describe("bearer requests", () => {
    it("act as the token's user, with no cookie and no Origin (no cross-site check)", async () => {
      const { token } = await createApiToken(admin, { name: "writer", scopes: ["tickets:read", "tickets:write"], serviceAccount: { userId: "svc-desk", role: "AGENT", tier: "L1" } });
      const customer = (await database().db.user.findUniqueOrThrow({ where: { userId: "C1001" } })).userId;
      const created = await createTicketRoute(
        bearer(token, "/api/v1/tickets", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ type: "INCIDENT", title: "From a script", description: "Opened with a token.", category: "access", customer, channel: "PHONE", claim: true }) }),
        NONE,
      );
      expect(created.status).toBe(201);
      const ticket = (await created.json()).ticket;
      const row = await database().db.ticket.findUniqueOrThrow({ where: { number: ticket.number }, include: { assignee: true } });
      expect(row.assignee?.userId).toBe("svc-desk");
      const listed = await listTicketsRoute(bearer(token, "/api/v1/tickets"), NONE);
      expect(listed.status).toBe(200);
      expect((await listed.json()).tickets.map((t: { number: string }) => t.number)).toContain(ticket.number);
    });

    it("answers unknown, malformed, revoked, expired and deactivated-user tokens with one identical 401", async () => {
      const db = database().db;
      const revoked = await createApiToken(admin, { name: "revoked", scopes: ["tickets:read"] });
      await revokeApiToken(admin, revoked.id);
      const expiring = await createApiToken(admin, { name: "expiring", scopes: ["tickets:read"], expiresAt: new Date(Date.now() + 60_000).toISOString() });
      await db.apiToken.update({ where: { id: expiring.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
      const inactive = await createApiToken(admin, { name: "inactive", scopes: ["tickets:read"], serviceAccount: { userId: "svc-retired" } });
      await db.user.update({ where: { userId: "svc-retired" }, data: { active: false } });
      const tokens = [`tdk_${"A".repeat(43)}`, "tdk_short", "not-even-a-token", revoked.token, expiring.token, inactive.token];
      const answers = await Promise.all(tokens.map(async (t) => answer(await listTicketsRoute(bearer(t, "/api/v1/tickets"), NONE))));
      for (const a of answers) expect(a).toEqual(answers[0]);
      expect(answers[0]).toMatchObject({ status: 401, body: { error: { code: "UNAUTHENTICATED" } } });
      expect(answers[0]!.wwwAuthenticate).toMatch(/^Bearer realm="tierdesk", error="invalid_token"/);
    });

    it("refuses a missing scope with 403 naming it (RFC 6750 insufficient_scope)", async () => {
      const { token } = await createApiToken(admin, { name: "reader", scopes: ["tickets:read"] });
      const write = await answer(await createTicketRoute(bearer(token, "/api/v1/tickets", { method: "POST", headers: { "content-type": "application/json" }, body: "{}" }), NONE));
      expect(write).toMatchObject({ status: 403, body: { error: { code: "FORBIDDEN", scope: "tickets:write" } } });
      expect(write.body.error.message).toContain("tickets:write");
      expect(write.wwwAuthenticate).toBe('Bearer realm="tierdesk", error="insufficient_scope", scope="tickets:write"');
      const adminRoute = await answer(await listTokensRoute(bearer(token, "/api/v1/admin/tokens"), NONE));
      expect(adminRoute).toMatchObject({ status: 403, body: { error: { scope: "admin" } } });
    });

    it("still applies the user's own permissions: a manager's tickets:write token cannot claim, an agent's admin token cannot administer", async () => {
      const ticket = await createTicket(await actorFor(database().db, "C1001"), { type: "INCIDENT", title: "Needs an agent", description: "x", category: "access" });
      const managerToken = (await createApiToken(admin, { name: "mgr", scopes: ["tickets:write"], serviceAccount: { userId: "svc-manager", role: "MANAGER" } })).token;
      const claim = await answer(await claimRoute(bearer(managerToken, `/api/v1/tickets/${ticket.number}/claim`, { method: "POST" }), { params: Promise.resolve({ number: ticket.number }) }));
      expect(claim.status).toBe(403);
      expect(claim.body.error.scope).toBeUndefined();
      expect((await database().db.ticket.findUniqueOrThrow({ where: { number: ticket.number } })).assigneeId).toBeNull();
      const agentAdmin = (await createApiToken(admin, { name: "agent-admin", scopes: ["admin"], serviceAccount: { userId: "svc-agent-admin" } })).token;
      const mint = await answer(await createTokenRoute(bearer(agentAdmin, "/api/v1/admin/tokens", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ name: "escalate", scopes: ["admin"] }) }), NONE));
      expect(mint.status).toBe(403);
    });

    it("refuses a request with both a cookie and a bearer token, and a malformed Authorization header, with 400", async () => {
      const { token } = await createApiToken(admin, { name: "mixed", scopes: ["tickets:read"] });
      const mixed = await answer(await listTicketsRoute(bearer(token, "/api/v1/tickets", { headers: { cookie: "next-auth.session-token=abc" } }), NONE));
      expect(mixed).toMatchObject({ status: 400, body: { error: { code: "VALIDATION", message: expect.stringMatching(/not both/) } } });
      const basic = await answer(await listTicketsRoute(new Request(`${BASE}/api/v1/tickets`, { headers: { authorization: "Basic YWRtaW46eA==" } }), NONE));
      expect(basic.status).toBe(400);
      expect(basic.wwwAuthenticate).toContain('error="invalid_request"');
    });

    it("revocation takes effect on the next request", async () => {
      const { token, id } = await createApiToken(admin, { name: "to revoke", scopes: ["tickets:read", "admin"] });
      expect((await listTicketsRoute(bearer(token, "/api/v1/tickets"), NONE)).status).toBe(200);
      const adminToken = (await createApiToken(admin, { name: "revoker", scopes: ["admin"] })).token;
      const revoked = await revokeTokenRoute(bearer(adminToken, `/api/v1/admin/tokens/${id}`, { method: "DELETE" }), { params: Promise.resolve({ tokenId: id }) });
      expect(revoked.status).toBe(200);
      expect((await revoked.json()).token).toMatchObject({ id, status: "REVOKED" });
      expect((await listTicketsRoute(bearer(token, "/api/v1/tickets"), NONE)).status).toBe(401);
      const unknown = await revokeTokenRoute(bearer(adminToken, "/api/v1/admin/tokens/x", { method: "DELETE" }), { params: Promise.resolve({ tokenId: "00000000-0000-4000-8000-000000000000" }) });
      expect(unknown.status).toBe(404);
    });

    it("writes the last use (time and client address) at most once a minute", async () => {
      const { token, id } = await createApiToken(admin, { name: "last use", scopes: ["tickets:read"] });
      const t0 = new Date(Date.now() + 1000);
      const use = (at: number, address: string) => authenticateBearer(bearer(token, "/api/v1/tickets", { headers: { [CLIENT_ADDRESS_HEADER]: address } }), new Date(t0.getTime() + at));
      const row = () => database().db.apiToken.findUniqueOrThrow({ where: { id } });
      expect((await use(0, "192.0.2.1")).ok).toBe(true);
      expect(await row()).toMatchObject({ lastUsedAt: t0, lastUsedFrom: "192.0.2.1" });
      await Promise.all([use(30_000, "192.0.2.2"), use(59_999, "192.0.2.3")]);
      expect(await row()).toMatchObject({ lastUsedAt: t0, lastUsedFrom: "192.0.2.1" });
      await use(60_000, "2001:db8::4");
      expect(await row()).toMatchObject({ lastUsedAt: new Date(t0.getTime() + 60_000), lastUsedFrom: "2001:db8::4" });
    });

    it("limits each token to bursts of 100 then 20 a second, answering 429 with Retry-After; other tokens are unaffected", async () => {
      const { token } = await createApiToken(admin, { name: "busy", scopes: ["tickets:read"] });
      const other = (await createApiToken(admin, { name: "quiet", scopes: ["tickets:read"] })).token;
      const at = new Date(Date.now() + 5000);
      const outcomes = [];
      for (let i = 0; i < 101; i++) outcomes.push(await authenticateBearer(bearer(token, "/api/v1/tickets"), at));
      expect(outcomes.filter((o) => o.ok)).toHaveLength(100);
      const last = outcomes[100]!;
      expect(last.ok).toBe(false);
      if (!last.ok) {
        expect(last.error.status).toBe(429);
        expect(last.headers["Retry-After"]).toBe("1");
      }
      expect((await authenticateBearer(bearer(other, "/api/v1/tickets"), at)).ok).toBe(true);
      expect((await authenticateBearer(bearer(token, "/api/v1/tickets"), new Date(at.getTime() + 50))).ok).toBe(true);
    });
  });
});
