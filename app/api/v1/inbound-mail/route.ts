import { NextResponse } from "next/server";
import { readSearchParams, withActor } from "@/lib/http/api";
import { listInboundMail } from "@/lib/inbound/list-inbound-mail";

export const GET = withActor(async (actor, request) => {
  const query = readSearchParams(request);
  return NextResponse.json(await listInboundMail(actor, query), { headers: { "Cache-Control": "no-store" } });
});
