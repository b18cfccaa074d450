import { NextResponse } from "next/server";
import { withActor } from "@/lib/http/api";
import { countSelfService } from "@/lib/kb/self-service-counts";

export const GET = withActor(async (actor, request) => {
  const query = Object.fromEntries(new URL(request.url).searchParams);
  return NextResponse.json({ counts: await countSelfService(actor, query) });
});
