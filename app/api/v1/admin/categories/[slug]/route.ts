import { NextResponse } from "next/server";
import { deleteCategory } from "@/lib/admin/delete-category";
import { withActor } from "@/lib/http/api";

export const DELETE = withActor(async (actor, _request, { params }: RouteContext<"/api/v1/admin/categories/[slug]">) => {
  await deleteCategory(actor, { slug: (await params).slug });
  return NextResponse.json({ deleted: true });
});
