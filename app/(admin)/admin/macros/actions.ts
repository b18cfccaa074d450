"use server";

import { runAdminAction } from "@/lib/admin/run-admin-action";
import { createMacro } from "@/lib/macros/create-macro";
import { deleteMacro } from "@/lib/macros/delete-macro";
import { updateMacro } from "@/lib/macros/update-macro";

const PAGE = "/admin/macros";

export async function createMacroAction(input: unknown) {
  return runAdminAction(async (actor) => (await createMacro(actor, input)).id, "Macro created.", PAGE);
}

export async function updateMacroAction(id: number, input: unknown) {
  return runAdminAction(async (actor) => (await updateMacro(actor, id, input)).id, "Macro saved.", PAGE);
}

export async function deleteMacroAction(id: number) {
  return runAdminAction((actor) => deleteMacro(actor, id), "Macro deleted.", PAGE);
}
