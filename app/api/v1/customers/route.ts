import { NextResponse } from "next/server";
import { readSearchParams, withActor } from "@/lib/http/api";
import { searchCustomers } from "@/lib/customers/search-customers";

export const GET = withActor(async (actor, request) => {
  const query = readSearchParams(request);
  return NextResponse.json({ customers: await searchCustomers(actor, query) });
});
