import { NextResponse } from "next/server";
import { readJsonBody, withActor, type TicketRouteContext } from "@/lib/http/api";
import { updateTicket } from "@/lib/routing/update-ticket";
import { getTicket } from "@/lib/tickets/get-ticket";

export const GET = withActor(async (actor, _request, { params }: TicketRouteContext) => {
  const { number } = await params;
  return NextResponse.json({ ticket: await getTicket(actor, number) });
});

export const PATCH = withActor(async (actor, request, { params }: TicketRouteContext) => {
  const { number } = await params;
  return NextResponse.json({ ticket: await updateTicket(actor, number, await readJsonBody(request)) });
});
