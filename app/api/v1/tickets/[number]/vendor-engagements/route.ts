import { NextResponse } from "next/server";
import { withActor } from "@/lib/http/api";
import { getVendorEngagements } from "@/lib/routing/vendor-engagement-json";

export const GET = withActor(async (actor, _request, { params }: RouteContext<"/api/v1/tickets/[number]/vendor-engagements">) => {
  const { number } = await params;
  return NextResponse.json({ engagements: await getVendorEngagements(actor, number) });
});
