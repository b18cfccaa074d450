"use server";

import { createKbArticle } from "@/lib/admin/create-kb-article";
import { deleteKbArticle } from "@/lib/admin/delete-kb-article";
import { runAdminAction } from "@/lib/admin/run-admin-action";
import { updateKbArticle } from "@/lib/admin/update-kb-article";

const PAGE = "/admin/kb";

export async function createKbArticleAction(input: unknown) {
  return runAdminAction(async (actor) => (await createKbArticle(actor, input)).slug, "Article created.", PAGE);
}

export async function updateKbArticleAction(input: unknown) {
  return runAdminAction(async (actor) => (await updateKbArticle(actor, input)).slug, "Article saved.", PAGE);
}

export async function deleteKbArticleAction(slug: string) {
  return runAdminAction((actor) => deleteKbArticle(actor, { slug }), "Article deleted.", PAGE);
}
