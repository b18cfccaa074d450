import { NextResponse } from "next/server";
import { createKbArticle } from "@/lib/admin/create-kb-article";
import { listKbArticles } from "@/lib/admin/list-kb-articles";
import { updateKbArticle } from "@/lib/admin/update-kb-article";
import { readJsonBody, withActor } from "@/lib/http/api";

export const GET = withActor(async (actor) => NextResponse.json({ articles: await listKbArticles(actor) }));

export const POST = withActor(async (actor, request) => NextResponse.json({ article: await createKbArticle(actor, await readJsonBody(request)) }, { status: 201 }));

export const PUT = withActor(async (actor, request) => NextResponse.json({ article: await updateKbArticle(actor, await readJsonBody(request)) }));
