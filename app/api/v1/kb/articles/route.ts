import { NextResponse } from "next/server";
import { withActor } from "@/lib/http/api";
import { searchCustomerArticles } from "@/lib/kb/search-articles";

export const GET = withActor(async (_actor, request) => {
  const query = Object.fromEntries(new URL(request.url).searchParams);
  return NextResponse.json({ articles: await searchCustomerArticles(query) });
});
