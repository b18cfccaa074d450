"use server";

import { runAction } from "@/lib/http/run-action";
import { createIntegration } from "@/lib/integrations/create-integration";
import { deactivateIntegration } from "@/lib/integrations/deactivate-integration";
import { updateIntegration } from "@/lib/integrations/update-integration";
import { unchecked } from "@/lib/validation/unchecked";

const PAGE = "/admin/integrations";

export async function createIntegrationAction(input: unknown) {
  return runAction(async (actor) => (await createIntegration(actor, unchecked(input))).id, { done: "Integration created.", revalidate: PAGE });
}

export async function updateIntegrationAction(id: string, input: unknown) {
  return runAction(async (actor) => (await updateIntegration(actor, id, unchecked(input))).id, { done: "Integration saved.", revalidate: PAGE });
}

export async function deactivateIntegrationAction(id: string) {
  return runAction(async (actor) => (await deactivateIntegration(actor, id)).id, { done: "Integration switched off.", revalidate: PAGE });
}
