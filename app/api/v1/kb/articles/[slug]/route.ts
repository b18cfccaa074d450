import { NextResponse } from "next/server";
import { withActor } from "@/lib/http/api";
import { getCustomerArticle } from "@/lib/kb/get-article";

export const GET = withActor(async (_actor, _request, { params }: RouteContext<"/api/v1/kb/articles/[slug]">) => {
  const { slug, title, body, updatedAt, category } = await getCustomerArticle((await params).slug);
  return NextResponse.json({ article: { slug, title, body, updatedAt, category } });
});
