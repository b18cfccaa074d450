"use server";

import { runAdminAction } from "@/lib/admin/run-admin-action";
import { createIntegration } from "@/lib/integrations/create-integration";
import { deactivateIntegration } from "@/lib/integrations/deactivate-integration";
import { updateIntegration } from "@/lib/integrations/update-integration";

const PAGE = "/admin/integrations";

export async function createIntegrationAction(input: unknown) {
  return runAdminAction(async (actor) => (await createIntegration(actor, input)).id, "Integration created.", PAGE);
}

export async function updateIntegrationAction(id: string, input: unknown) {
  return runAdminAction(async (actor) => (await updateIntegration(actor, id, input)).id, "Integration saved.", PAGE);
}

export async function deactivateIntegrationAction(id: string) {
  return runAdminAction(async (actor) => (await deactivateIntegration(actor, id)).id, "Integration switched off.", PAGE);
}
