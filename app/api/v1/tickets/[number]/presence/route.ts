import { NextResponse } from "next/server";
import { withActor, type TicketRouteContext } from "@/lib/http/api";
import { heartbeatTicketView } from "@/lib/tickets/presence";

/** The page's heartbeat: "I have this ticket open"; answers who else has. */
export const POST = withActor(async (actor, _request, { params }: TicketRouteContext) => {
  const { number } = await params;
  return NextResponse.json({ viewers: await heartbeatTicketView(actor, number) });
});
