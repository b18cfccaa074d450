// API tokens for the journeys: an admin (by session cookie) creates them for service accounts through the typed client.
import type { ApiClient } from "./client";
import type { components } from "./generated/openapi";
import { expect, expectOk } from "./fixtures";

type CreateApiToken = components["schemas"]["CreateApiToken"];

/** A new token (shown once) and its id; the service account is created on first use of its user ID and reused after. */
export async function createToken(admin: ApiClient, body: CreateApiToken): Promise<{ token: string; id: string }> {
  const created = expectOk(await admin.POST("/api/v1/admin/tokens", { body }), 201);
  expect(created.token).toMatch(/^tdk_[0-9A-Za-z]{43}$/);
  expect(created.token.startsWith(created.prefix)).toBe(true);
  return { token: created.token, id: created.id };
}

/** A service account at an agent tier with read and write on tickets, as a script working a queue would have. */
export function agentToken(admin: ApiClient, userId: string, tier: "L1" | "L2"): Promise<{ token: string; id: string }> {
  return createToken(admin, {
    name: `Typed client ${tier} bot`,
    scopes: ["tickets:read", "tickets:write"],
    serviceAccount: { userId, name: `${tier} automation`, role: "AGENT", tier },
  });
}
