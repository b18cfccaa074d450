import { NextResponse } from "next/server";
import { withActor, type TicketRouteContext } from "@/lib/http/api";
import { listEvents } from "@/lib/tickets/list-events";

export const GET = withActor(async (actor, _request, { params }: TicketRouteContext) => {
  const { number } = await params;
  return NextResponse.json({ events: await listEvents(actor, number) });
});
