import { NextResponse } from "next/server";
import { readJsonBody, withActor } from "@/lib/http/api";
import { updateTicket } from "@/lib/routing/update-ticket";
import { readTicketFor } from "@/lib/tickets/ticket-for-actor";

export const GET = withActor(async (actor, _request, { params }: RouteContext<"/api/v1/tickets/[number]">) => {
  const { number } = await params;
  return NextResponse.json({ ticket: await readTicketFor(actor, number) });
});

export const PATCH = withActor(async (actor, request, { params }: RouteContext<"/api/v1/tickets/[number]">) => {
  const { number } = await params;
  return NextResponse.json({ ticket: await updateTicket(actor, number, await readJsonBody(request)) });
});
