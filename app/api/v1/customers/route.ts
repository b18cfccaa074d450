import { NextResponse } from "next/server";
import { withActor } from "@/lib/http/api";
import { searchCustomers } from "@/lib/customers/search-customers";

export const GET = withActor(async (actor, request) => {
  const query = Object.fromEntries(new URL(request.url).searchParams);
  return NextResponse.json({ customers: await searchCustomers(actor, query) });
});
