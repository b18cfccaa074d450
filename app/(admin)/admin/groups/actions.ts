"use server";

import { revalidatePath } from "next/cache";
import { createCategory } from "@/lib/admin/create-category";
import { createSupportGroup } from "@/lib/admin/create-support-group";
import { deleteCategory } from "@/lib/admin/delete-category";
import { deleteSupportGroup } from "@/lib/admin/delete-support-group";
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

export async function createGroupAction(input: unknown) {
  const result = await runAdminAction(async (actor) => (await createSupportGroup(actor, input)).slug, "Group created.");
  if (result.ok) revalidatePath("/admin/groups");
  return result;
}

export async function deleteGroupAction(slug: string) {
  const result = await runAdminAction((actor) => deleteSupportGroup(actor, { slug }), "Group deleted.");
  if (result.ok) revalidatePath("/admin/groups");
  return result;
}

export async function createCategoryAction(input: unknown) {
  const result = await runAdminAction(async (actor) => {
    await createCategory(actor, input);
  }, "Category created.");
  if (result.ok) revalidatePath("/admin/groups");
  return result;
}

export async function deleteCategoryAction(slug: string) {
  const result = await runAdminAction((actor) => deleteCategory(actor, { slug }), "Category deleted.");
  if (result.ok) revalidatePath("/admin/groups");
  return result;
}
