import { NextResponse } from "next/server";
import { withActor } from "@/lib/http/api";
import { heartbeatTicketView, listTicketViewers } from "@/lib/tickets/presence";

/** The page's heartbeat: "I have this ticket open"; answers who else has. */
export const POST = withActor(async (actor, _request, { params }: RouteContext<"/api/v1/tickets/[number]/presence">) => {
  const { number } = await params;
  return NextResponse.json({ viewers: await heartbeatTicketView(actor, number) });
});

/** Who else has it open, recording nothing: what the page asks when a push says someone arrived. */
export const GET = withActor(async (actor, _request, { params }: RouteContext<"/api/v1/tickets/[number]/presence">) => {
  const { number } = await params;
  return NextResponse.json({ viewers: await listTicketViewers(actor, number) });
});
