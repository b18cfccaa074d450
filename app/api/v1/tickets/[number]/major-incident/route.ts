import { NextResponse } from "next/server";
import { withActor, type TicketRouteContext } from "@/lib/http/api";
import { declareMajorIncident } from "@/lib/incidents/major-incident";

/** Declares the ticket a major incident (L2+ agents and managers). */
export const POST = withActor(async (actor, _request, { params }: TicketRouteContext) => {
  const { number } = await params;
  return NextResponse.json({ links: await declareMajorIncident(actor, number) });
});
