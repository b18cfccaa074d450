"use server";

import { createCategory } from "@/lib/admin/create-category";
import { createSupportGroup } from "@/lib/admin/create-support-group";
import { deleteCategory } from "@/lib/admin/delete-category";
import { deleteSupportGroup } from "@/lib/admin/delete-support-group";
import { runAction } from "@/lib/http/run-action";
import { updateCategory } from "@/lib/admin/update-category";
import { updateSupportGroup } from "@/lib/admin/update-support-group";
import { unchecked } from "@/lib/validation/unchecked";

const PAGE = "/admin/groups";

export async function updateGroupAction(input: unknown) {
  return runAction(async (actor) => {
    await updateSupportGroup(actor, unchecked(input));
  }, { done: "Group saved.", revalidate: PAGE });
}

export async function updateCategoryAction(input: unknown) {
  return runAction(async (actor) => {
    await updateCategory(actor, unchecked(input));
  }, { done: "Category saved.", revalidate: PAGE });
}

export async function createGroupAction(input: unknown) {
  return runAction(async (actor) => (await createSupportGroup(actor, unchecked(input))).slug, { done: "Group created.", revalidate: PAGE });
}

export async function deleteGroupAction(slug: string) {
  return runAction((actor) => deleteSupportGroup(actor, { slug }), { done: "Group deleted.", revalidate: PAGE });
}

export async function createCategoryAction(input: unknown) {
  return runAction(async (actor) => {
    await createCategory(actor, unchecked(input));
  }, { done: "Category created.", revalidate: PAGE });
}

export async function deleteCategoryAction(slug: string) {
  return runAction((actor) => deleteCategory(actor, { slug }), { done: "Category deleted.", revalidate: PAGE });
}
