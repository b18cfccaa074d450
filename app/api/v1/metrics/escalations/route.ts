import { NextResponse } from "next/server";
import { withActor } from "@/lib/http/api";
import { getEscalationMetrics } from "@/lib/metrics/get-escalation-metrics";

export const GET = withActor(async (actor, request) => {
  const query = Object.fromEntries(new URL(request.url).searchParams);
  return NextResponse.json(await getEscalationMetrics(actor, query), { headers: { "Cache-Control": "no-store" } });
});
