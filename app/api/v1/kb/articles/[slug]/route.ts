import { NextResponse } from "next/server";
import { withActor } from "@/lib/http/api";
import type { ArticleRouteContext } from "@/lib/http/article-route";
import { getCustomerArticle } from "@/lib/kb/get-article";

export const GET = withActor(async (_actor, _request, { params }: ArticleRouteContext) => {
  const { id: _id, ...article } = await getCustomerArticle((await params).slug);
  return NextResponse.json({ article });
});
