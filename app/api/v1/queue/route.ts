import { NextResponse } from "next/server";
import { withActor } from "@/lib/http/api";
import { findQueue } from "@/lib/tickets/find-queue";

export const GET = withActor(async (actor, request) => {
  const query = Object.fromEntries(new URL(request.url).searchParams);
  return NextResponse.json(await findQueue(actor, query), { headers: { "Cache-Control": "no-store" } });
});
