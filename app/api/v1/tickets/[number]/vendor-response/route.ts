import { NextResponse } from "next/server";
import { readJsonBody, withActor } from "@/lib/http/api";
import { recordVendorResponse } from "@/lib/routing/vendor-response";

export const POST = withActor(async (actor, request, { params }: RouteContext<"/api/v1/tickets/[number]/vendor-response">) => {
  const { number } = await params;
  return NextResponse.json({ engagement: await recordVendorResponse(actor, number, await readJsonBody(request)) });
});
