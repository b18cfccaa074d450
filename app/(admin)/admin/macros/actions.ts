"use server";

import { runAction } from "@/lib/http/run-action";
import { createMacro } from "@/lib/macros/create-macro";
import { deleteMacro } from "@/lib/macros/delete-macro";
import { updateMacro } from "@/lib/macros/update-macro";
import { unchecked } from "@/lib/validation/unchecked";

const PAGE = "/admin/macros";

export async function createMacroAction(input: unknown) {
  return runAction(async (actor) => (await createMacro(actor, unchecked(input))).id, { done: "Macro created.", revalidate: PAGE });
}

export async function updateMacroAction(id: number, input: unknown) {
  return runAction(async (actor) => (await updateMacro(actor, id, unchecked(input))).id, { done: "Macro saved.", revalidate: PAGE });
}

export async function deleteMacroAction(id: number) {
  return runAction((actor) => deleteMacro(actor, id), { done: "Macro deleted.", revalidate: PAGE });
}
