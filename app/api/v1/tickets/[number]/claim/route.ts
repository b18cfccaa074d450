import { NextResponse } from "next/server";
import { withActor } from "@/lib/http/api";
import { claimTicket } from "@/lib/routing/claim";

export const POST = withActor(async (actor, _request, { params }: RouteContext<"/api/v1/tickets/[number]/claim">) => {
  const { number } = await params;
  return NextResponse.json({ ticket: await claimTicket(actor, number) });
});
