import { NextResponse } from "next/server";
import { readSearchParams, withActor } from "@/lib/http/api";
import { countSelfService } from "@/lib/kb/self-service-counts";

export const GET = withActor(async (actor, request) => {
  const query = readSearchParams(request);
  return NextResponse.json({ counts: await countSelfService(actor, query) });
});
