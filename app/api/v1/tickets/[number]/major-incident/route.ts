import { NextResponse } from "next/server";
import { withActor } from "@/lib/http/api";
import { declareMajorIncident } from "@/lib/incidents/major-incident";

/** Declares the ticket a major incident (L2+ agents and managers). */
export const POST = withActor(async (actor, _request, { params }: RouteContext<"/api/v1/tickets/[number]/major-incident">) => {
  const { number } = await params;
  return NextResponse.json({ links: await declareMajorIncident(actor, number) });
});
