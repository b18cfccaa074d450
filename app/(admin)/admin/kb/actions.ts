"use server";

import { createKbArticle } from "@/lib/admin/create-kb-article";
import { deleteKbArticle } from "@/lib/admin/delete-kb-article";
import { runAction } from "@/lib/http/run-action";
import { updateKbArticle } from "@/lib/admin/update-kb-article";
import { unchecked } from "@/lib/validation/unchecked";

const PAGE = "/admin/kb";

export async function createKbArticleAction(input: unknown) {
  return runAction(async (actor) => (await createKbArticle(actor, unchecked(input))).slug, { done: "Article created.", revalidate: PAGE });
}

export async function updateKbArticleAction(input: unknown) {
  return runAction(async (actor) => (await updateKbArticle(actor, unchecked(input))).slug, { done: "Article saved.", revalidate: PAGE });
}

export async function deleteKbArticleAction(slug: string) {
  return runAction((actor) => deleteKbArticle(actor, { slug }), { done: "Article deleted.", revalidate: PAGE });
}
