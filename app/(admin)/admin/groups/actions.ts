"use server";

import { createCategory } from "@/lib/admin/create-category";
import { createSupportGroup } from "@/lib/admin/create-support-group";
import { deleteCategory } from "@/lib/admin/delete-category";
import { deleteSupportGroup } from "@/lib/admin/delete-support-group";
import { runAdminAction } from "@/lib/admin/run-admin-action";
import { updateCategory } from "@/lib/admin/update-category";
import { updateSupportGroup } from "@/lib/admin/update-support-group";

const PAGE = "/admin/groups";

export async function updateGroupAction(input: unknown) {
  return runAdminAction(async (actor) => {
    await updateSupportGroup(actor, input);
  }, "Group saved.", PAGE);
}

export async function updateCategoryAction(input: unknown) {
  return runAdminAction(async (actor) => {
    await updateCategory(actor, input);
  }, "Category saved.", PAGE);
}

export async function createGroupAction(input: unknown) {
  return runAdminAction(async (actor) => (await createSupportGroup(actor, input)).slug, "Group created.", PAGE);
}

export async function deleteGroupAction(slug: string) {
  return runAdminAction((actor) => deleteSupportGroup(actor, { slug }), "Group deleted.", PAGE);
}

export async function createCategoryAction(input: unknown) {
  return runAdminAction(async (actor) => {
    await createCategory(actor, input);
  }, "Category created.", PAGE);
}

export async function deleteCategoryAction(slug: string) {
  return runAdminAction((actor) => deleteCategory(actor, { slug }), "Category deleted.", PAGE);
}
