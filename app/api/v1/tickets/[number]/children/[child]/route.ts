import { NextResponse } from "next/server";
import { withActor } from "@/lib/http/api";
import { detachChild } from "@/lib/incidents/major-incident";


/** Detaches a child the major incident does not fix. */
export const DELETE = withActor(async (actor, _request, { params }: RouteContext<"/api/v1/tickets/[number]/children/[child]">) => {
  const { number, child } = await params;
  return NextResponse.json({ links: await detachChild(actor, number, child) });
});
