"use server";

import { revalidatePath } from "next/cache";
import { runAdminAction } from "@/lib/admin/run-admin-action";
import { updateCategory } from "@/lib/admin/update-category";
import { updateSupportGroup } from "@/lib/admin/update-support-group";

export async function updateGroupAction(input: unknown) {
  const result = await runAdminAction(async (actor) => {
    await updateSupportGroup(actor, input);
  }, "Group saved.");
  if (result.ok) revalidatePath("/admin/groups");
  return result;
}

export async function updateCategoryAction(input: unknown) {
  const result = await runAdminAction(async (actor) => {
    await updateCategory(actor, input);
  }, "Category saved.");
  if (result.ok) revalidatePath("/admin/groups");
  return result;
}
