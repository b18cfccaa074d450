import { NextResponse } from "next/server";
import { readSearchParams, withActor } from "@/lib/http/api";
import { getEscalationMetrics } from "@/lib/metrics/get-escalation-metrics";

export const GET = withActor(async (actor, request) => {
  const query = readSearchParams(request);
  return NextResponse.json(await getEscalationMetrics(actor, query), { headers: { "Cache-Control": "no-store" } });
});
