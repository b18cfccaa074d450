import { NextResponse } from "next/server";
import { readJsonBody, withActor, type TicketRouteContext } from "@/lib/http/api";
import { rateTicket } from "@/lib/tickets/rate-ticket";

export const POST = withActor(async (actor, request, { params }: TicketRouteContext) => {
  const { number } = await params;
  return NextResponse.json({ ticket: await rateTicket(actor, number, await readJsonBody(request)) });
});
