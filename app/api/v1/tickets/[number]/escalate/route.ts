import { NextResponse } from "next/server";
import { readJsonBody, withActor, type TicketRouteContext } from "@/lib/http/api";
import { escalateTicket } from "@/lib/routing/escalate";

export const POST = withActor(async (actor, request, { params }: TicketRouteContext) => {
  const { number } = await params;
  return NextResponse.json({ ticket: await escalateTicket(actor, number, await readJsonBody(request)) });
});
