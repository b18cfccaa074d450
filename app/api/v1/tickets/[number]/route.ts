import { NextResponse } from "next/server";
import { readJsonBody, withActor, type TicketRouteContext } from "@/lib/http/api";
import { updateTicket } from "@/lib/routing/update-ticket";
import { readTicketFor } from "@/lib/tickets/ticket-for-actor";

export const GET = withActor(async (actor, _request, { params }: TicketRouteContext) => {
  const { number } = await params;
  return NextResponse.json({ ticket: await readTicketFor(actor, number) });
});

export const PATCH = withActor(async (actor, request, { params }: TicketRouteContext) => {
  const { number } = await params;
  return NextResponse.json({ ticket: await updateTicket(actor, number, await readJsonBody(request)) });
});
