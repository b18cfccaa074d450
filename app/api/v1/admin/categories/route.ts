import { NextResponse } from "next/server";
import { listAdminCategories } from "@/lib/admin/list-admin-categories";
import { updateCategory } from "@/lib/admin/update-category";
import { readJsonBody, withActor } from "@/lib/http/api";

export const GET = withActor(async (actor) => NextResponse.json({ categories: await listAdminCategories(actor) }));

export const PUT = withActor(async (actor, request) => NextResponse.json({ category: await updateCategory(actor, await readJsonBody(request)) }));
