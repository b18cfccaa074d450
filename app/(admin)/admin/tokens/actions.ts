"use server";

import { runAdminAction } from "@/lib/admin/run-admin-action";
import { createApiToken } from "@/lib/tokens/create-api-token";
import { revokeApiToken } from "@/lib/tokens/revoke-api-token";

const PAGE = "/admin/tokens";

export async function createApiTokenAction(input: unknown) {
  return runAdminAction((actor) => createApiToken(actor, input), "Token created.", PAGE);
}

export async function revokeApiTokenAction(id: string) {
  return runAdminAction(async (actor) => (await revokeApiToken(actor, id)).id, "Token revoked.", PAGE);
}
