import { NextResponse } from "next/server";
import { deleteKbArticle } from "@/lib/admin/delete-kb-article";
import { withActor } from "@/lib/http/api";

export const DELETE = withActor(async (actor, _request, { params }: RouteContext<"/api/v1/admin/kb-articles/[slug]">) => {
  await deleteKbArticle(actor, { slug: (await params).slug });
  return NextResponse.json({ deleted: true });
});
