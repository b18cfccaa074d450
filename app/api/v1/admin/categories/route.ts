import { NextResponse } from "next/server";
import { createCategory } from "@/lib/admin/create-category";
import { listAdminCategories } from "@/lib/admin/list-admin-categories";
import { updateCategory } from "@/lib/admin/update-category";
import { readJsonBody, withActor } from "@/lib/http/api";

export const GET = withActor(async (actor) => NextResponse.json({ categories: await listAdminCategories(actor) }));

export const POST = withActor(async (actor, request) => NextResponse.json({ category: await createCategory(actor, await readJsonBody(request)) }, { status: 201 }));

export const PUT = withActor(async (actor, request) => NextResponse.json({ category: await updateCategory(actor, await readJsonBody(request)) }));
