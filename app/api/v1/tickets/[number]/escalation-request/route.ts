import { NextResponse } from "next/server";
import { readJsonBody, withActor, type TicketRouteContext } from "@/lib/http/api";
import { requestEscalation } from "@/lib/tickets/escalation-request";

export const POST = withActor(async (actor, request, { params }: TicketRouteContext) => {
  const { number } = await params;
  return NextResponse.json({ ticket: await requestEscalation(actor, number, await readJsonBody(request)) });
});
