import { NextResponse } from "next/server";
import { withActor, type TicketRouteContext } from "@/lib/http/api";
import { getVendorEngagements } from "@/lib/routing/vendor-engagement-json";

export const GET = withActor(async (actor, _request, { params }: TicketRouteContext) => {
  const { number } = await params;
  return NextResponse.json({ engagements: await getVendorEngagements(actor, number) });
});
