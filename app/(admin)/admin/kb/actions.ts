"use server";

import { revalidatePath } from "next/cache";
import { createKbArticle } from "@/lib/admin/create-kb-article";
import { deleteKbArticle } from "@/lib/admin/delete-kb-article";
import { runAdminAction } from "@/lib/admin/run-admin-action";
import { updateKbArticle } from "@/lib/admin/update-kb-article";

export async function createKbArticleAction(input: unknown) {
  const result = await runAdminAction(async (actor) => (await createKbArticle(actor, input)).slug, "Article created.");
  if (result.ok) revalidatePath("/admin/kb");
  return result;
}

export async function updateKbArticleAction(input: unknown) {
  const result = await runAdminAction(async (actor) => (await updateKbArticle(actor, input)).slug, "Article saved.");
  if (result.ok) revalidatePath("/admin/kb");
  return result;
}

export async function deleteKbArticleAction(slug: string) {
  const result = await runAdminAction((actor) => deleteKbArticle(actor, { slug }), "Article deleted.");
  if (result.ok) revalidatePath("/admin/kb");
  return result;
}
