import { NextResponse } from "next/server";
import { deleteKbArticle } from "@/lib/admin/delete-kb-article";
import { withActor, type SlugRouteContext } from "@/lib/http/api";

export const DELETE = withActor(async (actor, _request, { params }: SlugRouteContext) => {
  await deleteKbArticle(actor, { slug: (await params).slug });
  return NextResponse.json({ deleted: true });
});
