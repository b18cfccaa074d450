import { NextResponse } from "next/server";
import { deleteCategory } from "@/lib/admin/delete-category";
import { withActor, type SlugRouteContext } from "@/lib/http/api";

export const DELETE = withActor(async (actor, _request, { params }: SlugRouteContext) => {
  await deleteCategory(actor, { slug: (await params).slug });
  return NextResponse.json({ deleted: true });
});
