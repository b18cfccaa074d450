import { NextResponse } from "next/server";
import { withActor } from "@/lib/http/api";
import { listEvents } from "@/lib/tickets/list-events";

export const GET = withActor(async (actor, _request, { params }: RouteContext<"/api/v1/tickets/[number]/events">) => {
  const { number } = await params;
  return NextResponse.json({ events: await listEvents(actor, number) });
});
