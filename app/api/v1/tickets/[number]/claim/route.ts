import { NextResponse } from "next/server";
import { withActor, type TicketRouteContext } from "@/lib/http/api";
import { claimTicket } from "@/lib/routing/claim";

export const POST = withActor(async (actor, _request, { params }: TicketRouteContext) => {
  const { number } = await params;
  return NextResponse.json({ ticket: await claimTicket(actor, number) });
});
