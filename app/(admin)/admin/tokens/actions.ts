"use server";

import { runAction } from "@/lib/http/run-action";
import { createApiToken } from "@/lib/tokens/create-api-token";
import { revokeApiToken } from "@/lib/tokens/revoke-api-token";
import { unchecked } from "@/lib/validation/unchecked";

const PAGE = "/admin/tokens";

export async function createApiTokenAction(input: unknown) {
  return runAction((actor) => createApiToken(actor, unchecked(input)), { done: "Token created.", revalidate: PAGE });
}

export async function revokeApiTokenAction(id: string) {
  return runAction(async (actor) => (await revokeApiToken(actor, id)).id, { done: "Token revoked.", revalidate: PAGE });
}
