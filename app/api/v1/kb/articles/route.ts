import { NextResponse } from "next/server";
import { readSearchParams, withActor } from "@/lib/http/api";
import { searchCustomerArticles } from "@/lib/kb/search-articles";

export const GET = withActor(async (_actor, request) => {
  const query = readSearchParams(request);
  return NextResponse.json({ articles: await searchCustomerArticles(query) });
});
