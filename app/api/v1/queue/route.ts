import { NextResponse } from "next/server";
import { readSearchParams, withActor } from "@/lib/http/api";
import { findQueue } from "@/lib/tickets/find-queue";

export const GET = withActor(async (actor, request) => {
  const query = readSearchParams(request);
  return NextResponse.json(await findQueue(actor, query), { headers: { "Cache-Control": "no-store" } });
});
